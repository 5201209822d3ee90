import type { StoreConfig } from './config';
import { keyStatusAnswerSchema, keyStatusPath, statusOf, type StoreStatus } from './contract';

/** What one call to the store found. `reason` says why there is no answer, for the server log. */
export type StoreCheck = { status: StoreStatus; keyHint: string | null; expiresAt: string | null } | { status: 'unreachable'; reason: string } | { status: 'timeout'; reason: string };

/** A key status answer is a few dozen bytes; anything much larger is not one. */
const maxAnswerBytes = 16 * 1024;

class NotAnAnswer extends Error {}

async function readLimited(response: Response): Promise<string> {
	const declared = Number(response.headers.get('content-length') ?? 0);
	if (declared > maxAnswerBytes) throw new NotAnAnswer(`answer of ${declared} bytes`);
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of response.body ?? []) {
		size += chunk.byteLength;
		if (size > maxAnswerBytes) throw new NotAnAnswer(`answer over ${maxAnswerBytes} bytes`);
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Network errors name their cause in `cause.code` (ECONNREFUSED, UND_ERR_SOCKET…); never the request. */
function describe(error: unknown): string {
	if (error instanceof NotAnAnswer) return error.message;
	const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
	return typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.name : 'error';
}

/**
 * Asks the configured store about its Amazon Sales Channel API key. Never throws: a store that
 * cannot be reached, errs or answers anything but the contract is `unreachable`, and one that takes
 * longer than `timeoutMs` (headers and body together) is `timeout`.
 */
export async function checkStore(config: StoreConfig, now: () => Date = () => new Date()): Promise<StoreCheck> {
	const signal = AbortSignal.timeout(config.timeoutMs);
	try {
		const response = await fetch(config.url + keyStatusPath, {
			headers: { Authorization: `Bearer ${config.token}`, Accept: 'application/json' },
			// Not followed: a redirect could carry the token elsewhere, and the contract has none.
			redirect: 'manual',
			signal,
		});
		if (!response.ok) {
			await response.body?.cancel();
			return { status: 'unreachable', reason: `store answered HTTP ${response.status}` };
		}
		const text = await readLimited(response);
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch {
			return { status: 'unreachable', reason: 'store answered something that is not JSON' };
		}
		const answer = keyStatusAnswerSchema.safeParse(data);
		if (!answer.success) {
			const issue = answer.error.issues[0]!;
			return { status: 'unreachable', reason: `store answer does not follow the contract: ${issue.path.join('.') || 'answer'}: ${issue.message}` };
		}
		const { key_hint: keyHint, expires_at: expiresAt } = answer.data;
		const status = statusOf(answer.data, now());
		return { status, keyHint: status === 'missing' ? null : keyHint, expiresAt };
	} catch (error) {
		if (signal.aborted) return { status: 'timeout', reason: `no answer within ${config.timeoutMs} ms` };
		return { status: 'unreachable', reason: `store not reachable (${describe(error)})` };
	}
}
