/**
 * Seeded random numbers for reproducible synthetic data: mulberry32 for uniforms, Marsaglia &
 * Tsang for gamma variates, beta from two gammas.
 */
export interface Random {
	uniform(): number;
	normal(): number;
	/** Gamma(shape, rate): mean shape / rate. */
	gamma(shape: number, rate: number): number;
	beta(a: number, b: number): number;
	exponential(rate: number): number;
	pick<T>(list: readonly T[]): T;
}

export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const uniform = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const normal = () => {
		const u = 1 - uniform();
		const v = uniform();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	};
	/** Gamma(shape, rate): mean shape / rate. */
	const gamma = (shape: number, rate: number): number => {
		if (shape < 1) return gamma(shape + 1, rate) * Math.pow(uniform(), 1 / shape);
		const d = shape - 1 / 3;
		const c = 1 / Math.sqrt(9 * d);
		for (;;) {
			let x: number;
			let v: number;
			do {
				x = normal();
				v = 1 + c * x;
			} while (v <= 0);
			v = v * v * v;
			const u = uniform();
			if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
		}
	};
	const beta = (a: number, b: number) => {
		const x = gamma(a, 1);
		return x / (x + gamma(b, 1));
	};
	const exponential = (rate: number) => -Math.log(1 - uniform()) / rate;
	const pick = <T>(list: readonly T[]): T => list[Math.floor(uniform() * list.length)];
	return { uniform, normal, gamma, beta, exponential, pick };
}
