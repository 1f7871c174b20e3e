/**
 * An SMTP server on 127.0.0.1 that keeps every message it receives, parsed (recipients,
 * subject, text, html, attachments), for the end-to-end checks of the templates' emails.
 */
import type { AddressInfo } from 'net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	envelopeTo: string[];
	from: string | undefined;
	to: string[];
	subject: string;
	text: string;
	html: string;
	attachments: Array<{ filename: string | undefined; contentType: string; content: Buffer }>;
}

/** `onMessage` hears of each message; with `keep: false` (a long-running editor) none is kept. */
export async function startSmtpSink({ onMessage = () => undefined, keep = true }: { onMessage?: (message: ReceivedMail) => void; keep?: boolean } = {}) {
	const messages: ReceivedMail[] = [];
	const pending = new Set<Promise<void>>();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const parsing: Promise<void> = simpleParser(stream)
				.then((mail) => {
					const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
					const message: ReceivedMail = {
						envelopeTo: session.envelope.rcptTo.map((r) => r.address),
						from: mail.from?.text,
						to: to.map((v) => v.address ?? ''),
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						html: mail.html || '',
						attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
					};
					if (keep) messages.push(message);
					onMessage(message);
					callback();
				})
				.catch((error: Error) => callback(error))
				.finally(() => pending.delete(parsing));
			pending.add(parsing);
		},
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	return {
		port: ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port,
		messages,
		/** Forgets what arrived so far (between workflows). */
		take: async () => {
			await Promise.all(pending);
			return messages.splice(0);
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
