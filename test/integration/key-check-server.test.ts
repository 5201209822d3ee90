import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteProcess, type SiteProcess } from '../../src/cli/site-process';
import { send } from '../helpers/http';
import { build, copyOfProject } from '../helpers/project';
import { answers, startTestStore, type TestStore } from '../helpers/test-store';

// The built site behind our server (`npm start`), with a store configured by the environment:
// what a deployment runs. The token is set for the build too, to show it never gets in.
const token = 'canary-token-7Hq2-never-show-me';
const password = 'canary-password-Wq9-never-show-me';

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const root = copyOfProject();
const scratch = mkdtempSync(join(tmpdir(), 'walkthrough-key-check-'));
const sites: SiteProcess[] = [];
/** Every response the tests saw, headers and body, to search for the token at the end. */
const responses: string[] = [];
let store: TestStore;
let site: SiteProcess;

beforeAll(async () => {
	store = await startTestStore();
	const result = build(root, { STORE_URL: store.url, STORE_TOKEN: token });
	if (result.status !== 0) throw new Error(result.stdout + result.stderr);
	site = await startSiteProcess(root, { STORE_URL: store.url, STORE_TOKEN: token, KEY_CHECK_TIMEOUT_MS: '500', KEY_CHECK_RATE_LIMIT: '1000' });
	sites.push(site);
}, 120_000);
afterAll(async () => {
	for (const running of sites) running.stop();
	await store.close();
	rmSync(root, { recursive: true, force: true });
	rmSync(scratch, { recursive: true, force: true });
});

