import { describe, expect, it } from 'vitest';
import { createRateLimiter, readRateLimit } from '../../src/server/rate-limit';
import { isSameOrigin } from '../../src/server/same-origin';

describe('createRateLimiter', () => {
	it('lets each client make `perMinute` requests at once, then says when to try again', () => {
		let now = 0;
		const limiter = createRateLimiter(6, () => now);
		for (let i = 0; i < 6; i++) expect(limiter.take('a')).toEqual({ allowed: true });
		// One request's worth refills every 10 s.
		expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
		expect(limiter.take('b')).toEqual({ allowed: true });
		now = 4_000;
		expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
		now = 10_000;
		expect(limiter.take('a')).toEqual({ allowed: true });
		expect(limiter.take('a').allowed).toBe(false);
	});

	it('refills a quiet client completely, and no more', () => {
		let now = 0;
		const limiter = createRateLimiter(2, () => now);
		limiter.take('a');
		limiter.take('a');
		now = 10 * 60_000;
		expect(limiter.take('a').allowed).toBe(true);
		expect(limiter.take('a').allowed).toBe(true);
		expect(limiter.take('a').allowed).toBe(false);
	});

	it('reads KEY_CHECK_RATE_LIMIT, 20 unless set, and names it when it is wrong', () => {
		expect(readRateLimit({})).toBe(20);
		expect(readRateLimit({ KEY_CHECK_RATE_LIMIT: '500' })).toBe(500);
		expect(() => readRateLimit({ KEY_CHECK_RATE_LIMIT: 'lots' })).toThrow('KEY_CHECK_RATE_LIMIT');
		expect(() => readRateLimit({ KEY_CHECK_RATE_LIMIT: '0' })).toThrow('KEY_CHECK_RATE_LIMIT');
	});
});

describe('isSameOrigin', () => {
	const host = '127.0.0.1:4321';
	it('accepts a request from a page of this host', () => {
		expect(isSameOrigin({ origin: 'http://127.0.0.1:4321', host, secFetchSite: 'same-origin' })).toBe(true);
		expect(isSameOrigin({ origin: 'https://127.0.0.1:4321', host, secFetchSite: null })).toBe(true);
	});

	it('refuses other sites, opaque origins and requests that say nothing', () => {
		expect(isSameOrigin({ origin: 'http://evil.example', host, secFetchSite: 'cross-site' })).toBe(false);
		expect(isSameOrigin({ origin: 'http://127.0.0.1:4321', host, secFetchSite: 'same-site' })).toBe(false);
		expect(isSameOrigin({ origin: 'http://127.0.0.1:9999', host, secFetchSite: null })).toBe(false);
		expect(isSameOrigin({ origin: 'null', host, secFetchSite: null })).toBe(false);
		expect(isSameOrigin({ origin: null, host, secFetchSite: 'same-origin' })).toBe(false);
		expect(isSameOrigin({ origin: 'not a url', host, secFetchSite: null })).toBe(false);
	});
});
