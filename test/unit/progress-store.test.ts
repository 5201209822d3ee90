import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressStore, parseProgress, progressKey, serializeProgress } from '../../src/islands/progress-store';

const steps = ['log-in', 'open-channel', 'sign-in', 'generate-key', 'paste-key', 'verify'];
const key = progressKey('amazon-api-key');

/** A Map-backed localStorage; `failing` makes every call throw as blocked storage does. */
class FakeStorage {
	readonly items = new Map<string, string>();
	failing: false | 'blocked' | 'full' = false;
	getItem(name: string) {
		if (this.failing === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
		return this.items.get(name) ?? null;
	}
	setItem(name: string, value: string) {
		if (this.failing) throw new DOMException('quota', this.failing === 'full' ? 'QuotaExceededError' : 'SecurityError');
		this.items.set(name, value);
	}
	removeItem(name: string) {
		if (this.failing === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
		this.items.delete(name);
	}
}

let storage: FakeStorage;
beforeEach(() => {
	storage = new FakeStorage();
	Object.defineProperty(globalThis, 'localStorage', { configurable: true, get: () => storage });
});
afterEach(() => {
	Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('parseProgress', () => {
	it('reads our format in step order', () => {
		expect(parseProgress('{"version":1,"done":["sign-in","log-in"]}', steps)).toEqual(['log-in', 'sign-in']);
	});

	it('drops steps the schema no longer has and keeps the rest', () => {
		expect(parseProgress('{"version":1,"done":["log-in","old-step","verify"]}', steps)).toEqual(['log-in', 'verify']);
	});

	it.each([
		['not JSON', '{"version":1,"done":['],
		['JSON of another shape', '["log-in"]'],
		['another version', '{"version":2,"done":["log-in"]}'],
		['a foreign value', 'true'],
		['null', 'null'],
		['done that is not a list', '{"version":1,"done":"log-in"}'],
	])('ignores %s', (_name, stored) => {
		expect(parseProgress(stored, steps)).toEqual([]);
	});

	it('ignores ids that are not strings', () => {
		expect(parseProgress('{"version":1,"done":[1,null,{"id":"log-in"},"verify"]}', steps)).toEqual(['verify']);
	});
});

describe('ProgressStore', () => {
	it('keeps ticks across instances (reloads) and finds the next step', () => {
		const first = new ProgressStore('amazon-api-key', steps);
		first.set('log-in', true);
		first.set('open-channel', true);
		first.set('generate-key', true);
		const second = new ProgressStore('amazon-api-key', steps);
		expect(second.doneCount).toBe(3);
		expect(second.nextStep).toBe('sign-in');
		expect(JSON.parse(storage.items.get(key)!)).toEqual({ version: 1, done: ['log-in', 'open-channel', 'generate-key'] });
	});

	it('unticks and resets', () => {
		const store = new ProgressStore('amazon-api-key', steps);
		for (const step of steps) store.set(step, true);
		expect(store.nextStep).toBeUndefined();
		store.set('paste-key', false);
		expect(store.nextStep).toBe('paste-key');
		store.reset();
		expect(store.doneCount).toBe(0);
		expect(new ProgressStore('amazon-api-key', steps).doneCount).toBe(0);
	});

	it('rewrites stored progress without the removed steps when the schema changed', () => {
		storage.items.set(key, serializeProgress(['log-in', 'removed-step', 'verify']));
		const store = new ProgressStore('amazon-api-key', steps);
		expect(store.doneCount).toBe(2);
		expect(JSON.parse(storage.items.get(key)!)).toEqual({ version: 1, done: ['log-in', 'verify'] });
	});

	it('starts empty on corrupted data and replaces it on the first tick', () => {
		storage.items.set(key, '\u0000garbage');
		const store = new ProgressStore('amazon-api-key', steps);
		expect(store.doneCount).toBe(0);
		store.set('verify', true);
		expect(JSON.parse(storage.items.get(key)!)).toEqual({ version: 1, done: ['verify'] });
	});

	it('works in memory when storage is blocked, and says it does not persist', () => {
		storage.failing = 'blocked';
		const store = new ProgressStore('amazon-api-key', steps);
		expect(store.persistent).toBe(false);
		store.set('log-in', true);
		expect(store.isDone('log-in')).toBe(true);
		expect(store.nextStep).toBe('open-channel');
	});

	it('works in memory when storage is full', () => {
		const store = new ProgressStore('amazon-api-key', steps);
		expect(store.persistent).toBe(true);
		storage.failing = 'full';
		store.set('log-in', true);
		expect(store.isDone('log-in')).toBe(true);
		expect(store.persistent).toBe(false);
	});

	it('works when there is no localStorage at all', () => {
		Reflect.deleteProperty(globalThis, 'localStorage');
		const store = new ProgressStore('amazon-api-key', steps);
		store.set('sign-in', true);
		expect(store.doneCount).toBe(1);
		expect(store.persistent).toBe(false);
	});

	it('picks up what another tab stored', () => {
		const store = new ProgressStore('amazon-api-key', steps);
		storage.items.set(key, serializeProgress(['log-in', 'open-channel']));
		store.load();
		expect(store.doneCount).toBe(2);
	});
});
