import type { FittedPurchaseModel } from './purchaseModel';
import { PURCHASE_MODELS } from './purchaseModels';

const fixed = (value: number, digits: number) => value.toFixed(digits);
const percent = (share: number) => `${(100 * share).toFixed(0)}%`;

/**
 * What a fit says, in one sentence for ops staff, then its parameters: an active customer's
 * usual gap (alpha / r, the inverse of the mean purchase rate) and how customers leave, in the
 * model's own terms (the mean drop-out chance a / (a + b) per order; the median lifetime
 * beta * (2^(1/s) - 1) of Pareto/NBD's exponential lifetimes; BG/BB's mean chances per
 * opportunity).
 */
export function modelInWords(fitted: FittedPurchaseModel, buyers: number, repeaters: number): string {
	const p = fitted.params;
	const model = PURCHASE_MODELS[fitted.name];
	const learnt = `${model.label} learnt from ${buyers} customers (${repeaters} bought again)`;
	const list = model.parameterNames.map((name) => `${name}=${fixed(p[name], name === 'alpha' && !model.discrete ? 2 : 4)}`).join(', ');
	switch (fitted.name) {
		case 'bgnbd':
			return `${learnt}: while active, a customer orders about every ${Math.round(p.alpha / p.r)} days, and after each repeat order there is a ${percent(p.a / (p.a + p.b))} chance they stop for good (${list}).`;
		case 'mbgnbd':
			return `${learnt}: while active, a customer orders about every ${Math.round(p.alpha / p.r)} days, and after each order, the first included, there is a ${percent(p.a / (p.a + p.b))} chance they stop for good (${list}).`;
		case 'paretonbd':
			return `${learnt}: while active, a customer orders about every ${Math.round(p.alpha / p.r)} days, and half of customers stay active longer than ${Math.round(p.beta * Math.expm1(Math.LN2 / p.s))} days (${list}).`;
		case 'bgbb': {
			const period = fitted.periodDays as number;
			return `${learnt}, with a chance to buy every ${period} days: an active customer buys at ${percent(p.alpha / (p.alpha + p.beta))} of chances, and ${percent(p.gamma / (p.gamma + p.delta))} leave after each one (${list}).`;
		}
	}
}