/** A request to the key check route, as our page sends it unless `init` says otherwise. */
async function keyCheck(on: SiteProcess, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
	const method = init.method ?? 'POST';
	const response = await fetch(`${on.origin}/api/key-check/`, {
		method,
		headers: { Origin: on.origin, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json', ...init.headers },
		...(method === 'POST' && { body: init.body ?? '{"procedure":"amazon-api-key"}' }),
	});
	const text = await response.text();
	responses.push(JSON.stringify([...response.headers]) + text);
	return { status: response.status, headers: response.headers, text };
}

describe('the built site with a configured store', () => {
	it('answers the key check from the store: 200, 502, 504', async () => {
		store.behave({ kind: 'answer', answer: answers.valid });
		const valid = await keyCheck(site);
		expect(valid.status).toBe(200);
		expect(JSON.parse(valid.text)).toMatchObject({ status: 'valid', keyHint: 'Q7xz' });
		expect(store.requests.at(-1)!.headers.authorization).toBe(`Bearer ${token}`);

		store.behave({ kind: 'status', status: 500 });
		expect(await keyCheck(site)).toMatchObject({ status: 502, text: expect.stringContaining('"status":"unreachable"') });

		store.behave({ kind: 'slow', afterMs: 30_000, answer: answers.valid });
		expect(await keyCheck(site)).toMatchObject({ status: 504, text: expect.stringContaining('"status":"timeout"') });
		expect(store.slowAnswersSent).toBe(0);
	});

	it('refuses what the route refuses, through the whole server', async () => {
		expect((await keyCheck(site, { method: 'GET' })).status).toBe(405);
		expect((await keyCheck(site, { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
		expect((await keyCheck(site, { headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
		expect((await keyCheck(site, { body: `{"procedure":"${'x'.repeat(2_000)}"}` })).status).toBe(413);
		expect((await keyCheck(site, { body: '{"procedure":' })).status).toBe(400);
	});

	it('sends the security headers with every API answer', async () => {
		store.behave({ kind: 'answer', answer: answers.missing });
		for (const answer of [await keyCheck(site), await keyCheck(site, { method: 'GET' }), await keyCheck(site, { headers: { Origin: 'https://evil.example' } })]) {
			expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
			expect(answer.headers.get('content-security-policy')).not.toContain('unsafe-inline');
			expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
			expect(answer.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(answer.headers.get('cache-control')).toBe('no-store');
		}
	});

	it('renders the key check into the prerendered page, with no inline script or handler', () => {
		const page = readFileSync(join(root, 'dist/client/de/amazon-api-key/index.html'), 'utf8');
		expect(page).toMatch(/<key-check data-procedure="amazon-api-key" data-confirms="verify"[\s>]/);
		expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
		expect(page).not.toMatch(/\son[a-z]+=/);
	});
});

/** Starts a site with this file's store and `env`; stopped at the end. */
async function siteWith(env: Record<string, string>) {
	const started = await startSiteProcess(root, { STORE_URL: store.url, STORE_TOKEN: token, ...env });
	sites.push(started);
	return started;
}

/** A key check through node:http, which may send any Host; recorded like keyCheck's. */
async function keyCheckAs(on: SiteProcess, headers: Record<string, string>) {
	const answer = await send(on.origin, '/api/key-check/', {
		method: 'POST',
		headers: { Origin: on.origin, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json', ...headers },
		body: '{"procedure":"amazon-api-key"}',
	});
	responses.push(JSON.stringify(answer.headers) + answer.text);
	return { ...answer, body: JSON.parse(answer.text) as Record<string, unknown> };
}

const statusesOf = async (on: SiteProcess, forwardedFor: string[]) => {
	const statuses = [];
	for (const value of forwardedFor) statuses.push((await keyCheck(on, { headers: { 'X-Forwarded-For': value } })).status);
	return statuses;
};

describe('a client cannot escape the rate limit', () => {
	it('by naming itself anew in X-Forwarded-For (ignored without TRUST_PROXY)', async () => {
		const limited = await siteWith({ KEY_CHECK_RATE_LIMIT: '2' });
		store.behave({ kind: 'answer', answer: answers.valid });
		expect(await statusesOf(limited, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([200, 200, 429]);
	}, 30_000);

	it('behind a proxy that appends (TRUST_PROXY=1): by writing its own entries left of the proxy’s', async () => {
		const limited = await siteWith({ TRUST_PROXY: 'true', KEY_CHECK_RATE_LIMIT: '5' });
		store.behave({ kind: 'answer', answer: answers.valid });
		const requestsBefore = store.requests.length;
		// What nginx's $proxy_add_x_forwarded_for makes of a client that sends its own header each time.
		const spoofed = Array.from({ length: 12 }, (_, i) => `198.51.100.${i}, 10.9.8.${i}, 203.0.113.7`);
		expect(await statusesOf(limited, spoofed)).toEqual([...Array(5).fill(200), ...Array(7).fill(429)]);
		expect(store.requests.length - requestsBefore).toBe(5);
		// Another client, as the proxy saw it, has its own bucket.
		expect(await statusesOf(limited, ['203.0.113.8'])).toEqual([200]);
	}, 30_000);

	it('by putting something that is not an address where the proxy’s entry goes: the proxy’s own address counts', async () => {
		const limited = await siteWith({ TRUST_PROXY: '1', KEY_CHECK_RATE_LIMIT: '3' });
		store.behave({ kind: 'answer', answer: answers.valid });
		const junk = [`x${'y'.repeat(12_000)}`, 'unknown', '203.0.113.9:4711', '', '203.0.113.300', `${'1'.repeat(40)}`];
		expect(await statusesOf(limited, junk)).toEqual([200, 200, 200, 429, 429, 429]);
		// A proper address is still its own client.
		expect(await statusesOf(limited, ['203.0.113.10'])).toEqual([200]);
	}, 30_000);

	it('by taking a new IPv6 address from its /64', async () => {
		const limited = await siteWith({ TRUST_PROXY: '1', KEY_CHECK_RATE_LIMIT: '2' });
		store.behave({ kind: 'answer', answer: answers.valid });
		expect(await statusesOf(limited, ['2001:db8:a:b::1', '2001:db8:a:b:ffff:ffff:ffff:fffe', '2001:DB8:A:B::3', '2001:db8:a:c::1'])).toEqual([200, 200, 429, 200]);
	}, 30_000);

	it('with two trusted proxies (TRUST_PROXY=2): the second entry from the right is the client', async () => {
		const twoHops = await siteWith({ TRUST_PROXY: '2', KEY_CHECK_ALLOW: '198.51.100.0/24' });
		store.behave({ kind: 'answer', answer: answers.valid });
		expect((await keyCheckAs(twoHops, { 'X-Forwarded-For': '192.0.2.1, 198.51.100.20, 10.0.0.2' })).status).toBe(200);
		expect((await keyCheckAs(twoHops, { 'X-Forwarded-For': '198.51.100.20, 192.0.2.1, 10.0.0.2' })).status).toBe(403);
		// Shorter than two hops: the socket's peer (127.0.0.1 here) is the client.
		expect((await keyCheckAs(twoHops, { 'X-Forwarded-For': '198.51.100.20' })).status).toBe(403);
	}, 30_000);
});

describe('who may check the key, through the whole server', () => {
	it('on loopback with no proxy (npm start): a page that rebinds its DNS name to us gets 421', async () => {
		store.behave({ kind: 'answer', answer: answers.valid });
		const port = new URL(site.origin).port;
		const rebound = await keyCheckAs(site, { Host: `rebind.example:${port}`, Origin: `http://rebind.example:${port}` });
		expect(rebound.status).toBe(421);
		expect(rebound.body.error).toBe('wrong-host');
		expect(rebound.headers['content-type']).toBe('application/json; charset=utf-8');
		expect((await keyCheckAs(site, { Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).body.keyHint).toBe('Q7xz');
	});

	it('with SITE_URL: only requests for its host', async () => {
		const deployed = await siteWith({ SITE_URL: 'https://walkthrough.example.com', TRUST_PROXY: '1' });
		store.behave({ kind: 'answer', answer: answers.valid });
		expect((await keyCheckAs(deployed, { Host: 'walkthrough.example.com', Origin: 'https://walkthrough.example.com' })).status).toBe(200);
		expect((await keyCheckAs(deployed, { Host: 'evil.example', Origin: 'https://evil.example' })).status).toBe(421);
		expect((await keyCheckAs(deployed, {})).status).toBe(421);
	}, 30_000);

	it('behind a proxy without access control: the check answers, without the key hint', async () => {
		const open = await siteWith({ TRUST_PROXY: '1' });
		store.behave({ kind: 'answer', answer: answers.valid });
		const answer = await keyCheckAs(open, { 'X-Forwarded-For': '198.51.100.1' });
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ status: 'valid', keyHint: null });
	}, 30_000);

	it('with KEY_CHECK_AUTH: 401 with a challenge, then the answer and the hint with the credentials', async () => {
		const guarded = await siteWith({ TRUST_PROXY: '1', KEY_CHECK_AUTH: `merchant:${password}` });
		store.behave({ kind: 'answer', answer: answers.valid });
		const refused = await keyCheckAs(guarded, {});
		expect(refused.status).toBe(401);
		expect(refused.headers['www-authenticate']).toBe('Basic realm="Key check", charset="UTF-8"');
		expect((await keyCheckAs(guarded, { Authorization: `Basic ${Buffer.from('merchant:guess').toString('base64')}` })).status).toBe(401);
		const answer = await keyCheckAs(guarded, { Authorization: `Basic ${Buffer.from(`merchant:${password}`).toString('base64')}` });
		expect(answer.status).toBe(200);
		expect(answer.body.keyHint).toBe('Q7xz');
	}, 30_000);

	it('with KEY_CHECK_ALLOW: 403 from other networks, the hint from allowed ones', async () => {
		const allowList = await siteWith({ TRUST_PROXY: '1', KEY_CHECK_ALLOW: '10.0.0.0/8, 2001:db8::/32' });
		store.behave({ kind: 'answer', answer: answers.valid });
		for (const client of ['10.1.2.3', '2001:db8:ff::1']) expect((await keyCheckAs(allowList, { 'X-Forwarded-For': client })).body.keyHint, client).toBe('Q7xz');
		for (const client of ['192.0.2.1', '10.1.2.3, 192.0.2.1', '2001:db9::1']) {
			const refused = await keyCheckAs(allowList, { 'X-Forwarded-For': client });
			expect(refused.status, client).toBe(403);
			expect(refused.body.error).toBe('network-not-allowed');
		}
		// Without TRUST_PROXY a client cannot claim an allowed address.
		const direct = await siteWith({ KEY_CHECK_ALLOW: '10.0.0.0/8' });
		expect((await keyCheckAs(direct, { 'X-Forwarded-For': '10.1.2.3' })).status).toBe(403);
	}, 30_000);

	it('more checks waiting for a slow store than KEY_CHECK_MAX_PENDING: 503 busy with Retry-After', async () => {
		const bounded = await siteWith({ KEY_CHECK_MAX_PENDING: '2', KEY_CHECK_TIMEOUT_MS: '3000', KEY_CHECK_RATE_LIMIT: '100' });
		store.behave({ kind: 'slow', afterMs: 1_000, answer: answers.valid });
		const answers3 = await Promise.all([1, 2, 3].map(() => keyCheckAs(bounded, {})));
		expect(answers3.map((answer) => answer.status).sort()).toEqual([200, 200, 503]);
		const busy = answers3.find((answer) => answer.status === 503)!;
		expect(busy.headers['retry-after']).toBe('3');
		expect(busy.body.error).toBe('busy');
		expect((await keyCheckAs(bounded, {})).status).toBe(200);
	}, 30_000);
});

describe('with no store configured', () => {
	it('npm start asks the demo store, says so in its log, and the check works out of the box', async () => {
		const demo = await startSiteProcess(root, { DEMO_STORE_FILE: join(scratch, 'demo-store.json') });
		sites.push(demo);
		expect(demo.output()).toMatch(/No store configured \(STORE_URL\): key checks ask the demo store at http:\/\/127\.0\.0\.1:\d+\//);
		const answer = await keyCheck(demo);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.text)).toMatchObject({ status: 'missing', nextStep: 'generate-key' });
	}, 30_000);

	it('a broken store setting stops the server at start, naming it and not quoting the token', async () => {
		const broken = startSiteProcess(root, { STORE_URL: store.url, STORE_TOKEN: `${token} with a space` });
		await expect(broken).rejects.toThrow('STORE_TOKEN: must be printable ASCII without spaces');
		await expect(broken).rejects.not.toThrow(token);
	}, 30_000);
});

describe('the token and the key check password', () => {
	it('never appear in a response, the server’s log or any file of the build output', () => {
		expect(responses.length).toBeGreaterThan(10);
		for (const response of responses) expect(response).not.toContain(token);
		for (const response of responses) expect(response).not.toContain(password);
		for (const running of sites) expect(running.output()).not.toContain(token);
		for (const running of sites) expect(running.output()).not.toContain(password);
		expect(site.output()).toContain('Key check: timeout: no answer within 500 ms');
		const files = filesUnder(join(root, 'dist'));
		expect(files.length).toBeGreaterThan(30);
		for (const file of files) expect(readFileSync(file).includes(token), file).toBe(false);
	});
});
