import type { ZodError } from 'zod';

/** A settings schema's complaints as one message for the user, each naming the setting. */
export function settingsError(error: ZodError): Error {
	return new Error(error.issues.map((issue) => issue.message).join('; '));
}
