import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStore } from '../../src/store/client';
import { readStoreConfig, type StoreConfig } from '../../src/store/config';
import { keyStatusAnswerSchema, keyStatusPath, statusOf } from '../../src/store/contract';
import { answers, downStoreUrl, startTestStore, type TestStore } from '../helpers/test-store';

const token = 'test-token-4f9a';
let store: TestStore;
let config: StoreConfig;
beforeAll(async () => {
	store = await startTestStore();
	config = { url: store.url, token, timeoutMs: 2_000 };
});
afterAll(() => store.close());

describe('statusOf: what the store’s answer means', () => {
	const now = new Date('2025-06-01T00:00:00Z');
	it('reads present, valid and expiry as the contract says', () => {
		expect(statusOf(answers.missing, now)).toBe('missing');
		expect(statusOf(answers.valid, now)).toBe('valid');
		expect(statusOf(answers.invalid, now)).toBe('invalid');
		expect(statusOf(answers.expired, now)).toBe('expired');
		// An invalid key whose expiry is still ahead is invalid, not expired.
		expect(statusOf({ ...answers.invalid, expires_at: '2030-01-01T00:00:00Z' }, now)).toBe('invalid');
	});

	it('refuses answers that break the contract', () => {
		for (const broken of [
			{ ...answers.valid, key_hint: 'the-whole-secret-key' },
			{ ...answers.valid, key_hint: null },
			{ ...answers.missing, key_hint: 'Q7xz' },
			{ ...answers.valid, expires_at: 'next tuesday' },
			{ ...answers.valid, valid: 'yes' },
			{ present: true },
		]) {
			expect(keyStatusAnswerSchema.safeParse(broken).success, JSON.stringify(broken)).toBe(false);
		}
	});
});

describe('checkStore against a real HTTP store on loopback', () => {
	it('asks the contract’s path with the bearer token and reads every key status', async () => {
		for (const [status, answer] of Object.entries(answers)) {
			store.behave({ kind: 'answer', answer });
			const found = await checkStore(config);
			expect(found.status).toBe(status);
			if (status !== 'missing') expect(found).toMatchObject({ keyHint: 'Q7xz' });
		}
		expect(await checkStore(config)).toEqual({ status: 'expired', keyHint: 'Q7xz', expiresAt: '2024-02-29T12:00:00+00:00' });
		const request = store.requests.at(-1)!;
		expect(request.path).toBe(keyStatusPath);
		expect(request.headers.authorization).toBe(`Bearer ${token}`);
	});

	it('calls a store that errs, answers nonsense, closes the connection or redirects unreachable, saying why', async () => {
		const cases = [
			[{ kind: 'status', status: 500 }, 'HTTP 500'],
			[{ kind: 'status', status: 401 }, 'HTTP 401'],
			[{ kind: 'body', body: '<html>Maintenance</html>' }, 'not JSON'],
			[{ kind: 'body', body: '{"present": "maybe"}' }, 'does not follow the contract: present'],
			[{ kind: 'body', body: JSON.stringify({ data: 'x'.repeat(20_000) }) }, 'bytes'],
			[{ kind: 'close' }, 'not reachable'],
			[{ kind: 'redirect', location: 'http://127.0.0.1:1/elsewhere' }, 'HTTP 307'],
		] as const;
		for (const [behaviour, reason] of cases) {
			store.behave(behaviour);
			const found = await checkStore(config);
			expect(found.status, behaviour.kind).toBe('unreachable');
			expect('reason' in found && found.reason, behaviour.kind).toContain(reason);
			expect(JSON.stringify(found)).not.toContain(token);
		}
	});

	it('calls a store that is down unreachable', async () => {
		const found = await checkStore({ ...config, url: await downStoreUrl() });
		expect(found).toEqual({ status: 'unreachable', reason: 'store not reachable (ECONNREFUSED)' });
	});

	it('gives up on a slow store at the timeout: the answer is timeout and comes before the store’s', async () => {
		store.behave({ kind: 'slow', afterMs: 30_000, answer: answers.valid });
		const found = await checkStore({ ...config, timeoutMs: 300 });
		expect(found.status).toBe('timeout');
		expect(store.slowAnswersSent).toBe(0);
	});
});

describe('readStoreConfig', () => {
	it('reads the store from the environment, with a 5 s timeout unless set', () => {
		expect(readStoreConfig({})).toBeUndefined();
		expect(readStoreConfig({ STORE_URL: '', STORE_TOKEN: '' })).toBeUndefined();
		expect(readStoreConfig({ STORE_URL: 'https://shop.example.com/', STORE_TOKEN: 'abc' })).toEqual({ url: 'https://shop.example.com', token: 'abc', timeoutMs: 5_000 });
		expect(readStoreConfig({ STORE_URL: 'http://127.0.0.1:9', STORE_TOKEN: 'abc', KEY_CHECK_TIMEOUT_MS: '800' })?.timeoutMs).toBe(800);
	});

	it('names the variable that is wrong and never quotes the token', () => {
		const secret = 'sec ret\nwith-newline';
		const bad = [
			[{ STORE_URL: 'shop.example.com', STORE_TOKEN: 'abc' }, 'STORE_URL'],
			[{ STORE_URL: 'ftp://shop.example.com', STORE_TOKEN: 'abc' }, 'STORE_URL'],
			[{ STORE_URL: 'https://user:pw@shop.example.com', STORE_TOKEN: 'abc' }, 'STORE_URL'],
			[{ STORE_URL: 'https://shop.example.com' }, 'STORE_TOKEN: required'],
			[{ STORE_URL: 'https://shop.example.com', STORE_TOKEN: secret }, 'STORE_TOKEN: must be printable ASCII'],
			[{ STORE_URL: 'https://shop.example.com', STORE_TOKEN: 'abc', KEY_CHECK_TIMEOUT_MS: 'soon' }, 'KEY_CHECK_TIMEOUT_MS'],
			[{ STORE_URL: 'https://shop.example.com', STORE_TOKEN: 'abc', KEY_CHECK_TIMEOUT_MS: '600000' }, 'KEY_CHECK_TIMEOUT_MS'],
		] as const;
		for (const [env, message] of bad) {
			expect(() => readStoreConfig(env), JSON.stringify(env)).toThrow(message);
			try {
				readStoreConfig(env);
			} catch (error) {
				expect((error as Error).message).not.toContain('sec ret');
			}
		}
	});
});
