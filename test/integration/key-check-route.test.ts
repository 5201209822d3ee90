import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyCheckAccess, type AccessConfig } from '../../src/server/access';
import { parseNetworkList } from '../../src/server/ip';
import { createKeyCheckHandler, maxBodyBytes, toResponse } from '../../src/server/key-check';
import { createRateLimiter } from '../../src/server/rate-limit';
import type { StoreConfig } from '../../src/store/config';
import { readProcedures } from '../../src/model/content';
import { projectRoot } from '../helpers/project';
import { answers, downStoreUrl, startTestStore, type TestStore } from '../helpers/test-store';

const token = 'route-test-token-Zx81';
const host = '127.0.0.1:4321';
const procedures = readProcedures(projectRoot);
const logged: string[] = [];
let store: TestStore;
let storeConfig: StoreConfig;
beforeAll(async () => {
	store = await startTestStore();
	storeConfig = { url: store.url, token, timeoutMs: 400 };
});
afterAll(() => store.close());

/** What `npm start` has by default: listening on loopback only, no proxy, no access control. */
const local: AccessConfig = { host: '127.0.0.1', siteUrl: undefined, trustProxyHops: 0, credentials: undefined, allow: undefined };

/** The route as Astro's handler serves it: its answers as web Responses. */
function handlerFor(options: { store?: StoreConfig | undefined; perMinute?: number; access?: Partial<AccessConfig>; bodyTimeoutMs?: number; maxPending?: number; demoStore?: boolean } = {}) {
	const keyCheck = createKeyCheckHandler({
		store: 'store' in options ? options.store : storeConfig,
		limiter: createRateLimiter(options.perMinute ?? 1_000),
		access: createKeyCheckAccess({ ...local, ...options.access }),
		procedures,
		...(options.bodyTimeoutMs !== undefined && { bodyTimeoutMs: options.bodyTimeoutMs }),
		...(options.maxPending !== undefined && { maxPending: options.maxPending }),
		...(options.demoStore !== undefined && { demoStore: options.demoStore }),
		log: (line) => logged.push(line),
	});
	return async (req: Request, client: string) => toResponse(await keyCheck(req, client));
}

/** A request as our page sends it, with `changes` on top (a header set to null is left out). */
function request(changes: { method?: string; body?: BodyInit; headers?: Record<string, string | null> } = {}): Request {
	const headers = { host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', ...changes.headers };
	const method = changes.method ?? 'POST';
	return new Request(`http://${host}/api/key-check/`, {
		method,
		headers: Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== null)),
		...(method !== 'GET' && method !== 'HEAD' && { body: changes.body ?? '{"procedure":"amazon-api-key"}', duplex: 'half' }),
	} as RequestInit);
}

/** Everything a client sees of a response: status, headers and body. */
async function seen(response: Response) {
	const text = await response.text();
	return { status: response.status, headers: Object.fromEntries(response.headers), text, body: JSON.parse(text) as Record<string, unknown> };
}

// Made when a test runs: the test store has its address only then.
const handler = (req: Request, client: string) => handlerFor()(req, client);

