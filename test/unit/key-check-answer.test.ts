import { describe, expect, it } from 'vitest';
import { formatTime, readAnswer } from '../../src/islands/key-check-answer';

// The outcomes a page of the key check has blocks for (KeyCheck.astro), but rate-limited.
const outcomes = ['valid', 'missing', 'invalid', 'expired', 'unreachable', 'timeout', 'failed'];

describe('readAnswer', () => {
	it('shows the block of the answer’s status, with its hint and times', () => {
		const shown = readAnswer({ status: 'expired', checkedAt: '2026-05-04T09:12:44.120Z', keyHint: 'x7Qe', expiresAt: '2024-02-29T12:00:00+00:00', nextStep: 'generate-key' }, outcomes, 'en');
		expect(shown.outcome).toBe('expired');
		expect(shown.values.hint).toBe('x7Qe');
		expect(shown.values.checkedAt).toMatch(/\d{1,2}:12:44/);
		expect(shown.values.expiresAt).toMatch(/February 29, 2024/);
	});

	it('shows "failed" for a status the page has no block for, or no status at all', () => {
		for (const data of [{ status: 'revoked' }, { status: 'rate-limited' }, { status: 7 }, { status: 'constructor' }, {}, null, [], 'valid', 42]) {
			expect(readAnswer(data, outcomes, 'en').outcome, JSON.stringify(data)).toBe('failed');
		}
	});

	it('leaves a slot empty rather than show "Invalid Date" or a value that is not text', () => {
		const shown = readAnswer({ status: 'invalid', checkedAt: 'yesterday', keyHint: null, expiresAt: { at: 1 } }, outcomes, 'de');
		expect(shown).toEqual({ outcome: 'invalid', values: { hint: '', checkedAt: '', expiresAt: '', host: '' } });
		expect(readAnswer({ status: 'valid', keyHint: 1234 }, outcomes, 'en').values.hint).toBe('');
	});
});

describe('the store that answered', () => {
	it('is named by its host, the demo store as such', () => {
		expect(readAnswer({ status: 'valid', store: { host: 'shop.example:8443', demo: false } }, outcomes, 'en')).toMatchObject({ values: { host: 'shop.example:8443' }, store: { host: 'shop.example:8443', demo: false } });
		expect(readAnswer({ status: 'valid', store: { host: '127.0.0.1:5000', demo: true } }, outcomes, 'en').store).toEqual({ host: '127.0.0.1:5000', demo: true });
	});

	it('is not named when the answer does not say, or says something that is not a host', () => {
		for (const store of [undefined, null, 'shop.example', { host: 42 }, { demo: true }]) expect(readAnswer({ status: 'valid', store }, outcomes, 'en').store, JSON.stringify(store)).toBeUndefined();
		expect(readAnswer({ status: 'valid', store: { host: 'a.example', demo: 'yes' } }, outcomes, 'en').store!.demo).toBe(false);
	});
});

describe('formatTime', () => {
	it('formats in the page’s language, and says nothing for what is not a time', () => {
		expect(formatTime('2024-02-29T12:00:00Z', 'de', { dateStyle: 'long', timeZone: 'UTC' })).toBe('29. Februar 2024');
		for (const value of ['', 'not a date', '2024-13-45T99:00:00Z', null, undefined, 0, {}]) expect(formatTime(value, 'en', { dateStyle: 'long' }), String(value)).toBe('');
		expect(formatTime('2024-02-29T12:00:00Z', 'not a language!', { timeZone: 'UTC' })).toBe('2024-02-29T12:00:00.000Z');
	});
});
