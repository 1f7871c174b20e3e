import { bgbbModel } from './bgbb';
import { bgnbdModel } from './bgnbd';
import { mbgnbdModel } from './mbgnbd';
import { paretoNbdModel } from './paretoNbd';
import type { PurchaseModel, PurchaseModelName } from './purchaseModel';

/** Every model by name. */
export const PURCHASE_MODELS: Readonly<Record<PurchaseModelName, PurchaseModel>> = {
	bgnbd: bgnbdModel,
	mbgnbd: mbgnbdModel,
	paretonbd: paretoNbdModel,
	bgbb: bgbbModel,
};

/** The continuous-time models the automatic choice compares on a backtest. */
export const CONTINUOUS_MODELS: readonly PurchaseModel[] = [bgnbdModel, mbgnbdModel, paretoNbdModel];
