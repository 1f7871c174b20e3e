/**
 * A long computation written as a generator that yields between units of work (one objective
 * evaluation of a fit), so that the same code runs straight through in a script or a test and
 * cooperatively in n8n: a driver decides when to give the event loop a turn and whether to stop.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once. */
export function runToEnd<T>(steps: Steps<T>): T {
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
	}
}

export interface CooperativeOptions {
	/**
	 * Hands the event loop a turn; supplied by the caller so this folder needs no timer of its own
	 * (n8n nodes pass n8n-workflow's sleep).
	 */
	pause: () => Promise<void>;
	/** Stops the computation at its next step, e.g. n8n's execution-cancel signal. */
	signal?: AbortSignal;
	/** Longest stretch of work between two pauses. */
	sliceMs?: number;
}

/** Thrown when the signal aborts the computation: nothing partial is returned. */
export class ComputationCancelled extends Error {
	constructor() {
		super('The computation was cancelled');
		this.name = 'ComputationCancelled';
	}
}

/**
 * Runs the steps in slices of at most `sliceMs` (25 ms by default, short enough that n8n keeps
 * answering the editor and other executions during a long fit) and pauses between slices.
 */
export async function runCooperatively<T>(steps: Steps<T>, options: CooperativeOptions): Promise<T> {
	const sliceMs = options.sliceMs ?? 25;
	let sliceEnd = Date.now() + sliceMs;
	for (;;) {
		if (options.signal?.aborted) {
			steps.return(undefined as never);
			throw new ComputationCancelled();
		}
		const next = steps.next();
		if (next.done) return next.value;
		if (Date.now() >= sliceEnd) {
			await options.pause();
			sliceEnd = Date.now() + sliceMs;
		}
	}
}
