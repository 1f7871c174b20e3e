/**
 * A scripted stand-in for an OpenAI-compatible chat model, answered by the HTTP stub under
 * /openai/v1 (n8n's OpenAI Chat Model node pointed there by its credential's Base URL): the
 * agent's real n8n nodes and LangChain run, only the model's replies are scripted. First turn:
 * call every tool offered, with the customer ID the question names. Next turn, once the tools
 * have answered: reply with what they said, each answer's sentence in turn.
 */

interface ChatMessage {
	role: string;
	content: string | Array<{ type: string; text?: string }> | null;
}
interface ChatRequest {
	model?: string;
	messages?: ChatMessage[];
	tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: { properties?: Record<string, { description?: string }> } } }>;
	stream?: boolean;
}

export const CHAT_MODEL_PATH = '/openai/v1';

const textOf = (content: ChatMessage['content']) => (typeof content === 'string' ? content : (content ?? []).map((part) => part.text ?? '').join(''));

/** The sentences in a tool's reply: n8n hands the agent the tool's items as JSON text. */
export function answersIn(toolReply: string): string[] {
	try {
		const parsed: unknown = JSON.parse(toolReply);
		const items = (Array.isArray(parsed) ? parsed : [parsed]).flatMap((item) => (item && typeof item === 'object' && 'response' in item ? [(item as { response: unknown }).response].flat() : [item]));
		const answers = items.map((item) => (item as { answer?: unknown })?.answer).filter((a): a is string => typeof a === 'string');
		return answers.length ? answers : [toolReply];
	} catch {
		return [toolReply];
	}
}

/** The model's next message for a chat completions request. */
export function scriptedReply(request: ChatRequest): { content: string | null; toolCalls: Array<{ id: string; name: string; arguments: string }> } {
	const messages = request.messages ?? [];
	const toolReplies = messages.filter((m) => m.role === 'tool');
	if (toolReplies.length === 0 && request.tools?.length) {
		const question = textOf([...messages].reverse().find((m) => m.role === 'user')?.content ?? '');
		const customer = /\bCU\d{6}\b/.exec(question)?.[0] ?? question;
		return { content: null, toolCalls: request.tools.map((tool, i) => ({ id: `call_${i + 1}`, name: tool.function.name, arguments: JSON.stringify({ customer }) })) };
	}
	return { content: toolReplies.flatMap((m) => answersIn(textOf(m.content))).join('\n'), toolCalls: [] };
}

/** The HTTP reply: a chat completion, or its stream of chunks when the request asks for one. */
export function chatCompletionResponse(request: ChatRequest): { type: string; body: string } {
	const reply = scriptedReply(request);
	const toolCalls = reply.toolCalls.map((call, index) => ({ index, id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }));
	const finish = toolCalls.length ? 'tool_calls' : 'stop';
	const base = { id: 'chatcmpl-sandbox', created: Math.floor(Date.now() / 1000), model: request.model ?? 'sandbox' };
	if (!request.stream) {
		const message = { role: 'assistant', content: reply.content, ...(toolCalls.length ? { tool_calls: toolCalls.map(({ index: _index, ...call }) => call) } : {}) };
		return { type: 'application/json', body: JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: finish }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }) };
	}
	const chunk = (delta: object, finishReason: string | null) => `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
	const body = [chunk({ role: 'assistant', content: reply.content ?? '', ...(toolCalls.length ? { tool_calls: toolCalls } : {}) }, null), chunk({}, finish), 'data: [DONE]\n\n'].join('');
	return { type: 'text/event-stream', body };
}
