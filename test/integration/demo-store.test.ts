import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStore } from '../../src/store/client';
import { keyStatusPath } from '../../src/store/contract';
import { demoStates, readDemoState, startDemoStore, writeDemoState, type DemoStore } from '../../src/store/demo-store';
import { startSiteProcess } from '../../src/cli/site-process';
import { projectRoot } from '../helpers/project';

const dir = mkdtempSync(join(tmpdir(), 'walkthrough-demo-store-'));
const file = join(dir, 'state.json');
const logged: string[] = [];
let demo: DemoStore;
beforeAll(async () => {
	demo = await startDemoStore({ file, slowMs: 5_000, log: (line) => logged.push(line) });
});
afterAll(async () => {
	await demo.close();
	rmSync(dir, { recursive: true, force: true });
});

const config = () => ({ url: demo.url, token: demo.token, timeoutMs: 1_000 });
/** A POST of the demo page's form, as a browser on `origin` sends it. */
const switchTo = (state: string, origin: string | null = demo.url, site = 'same-origin') =>
	fetch(`${demo.url}/state`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': site, ...(origin && { Origin: origin }) },
		body: new URLSearchParams({ state }),
		redirect: 'manual',
	});

describe('the demo store', () => {
	it('has no key saved before anyone switches it', async () => {
		expect((await checkStore(config())).status).toBe('missing');
	});

	it('answers each state as the contract says, so the key check finds that status', async () => {
		const expected = { missing: 'missing', valid: 'valid', invalid: 'invalid', expired: 'expired', error: 'unreachable', slow: 'timeout' } as const;
		for (const state of demoStates) {
			await writeDemoState(file, state);
			const found = await checkStore(config());
			expect(found.status, state).toBe(expected[state]);
			if (state === 'valid' || state === 'invalid' || state === 'expired') expect(found).toMatchObject({ keyHint: (await readDemoState(file)).keyHint });
		}
	});

	it('refuses a request without its token, as Magento does', async () => {
		await writeDemoState(file, 'valid');
		expect((await checkStore({ ...config(), token: 'guessed' })).status).toBe('unreachable');
		const response = await fetch(demo.url + keyStatusPath);
		expect(response.status).toBe(401);
	});

	it('is switched by its own page with a same-origin POST, and says so in its log', async () => {
		await writeDemoState(file, 'missing');
		const page = await (await fetch(`${demo.url}/`)).text();
		for (const state of demoStates) expect(page).toContain(`<button name="state" value="${state}">`);
		const response = await switchTo('valid');
		expect(response.status).toBe(303);
		expect((await readDemoState(file)).state).toBe('valid');
		expect(logged).toContain('Demo store: the key is now valid');
		expect((await checkStore(config())).status).toBe('valid');
	});

	it('cannot be switched by another site, a request without Origin, or a GET', async () => {
		await writeDemoState(file, 'missing');
		expect((await switchTo('valid', 'http://evil.example')).status).toBe(403);
		expect((await switchTo('valid', demo.url, 'cross-site')).status).toBe(403);
		expect((await switchTo('valid', null)).status).toBe(403);
		expect((await fetch(`${demo.url}/state?state=valid`)).status).toBe(405);
		expect((await switchTo('hacked')).status).toBe(400);
		expect((await readDemoState(file)).state).toBe('missing');
	});

	it('sends the security headers with its page', async () => {
		const headers = (await fetch(`${demo.url}/`)).headers;
		expect(headers.get('content-security-policy')).toContain("script-src 'self'");
		expect(headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('answers a broken state file with HTTP 500 naming the file (the check says unreachable)', async () => {
		writeFileSync(file, '{"state": "sorta"}');
		const response = await fetch(demo.url + keyStatusPath, { headers: { Authorization: `Bearer ${demo.token}` } });
		expect(response.status).toBe(500);
		expect(((await response.json()) as { message: string }).message).toContain(`${file}: state: Invalid enum value`);
		expect((await checkStore(config())).status).toBe('unreachable');
		expect(await (await fetch(`${demo.url}/`)).text()).toContain('Broken state file');
	});
});

describe('npm run demo-store', () => {
	const cli = (...args: string[]) => spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), ['src/cli/demo-store.ts', ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, DEMO_STORE_FILE: file } });

	it('switches the state file and says which state is on', () => {
		const result = cli('expired');
		expect(result.status, result.stderr).toBe(0);
		expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ state: 'expired' });
		expect(cli().stdout).toContain(`Demo store key: expired (${file})`);
	});

	it('refuses an unknown state with the list of known ones', () => {
		const result = cli('broken');
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Unknown state "broken". Usage: npm run demo-store -- <missing|valid|invalid|expired|error|slow|serve>');
	});

	it('serves the store alone with the token it is given, and reads the state file again when it changes', async () => {
		const store = await startSiteProcess(projectRoot, { DEMO_STORE_FILE: file, DEMO_STORE_TOKEN: 'a-test-token' }, ['src/cli/demo-store.ts', 'serve']);
		try {
			expect(cli('valid').status).toBe(0);
			expect((await checkStore({ url: store.origin, token: 'a-test-token', timeoutMs: 5_000 })).status).toBe('valid');
			expect((await checkStore({ url: store.origin, token: 'another-token', timeoutMs: 5_000 })).status).toBe('unreachable');
			expect(cli('invalid').status).toBe(0);
			expect((await checkStore({ url: store.origin, token: 'a-test-token', timeoutMs: 5_000 })).status).toBe('invalid');
		} finally {
			store.stop();
		}
	}, 30_000);
});
