import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/server/rate-limit';
import { isSameOrigin } from '../../src/server/same-origin';

describe('createRateLimiter', () => {
	it('lets each client make `perMinute` requests at once, then says when to try again', () => {
		let now = 0;
		const limiter = createRateLimiter(6, { now: () => now });
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
		const limiter = createRateLimiter(2, { now: () => now });
		limiter.take('a');
		limiter.take('a');
		now = 10 * 60_000;
		expect(limiter.take('a').allowed).toBe(true);
		expect(limiter.take('a').allowed).toBe(true);
		expect(limiter.take('a').allowed).toBe(false);
	});

	it('remembers at most maxClients clients, forgetting the one heard from least recently', () => {
		let now = 0;
		const limiter = createRateLimiter(1, { now: () => now, maxClients: 3 });
		for (const client of ['a', 'b', 'c']) expect(limiter.take(client).allowed).toBe(true);
		// a is heard from again (and refused), so b is now the least recent.
		now = 1_000;
		expect(limiter.take('a').allowed).toBe(false);
		expect(limiter.take('d').allowed).toBe(true);
		expect(limiter.size).toBe(3);
		// b was forgotten and starts afresh (now c goes); a and d are still remembered.
		expect(limiter.take('b').allowed).toBe(true);
		expect(limiter.take('a').allowed).toBe(false);
		expect(limiter.take('d').allowed).toBe(false);
		expect(limiter.size).toBe(3);
	});

	it('never holds more than maxClients buckets, whatever the number of clients', () => {
		const limiter = createRateLimiter(20, { maxClients: 100 });
		for (let i = 0; i < 5_000; i++) limiter.take(`client-${i}`);
		expect(limiter.size).toBe(100);
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