describe('POST /api/key-check/ asks the configured store', () => {
	it('answers each key status with 200, the key named only by its last 4 characters', async () => {
		const expectations = {
			valid: { keyHint: 'Q7xz', expiresAt: null, nextStep: null },
			missing: { keyHint: null, expiresAt: null, nextStep: 'generate-key' },
			invalid: { keyHint: 'Q7xz', expiresAt: null, nextStep: 'generate-key' },
			expired: { keyHint: 'Q7xz', expiresAt: '2024-02-29T12:00:00+00:00', nextStep: 'generate-key' },
		};
		for (const [status, expected] of Object.entries(expectations)) {
			store.behave({ kind: 'answer', answer: answers[status as keyof typeof answers] });
			const response = await seen(await handler(request(), '10.0.0.1'));
			expect(response.status, status).toBe(200);
			expect(Object.keys(response.body).sort()).toEqual(['checkedAt', 'expiresAt', 'keyHint', 'nextStep', 'status', 'store']);
			expect(response.body).toMatchObject({ status, ...expected, store: { host: new URL(store.url).host, demo: false } });
			expect(Date.parse(response.body.checkedAt as string)).not.toBeNaN();
			expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
			expect(response.headers['cache-control']).toBe('no-store');
		}
		expect(store.requests.at(-1)!.headers.authorization).toBe(`Bearer ${token}`);
	});

	it('names the store it asked by its host only, and says when it is the demo store', async () => {
		store.behave({ kind: 'answer', answer: answers.valid });
		const demo = handlerFor({ demoStore: true });
		const response = await seen(await demo(request(), '10.0.0.4'));
		expect(response.body.store).toEqual({ host: new URL(store.url).host, demo: true });
		expect(response.text).not.toContain(token);
		expect(response.text).not.toContain('http://');
	});

	it('answers 502 unreachable when the store errs, talks nonsense, hangs up or is down', async () => {
		for (const behaviour of [{ kind: 'status', status: 500 }, { kind: 'body', body: 'Service Unavailable' }, { kind: 'body', body: '{"present": 1}' }, { kind: 'close' }] as const) {
			store.behave(behaviour);
			const response = await seen(await handler(request(), '10.0.0.2'));
			expect(response.status, behaviour.kind).toBe(502);
			expect(response.body).toMatchObject({ status: 'unreachable', keyHint: null, expiresAt: null, nextStep: null });
		}
		const down = handlerFor({ store: { ...storeConfig, url: await downStoreUrl() } });
		expect((await seen(await down(request(), '10.0.0.2'))).body.status).toBe('unreachable');
	});

	it('answers 504 timeout when the store is slow, before the store would have answered', async () => {
		store.behave({ kind: 'slow', afterMs: 30_000, answer: answers.valid });
		const response = await seen(await handler(request(), '10.0.0.3'));
		expect(response.status).toBe(504);
		expect(response.body.status).toBe('timeout');
		expect(store.slowAnswersSent).toBe(0);
	});

	it('says in the log why there was no answer, never with the token', () => {
		expect(logged).toContain('Key check: unreachable: store answered HTTP 500');
		expect(logged).toContain('Key check: timeout: no answer within 400 ms');
		expect(logged.some((line) => line.startsWith('Key check: unreachable: store not reachable (ECONNREFUSED)'))).toBe(true);
		for (const line of logged) expect(line).not.toContain(token);
	});
});

describe('POST /api/key-check/ refuses', () => {
	const refused = async (req: Request, client = '10.1.0.1') => {
		const response = await seen(await handler(req, client));
		expect(response.text).not.toContain(token);
		return response;
	};

	it('other methods with 405 and Allow: POST', async () => {
		for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']) {
			const response = await handler(request({ method }), '10.1.0.1');
			expect(response.status, method).toBe(405);
			expect(response.headers.get('allow')).toBe('POST');
		}
	});

	it('other sites, and requests that do not say where they come from, with 403', async () => {
		for (const headers of [
			{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
			{ origin: 'https://evil.example', 'sec-fetch-site': null },
			{ 'sec-fetch-site': 'same-site' },
			{ 'sec-fetch-site': 'cross-site' },
			{ origin: null },
			{ origin: null, 'sec-fetch-site': null },
			{ origin: 'null' },
		]) {
			const response = await refused(request({ headers }));
			expect(response.status, JSON.stringify(headers)).toBe(403);
			expect(response.body.error).toBe('cross-site');
		}
	});

	it('other content types with 415', async () => {
		for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', null]) {
			const response = await refused(request({ headers: { 'content-type': type } }));
			expect(response.status, String(type)).toBe(415);
		}
		expect((await refused(request({ headers: { 'content-type': 'application/json; charset=utf-8' } }))).status).not.toBe(415);
	});

	it('bodies over 1 kB with 413, whether declared or streamed', async () => {
		const big = JSON.stringify({ procedure: 'amazon-api-key', padding: 'x'.repeat(maxBodyBytes) });
		expect((await refused(request({ body: big }))).status).toBe(413);
		const streamed = new ReadableStream({
			start(controller) {
				controller.enqueue(new TextEncoder().encode(big));
				controller.close();
			},
		});
		const response = await refused(request({ body: streamed }));
		expect(response.status).toBe(413);
		expect(response.body).toEqual({ error: 'too-large', message: 'The request body may have at most 1024 bytes.' });
	});

	it('malformed bodies with 400 saying what is wrong', async () => {
		const cases = [
			['{"procedure": ', 'not JSON'],
			['[]', 'body: Expected object'],
			['{}', 'procedure: Required'],
			['{"procedure": 7}', 'procedure: Expected string'],
			['{"procedure": "amazon-api-key", "store": "http://169.254.169.254/"}', "Unrecognized key(s) in object: 'store'"],
			['{"procedure": "no-such-guide"}', 'No procedure "no-such-guide" with a key check.'],
		] as const;
		for (const [body, message] of cases) {
			const response = await refused(request({ body }));
			expect(response.status, body).toBe(400);
			expect(response.body.message, body).toContain(message);
		}
	});

	it('a client over its rate with 429 and Retry-After; other clients go on', async () => {
		store.behave({ kind: 'answer', answer: answers.valid });
		const limited = handlerFor({ perMinute: 3 });
		for (let i = 0; i < 3; i++) expect((await limited(request(), '10.2.0.1')).status).toBe(200);
		const response = await limited(request(), '10.2.0.1');
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('20');
		expect(await response.json()).toEqual({ error: 'rate-limited', message: 'Too many checks: try again in 20 s.' });
		expect((await limited(request(), '10.2.0.2')).status).toBe(200);
	});

	it('every check with 503 when no store is configured', async () => {
		const response = await seen(await handlerFor({ store: undefined })(request(), '10.1.0.1'));
		expect(response.status).toBe(503);
		expect(response.body.error).toBe('not-configured');
	});
});

