import { Objective } from '../math/bfgs';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { exp } = Math;

/**
 * The objective every model here minimises: over log-parameters (which keeps them positive),
 * the mean negative log-likelihood per customer plus the optional L2 penalty the Python
 * lifetimes library uses (penalizer * sum(params^2) on the natural parameters). Working per
 * customer keeps the optimiser's tolerances independent of the number of customers.
 */
export function logParameterObjective(
	customers: number,
	penalizer: number,
	logLikelihood: (natural: number[]) => { value: number; gradient: number[] },
): Objective {
	return (logs) => {
		const natural = logs.map(exp);
		if (!natural.every((v) => Number.isFinite(v) && v > 0)) return { value: Infinity, gradient: logs.map(() => 0) };
		const { value, gradient } = logLikelihood(natural);
		return {
			value: -value / customers + penalizer * natural.reduce((s, v) => s + v * v, 0),
			// Chain rule to log-parameters: d/d(ln p) = p * d/dp.
			gradient: gradient.map((g, k) => (-g / customers + 2 * penalizer * natural[k]) * natural[k]),
		};
	};
}
