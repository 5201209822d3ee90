import { z } from 'astro/zod';
import { checkStore } from '../store/client';
import type { StoreConfig } from '../store/config';
import type { KeyCheckStatus } from '../store/contract';
import type { KeyCheckAccess } from './access';
import type { KeyCheckProcedure } from './key-check-procedures';
import { rateLimitKey } from './ip';
import type { RateLimiter } from './rate-limit';
import { isSameOrigin } from './same-origin';

/** The answer of `POST /api/key-check/`: what the store says, never the key nor the token. */
export interface KeyCheckResult {
	status: KeyCheckStatus;
	/** When the answer arrived (ISO 8601). */
	checkedAt: string;
	/** The last 4 characters of the key, when the store has one and this client may see them (access.ts). */
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

/** What the route answers: JSON text with its status and headers, for any server to send. */
export interface KeyCheckAnswer {
	status: number;
	headers: Record<string, string>;
	body: string;
}

const json = (status: number, data: unknown, headers: Record<string, string> = {}): KeyCheckAnswer => ({
	status,
	headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
	body: JSON.stringify(data),
});

/** The answer as a web Response, for Astro's handler (src/pages/api/key-check.ts). */
export const toResponse = ({ status, headers, body }: KeyCheckAnswer) => new Response(body, { status, headers });

/** A refused request: `error` for programs, `message` for people. */
const refuse = (status: number, error: string, message: string, headers?: Record<string, string>) => json(status, { error, message }, headers);

type BodyRead = { text: string } | { problem: 'too-large' | 'too-slow' | 'unreadable' };

/**
 * What the route reads of a request: a web Request is one (Astro's handler gives it that), and
 * so is a thin view of Node's IncomingMessage (key-check-node.ts), which spares building a Request.
 */
export interface KeyCheckRequest {
	method: string;
	headers: { get(name: string): string | null };
	body: AsyncIterable<Uint8Array> | null;
}

/**
 * The body as text, unless it is longer than `limit` bytes (declared or actually sent) or has
 * not all arrived within `timeoutMs`. A client that declares more than it sends would otherwise
 * hold its connection until the server's request timeout.
 */
async function readBody(request: KeyCheckRequest, limit: number, timeoutMs: number): Promise<BodyRead> {
	if (Number(request.headers.get('content-length') ?? 0) > limit) return { problem: 'too-large' };
	if (!request.body) return { text: '' };
	const reader = request.body[Symbol.asyncIterator]();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			// Not cancelled when late: that would destroy the socket before the 408 is written.
			const next = await Promise.race([reader.next(), late]);
			if (next === 'late') return { problem: 'too-slow' };
			if (next.done) break;
			size += next.value.byteLength;
			if (size > limit) return { problem: 'too-large' };
			chunks.push(next.value);
		}
	} catch {
		return { problem: 'unreadable' };
	} finally {
		clearTimeout(timer);
	}
	return { text: Buffer.concat(chunks).toString('utf8') };
}

export interface KeyCheckOptions {
	/** undefined when no store is configured: checks are refused with 503. */
	store: StoreConfig | undefined;
	limiter: RateLimiter;
	/** Host, network and credential checks, and whether answers may carry the key hint. */
	access: KeyCheckAccess;
	/** The procedures, or at least those with a key check (a ProcedureEntry is one). */
	procedures: readonly KeyCheckProcedure[];
	/** How long the body may take once the headers are in (default 5 s). */
	bodyTimeoutMs?: number;
	/** Checks waiting for the store at once (default 32); more are refused with 503. */
	maxPending?: number;
	/** Whether `store` is the demo store `npm start` runs when none is configured. */
	demoStore?: boolean;
	log?: (line: string) => void;
	now?: () => Date;
}

