import { z } from 'astro/zod';
import type { ProcedureEntry } from '../model/content';
import { checkStore } from '../store/client';
import type { StoreConfig } from '../store/config';
import type { KeyCheckStatus } from '../store/contract';
import type { RateLimiter } from './rate-limit';
import { isSameOrigin } from './same-origin';

/** The answer of `POST /api/key-check/`: what the store says, never the key nor the token. */
export interface KeyCheckResult {
	status: KeyCheckStatus;
	/** When the answer arrived (ISO 8601). */
	checkedAt: string;
	/** The last 4 characters of the key, when the store has one. */
	keyHint: string | null;
	/** When the key expires or expired, if the store knows. */
	expiresAt: string | null;
	/** The step to go back to (the procedure's `keyCheck.recovery`), or null when there is none. */
	nextStep: string | null;
	/** The store that was asked, so the page can name it: its host (never the token), and whether it is the demo store. */
	store: { host: string; demo: boolean };
}

/** What the page sends: which procedure asks, nothing else. The store is the server's alone to choose. */
const keyCheckRequestSchema = z.object({ procedure: z.string().max(100) }).strict();

export const maxBodyBytes = 1024;

const httpStatusOf: Record<KeyCheckStatus, number> = { valid: 200, missing: 200, invalid: 200, expired: 200, unreachable: 502, timeout: 504 };

function json(status: number, data: unknown, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(data), {
		status,
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
	});
}

/** A refused request: `error` for programs, `message` for people. */
const refuse = (status: number, error: string, message: string, headers?: Record<string, string>) => json(status, { error, message }, headers);

/** The body as text, or undefined when it is longer than `limit` bytes (declared or actually sent). */
async function readBody(request: Request, limit: number): Promise<string | undefined> {
	if (Number(request.headers.get('content-length') ?? 0) > limit) return undefined;
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of request.body ?? []) {
		size += chunk.byteLength;
		if (size > limit) return undefined;
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

export interface KeyCheckOptions {
	/** undefined when no store is configured: checks are refused with 503. */
	store: StoreConfig | undefined;
	limiter: RateLimiter;
	procedures: readonly ProcedureEntry[];
	/** Whether `store` is the demo store `npm start` runs when none is configured. */
	demoStore?: boolean;
	log?: (line: string) => void;
	now?: () => Date;
}

/**
 * The key check route as a function of a web Request (src/pages/api/key-check.ts serves it).
 * Refuses other methods (405), other sites (403), too many checks (429), other content types
 * (415), large (413) and malformed (400) bodies; then asks the configured store.
 */
export function createKeyCheckHandler({ store, limiter, procedures, demoStore = false, log = console.warn, now = () => new Date() }: KeyCheckOptions) {
	return async (request: Request, clientAddress: string): Promise<Response> => {
		if (request.method !== 'POST') return refuse(405, 'method-not-allowed', 'Use POST.', { Allow: 'POST' });
		const headers = request.headers;
		if (!isSameOrigin({ origin: headers.get('origin'), host: headers.get('host'), secFetchSite: headers.get('sec-fetch-site') })) {
			return refuse(403, 'cross-site', 'Only pages of this site may check the key.');
		}
		const decision = limiter.take(clientAddress);
		if (!decision.allowed) {
			const seconds = decision.retryAfterSeconds;
			return refuse(429, 'rate-limited', `Too many checks: try again in ${seconds} s.`, { 'Retry-After': String(seconds) });
		}
		if (!/^application\/json\s*(;|$)/i.test(headers.get('content-type') ?? '')) {
			return refuse(415, 'unsupported-media-type', 'Send the body as application/json.');
		}
		let text: string | undefined;
		try {
			text = await readBody(request, maxBodyBytes);
		} catch {
			return refuse(400, 'malformed', 'The request body could not be read.');
		}
		if (text === undefined) return refuse(413, 'too-large', `The request body may have at most ${maxBodyBytes} bytes.`);
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch {
			return refuse(400, 'malformed', 'The request body is not JSON: send {"procedure": "<procedure id>"}.');
		}
		const parsed = keyCheckRequestSchema.safeParse(data);
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			return refuse(400, 'malformed', `${issue.path.join('.') || 'body'}: ${issue.message}; send {"procedure": "<procedure id>"}.`);
		}
		const keyCheck = procedures.find((entry) => entry.id === parsed.data.procedure)?.data.keyCheck;
		if (!keyCheck) return refuse(400, 'unknown-procedure', `No procedure "${parsed.data.procedure}" with a key check.`);
		if (!store) return refuse(503, 'not-configured', 'No store is configured on the server (STORE_URL and STORE_TOKEN).');

		const found = await checkStore(store, now);
		if ('reason' in found) log(`Key check: ${found.status}: ${found.reason}`);
		const result: KeyCheckResult = {
			status: found.status,
			checkedAt: now().toISOString(),
			keyHint: 'keyHint' in found ? found.keyHint : null,
			expiresAt: 'expiresAt' in found ? found.expiresAt : null,
			nextStep: found.status === 'missing' || found.status === 'invalid' || found.status === 'expired' ? (keyCheck.recovery[found.status]?.[0] ?? null) : null,
			store: { host: new URL(store.url).host, demo: demoStore },
		};
		return json(httpStatusOf[result.status], result);
	};
}