describe('who may check the key', () => {
	const basic = (userPassword: string) => `Basic ${Buffer.from(userPassword).toString('base64')}`;
	const onHost = (name: string, headers: Record<string, string | null> = {}) => request({ headers: { host: name, origin: `http://${name}`, ...headers } });

	it('on the merchant’s machine (loopback only, no proxy): loopback host names, with the key hint', async () => {
		store.behave({ kind: 'answer', answer: answers.valid });
		const handler = handlerFor();
		for (const name of ['127.0.0.1:4321', 'localhost:4321', '[::1]:4321']) {
			const response = await seen(await handler(onHost(name), '127.0.0.1'));
			expect(response.status, name).toBe(200);
			expect(response.body.keyHint).toBe('Q7xz');
		}
		// A page that rebinds its own name to 127.0.0.1 sends that name as Host and as Origin.
		const rebound = await seen(await handler(onHost('rebind.example:4321'), '127.0.0.1'));
		expect(rebound.status).toBe(421);
		expect(rebound.body.error).toBe('wrong-host');
	});

	it('with SITE_URL: its host name only (and loopback names on the merchant’s machine)', async () => {
		store.behave({ kind: 'answer', answer: answers.valid });
		const siteUrl = new URL('https://walkthrough.example.com/');
		const deployed = handlerFor({ access: { host: '0.0.0.0', siteUrl } });
		expect((await deployed(onHost('walkthrough.example.com'), '198.51.100.7')).status).toBe(200);
		expect((await deployed(onHost('WALKTHROUGH.example.com:443'), '198.51.100.7')).status).toBe(200);
		for (const name of ['evil.example', '127.0.0.1:4321', 'walkthrough.example.com.evil.example']) {
			expect((await deployed(onHost(name), '198.51.100.7')).status, name).toBe(421);
		}
		expect((await deployed(onHost('walkthrough.example.com', { host: null }), '198.51.100.7')).status).toBe(421);
		const localWithSite = handlerFor({ access: { siteUrl } });
		expect((await localWithSite(onHost('127.0.0.1:4321'), '127.0.0.1')).status).toBe(200);
		expect((await localWithSite(onHost('walkthrough.example.com'), '127.0.0.1')).status).toBe(200);
	});

	it('reachable from elsewhere without access control: answers, but without the key hint', async () => {
		for (const access of [{ host: '0.0.0.0' }, { host: '::' }, { host: '127.0.0.1', trustProxyHops: 1 }]) {
			store.behave({ kind: 'answer', answer: answers.invalid });
			const response = await seen(await handlerFor({ access })(request(), '198.51.100.7'));
			expect(response.status, JSON.stringify(access)).toBe(200);
			expect(response.body).toMatchObject({ status: 'invalid', keyHint: null, nextStep: 'generate-key' });
		}
	});

	it('with KEY_CHECK_AUTH: 401 and a challenge without the right credentials; the hint with them', async () => {
		store.behave({ kind: 'answer', answer: answers.valid });
		const handler = handlerFor({ access: { host: '0.0.0.0', credentials: { user: 'merchant', password: 'pä:ss wörd' } } });
		for (const authorization of [null, basic('merchant:wrong'), basic('other:pä:ss wörd'), basic('merchant:pä:ss wörd!'), 'Bearer x', `Basic ${'!'.repeat(20)}`, 'Basic']) {
			const response = await seen(await handler(request({ headers: { authorization } }), '198.51.100.8'));
			expect(response.status, String(authorization)).toBe(401);
			expect(response.headers['www-authenticate']).toBe('Basic realm="Key check", charset="UTF-8"');
			expect(response.body.error).toBe('unauthorized');
		}
		const response = await seen(await handler(request({ headers: { authorization: basic('merchant:pä:ss wörd') } }), '198.51.100.8'));
		expect(response.status).toBe(200);
		expect(response.body.keyHint).toBe('Q7xz');
	});

	it('counts wrong credentials against the rate limit', async () => {
		const handler = handlerFor({ perMinute: 3, access: { credentials: { user: 'merchant', password: 'secret' } } });
		for (let i = 0; i < 3; i++) expect((await handler(request({ headers: { authorization: basic(`merchant:guess${i}`) } }), '10.3.0.1')).status).toBe(401);
		expect((await handler(request({ headers: { authorization: basic('merchant:secret') } }), '10.3.0.1')).status).toBe(429);
	});

	it('with KEY_CHECK_ALLOW: 403 outside the networks, the hint inside', async () => {
		store.behave({ kind: 'answer', answer: answers.valid });
		const handler = handlerFor({ access: { host: '0.0.0.0', allow: parseNetworkList('10.0.0.0/8,2001:db8:1::/48') } });
		for (const address of ['10.200.3.4', '::ffff:10.0.0.9', '2001:db8:1:ff::1']) {
			const response = await seen(await handler(request(), address));
			expect(response.status, address).toBe(200);
			expect(response.body.keyHint).toBe('Q7xz');
		}
		for (const address of ['192.0.2.1', '11.0.0.1', '2001:db8:2::1', '::1']) {
			const response = await seen(await handler(request(), address));
			expect(response.status, address).toBe(403);
			expect(response.body.error).toBe('network-not-allowed');
		}
	});

	it('keys the rate limit on an IPv6 client’s /64', async () => {
		store.behave({ kind: 'answer', answer: answers.valid });
		const handler = handlerFor({ perMinute: 2 });
		expect((await handler(request(), '2001:db8:5:6::1')).status).toBe(200);
		expect((await handler(request(), '2001:db8:5:6:ffff::2')).status).toBe(200);
		expect((await handler(request(), '2001:db8:5:6::3')).status).toBe(429);
		expect((await handler(request(), '2001:db8:5:7::1')).status).toBe(200);
	});
});