/**
 * The key check route as a function of a request (src/pages/api/key-check.ts serves it for
 * Astro's handler, src/server/key-check-node.ts for our server) and
 * the client's address (src/server/client-address.ts). Refuses other methods (405), other host
 * names (421), other sites (403), networks not allowed (403), too many checks (429), missing
 * credentials (401), other content types (415), large (413), slow (408) and malformed (400)
 * bodies, and more checks at once than it lets wait for the store (503); then asks the store.
 */
export function createKeyCheckHandler({ store, limiter, access, procedures, bodyTimeoutMs = 5_000, maxPending = 32, demoStore = false, log = console.warn, now = () => new Date() }: KeyCheckOptions) {
	let pending = 0;
	// Named in every answer: parsed once.
	const storeHost = store ? new URL(store.url).host : '';
	return async (request: KeyCheckRequest, clientAddress: string): Promise<KeyCheckAnswer> => {
		if (request.method !== 'POST') return refuse(405, 'method-not-allowed', 'Use POST.', { Allow: 'POST' });
		const headers = request.headers;
		if (!access.hostAllowed(headers.get('host'))) return refuse(421, 'wrong-host', "This server does not check the key for that host name: use the site's own address.");
		if (!isSameOrigin({ origin: headers.get('origin'), host: headers.get('host'), secFetchSite: headers.get('sec-fetch-site') })) {
			return refuse(403, 'cross-site', 'Only pages of this site may check the key.');
		}
		if (!access.networkAllowed(clientAddress)) return refuse(403, 'network-not-allowed', 'Key checks are not allowed from your network.');
		// Before the credentials, so that guessing them counts too. An IPv6 client by its /64.
		const decision = await limiter.take(rateLimitKey(clientAddress));
		if (!decision.allowed) {
			const seconds = decision.retryAfterSeconds;
			return refuse(429, 'rate-limited', `Too many checks: try again in ${seconds} s.`, { 'Retry-After': String(seconds) });
		}
		if (!access.authorized(headers.get('authorization'))) {
			return refuse(401, 'unauthorized', 'Sign in to check the key.', access.challenge ? { 'WWW-Authenticate': access.challenge } : {});
		}
		if (!/^application\/json\s*(;|$)/i.test(headers.get('content-type') ?? '')) {
			return refuse(415, 'unsupported-media-type', 'Send the body as application/json.');
		}
		const body = await readBody(request, maxBodyBytes, bodyTimeoutMs);
		if ('problem' in body) {
			switch (body.problem) {
				case 'too-large':
					return refuse(413, 'too-large', `The request body may have at most ${maxBodyBytes} bytes.`);
				case 'too-slow':
					// The rest of the body may never come: answer and close rather than wait for it.
					return refuse(408, 'too-slow', `The request body did not arrive within ${bodyTimeoutMs} ms.`, { Connection: 'close' });
				case 'unreadable':
					return refuse(400, 'malformed', 'The request body could not be read.');
			}
		}
		let data: unknown;
		try {
			data = JSON.parse(body.text);
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
		// Each waiting check holds a connection to the store; a slow store must not pile them up.
		if (pending >= maxPending) {
			const seconds = Math.ceil(store.timeoutMs / 1000);
			return refuse(503, 'busy', `Too many checks at once: try again in ${seconds} s.`, { 'Retry-After': String(seconds) });
		}
		pending++;
		let found: Awaited<ReturnType<typeof checkStore>>;
		try {
			found = await checkStore(store, now);
		} finally {
			pending--;
		}
		if ('reason' in found) log(`Key check: ${found.status}: ${found.reason}`);
		const result: KeyCheckResult = {
			status: found.status,
			checkedAt: now().toISOString(),
			keyHint: 'keyHint' in found && access.showsKeyHint ? found.keyHint : null,
			expiresAt: 'expiresAt' in found ? found.expiresAt : null,
			nextStep: found.status === 'missing' || found.status === 'invalid' || found.status === 'expired' ? (keyCheck.recovery[found.status]?.[0] ?? null) : null,
			store: { host: storeHost, demo: demoStore },
		};
		return json(httpStatusOf[result.status], result);
	};
}
