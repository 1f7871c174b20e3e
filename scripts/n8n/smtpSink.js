/**
 * An SMTP server on 127.0.0.1 that keeps every message it receives, parsed (recipients,
 * subject, text, html, attachments), for the end-to-end checks of the templates' emails.
 */
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

/** `onMessage` hears of each message; with `keep: false` (a long-running editor) none is kept. */
async function startSmtpSink({ onMessage = () => undefined, keep = true } = {}) {
	const messages = [];
	const pending = new Set();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const parsing = simpleParser(stream)
				.then((mail) => {
					const message = { envelopeTo: session.envelope.rcptTo.map((r) => r.address), from: mail.from?.text, to: mail.to?.value.map((v) => v.address) ?? [], subject: mail.subject ?? '', text: mail.text ?? '', html: mail.html || '', attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) };
					if (keep) messages.push(message);
					onMessage(message);
					callback();
				})
				.catch(callback)
				.finally(() => pending.delete(parsing));
			pending.add(parsing);
		},
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	return {
		port: server.server.address().port,
		messages,
		/** Forgets what arrived so far (between workflows). */
		take: async () => {
			await Promise.all(pending);
			return messages.splice(0);
		},
		stop: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { startSmtpSink };
