import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteProcess, type SiteProcess } from '../../src/cli/site-process';
import { send } from '../helpers/http';
import { build, copyOfProject, projectRoot } from '../helpers/project';
import { answers, startTestStore, type TestStore } from '../helpers/test-store';

// Our server answers the key check itself; the Astro route stays for hosts that run Astro's
// handler instead (README.md, "Beyond one machine"). Here it is, mounted in a plain http server.
const token = 'canary-token-for-the-plain-host';
const root = copyOfProject();
let store: TestStore;
let host: SiteProcess;

beforeAll(async () => {
	store = await startTestStore();
	const result = build(root);
	if (result.status !== 0) throw new Error(result.stdout + result.stderr);
	host = await startSiteProcess(root, { ASTRO_ENTRY: join(root, 'dist/server/entry.mjs'), STORE_URL: store.url, STORE_TOKEN: token, KEY_CHECK_RATE_LIMIT: '3' }, [join(projectRoot, 'test/fixtures/plain-host.mjs')]);
}, 120_000);
afterAll(async () => {
	host?.stop();
	await store.close();
	rmSync(root, { recursive: true, force: true });
});

const keyCheck = (init: { method?: string; body?: string } = {}) =>
	send(host.origin, '/api/key-check/', {
		method: init.method ?? 'POST',
		headers: { Origin: host.origin, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
		...(init.method === undefined && { body: init.body ?? '{"procedure":"amazon-api-key"}' }),
	});

describe("the key check route under Astro's handler alone", () => {
	it('asks the store with the token from the environment and answers as our server does', async () => {
		store.behave({ kind: 'answer', answer: answers.valid });
		const answer = await keyCheck();
		expect(answer.status).toBe(200);
		expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(answer.headers['cache-control']).toBe('no-store');
		expect(JSON.parse(answer.text)).toMatchObject({ status: 'valid', keyHint: 'Q7xz', nextStep: null, store: { demo: false } });
		expect(store.requests.at(-1)!.headers.authorization).toBe(`Bearer ${token}`);
		expect(answer.text).not.toContain(token);
	});

	it('refuses what the route refuses: other methods, malformed bodies, unknown procedures', async () => {
		const get = await keyCheck({ method: 'GET' });
		expect(get.status).toBe(405);
		expect(get.headers.allow).toBe('POST');
		expect((await keyCheck({ body: '{"procedure":' })).status).toBe(400);
		expect(JSON.parse((await keyCheck({ body: '{"procedure":"no-such"}' })).text)).toMatchObject({ error: 'unknown-procedure' });
	});

	it('keeps its rate limit per client', async () => {
		store.behave({ kind: 'answer', answer: answers.missing });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await keyCheck()).status);
		// Three a minute (some used by the tests above): the fourth check at the latest is refused.
		expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(3);
		expect(statuses.at(-1)).toBe(429);
		expect(JSON.parse((await keyCheck()).text)).toMatchObject({ error: 'rate-limited' });
	});
});