describe('slow bodies and a slow store', () => {
	it('a body that does not all arrive in time: 408, and the connection is to be closed', async () => {
		// Declares 30 bytes, sends 10, then nothing.
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new TextEncoder().encode('{"procedur'));
			},
		});
		const response = await seen(await handlerFor({ bodyTimeoutMs: 200 })(request({ body, headers: { 'content-length': '30' } }), '10.4.0.1'));
		expect(response.status).toBe(408);
		expect(response.headers.connection).toBe('close');
		expect(response.body).toEqual({ error: 'too-slow', message: 'The request body did not arrive within 200 ms.' });
	});

	it('more checks waiting for the store than maxPending: 503 busy with Retry-After, then checks go on', async () => {
		// The store answers late enough that all three are waiting at once.
		store.behave({ kind: 'slow', afterMs: 1_000, answer: answers.valid });
		const handler = handlerFor({ store: { ...storeConfig, timeoutMs: 2_000 }, maxPending: 2 });
		const answered = await Promise.all([1, 2, 3].map(async (i) => seen(await handler(request(), `10.5.0.${i}`))));
		expect(answered.map((response) => response.status).sort()).toEqual([200, 200, 503]);
		const busy = answered.find((response) => response.status === 503)!;
		expect(busy.body).toEqual({ error: 'busy', message: 'Too many checks at once: try again in 2 s.' });
		expect(busy.headers['retry-after']).toBe('2');
		expect(busy.headers['content-type']).toBe('application/json; charset=utf-8');
		expect((await handler(request(), '10.5.0.4')).status).toBe(200);
	});
});
