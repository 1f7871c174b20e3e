import { betaGeometricModel, MBG_NBD } from './bgnbd';

/**
 * The MBG/NBD model (Batislam, Denizel & Filiztekin 2007): BG/NBD in which a customer may also
 * drop out right after the first purchase, so a one-time buyer who has been silent a long time
 * gets a falling P(alive) instead of BG/NBD's exact 1. Same parameters (r, alpha, a, b) and the
 * same code as BG/NBD with b + x shifted by one (MODELS.md).
 */
export const mbgnbdModel = betaGeometricModel('mbgnbd', 'MBG/NBD', MBG_NBD);
