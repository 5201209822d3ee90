import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/server/client-address';
import { isLoopback, normalizeIp, parseNetworkList, rateLimitKey } from '../../src/server/ip';

describe('normalizeIp', () => {
	it.each([
		['192.0.2.1', '192.0.2.1'],
		[' 192.0.2.1 ', '192.0.2.1'],
		['2001:DB8::1', '2001:db8::1'],
		['fe80::1%eth0', 'fe80::1'],
		// What a dual-stack socket reports for an IPv4 client.
		['::ffff:192.0.2.1', '192.0.2.1'],
		['::ffff:c000:201', '192.0.2.1'],
		['0:0:0:0:0:ffff:192.0.2.1', '192.0.2.1'],
	])('%s → %s', (text, address) => {
		expect(normalizeIp(text)).toBe(address);
	});

	it.each(['', 'unknown', '192.0.2.1:8080', '[2001:db8::1]', '192.0.2.300', '01.2.3.4', '1.2.3', 'x'.repeat(12_000), '192.0.2.1, 192.0.2.2'])('%j is not an address', (text) => {
		expect(normalizeIp(text)).toBeUndefined();
	});
});

describe('rateLimitKey', () => {
	it('is an IPv4 address itself and an IPv6 address its /64, however written', () => {
		expect(rateLimitKey('192.0.2.1')).toBe('192.0.2.1');
		expect(rateLimitKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
		const key = rateLimitKey('2001:db8:a:b::1');
		for (const same of ['2001:db8:a:b:ffff:ffff:ffff:ffff', '2001:0DB8:000A:000B::2', '2001:db8:a:b:1:2:3:4']) expect(rateLimitKey(same), same).toBe(key);
		for (const other of ['2001:db8:a:c::1', '2001:db8::1', '::1']) expect(rateLimitKey(other), other).not.toBe(key);
		expect(rateLimitKey('::')).toBe(rateLimitKey('::1'));
	});
});

describe('isLoopback', () => {
	it('is true for 127.0.0.0/8 and ::1 only', () => {
		for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(address), address).toBe(true);
		for (const address of ['0.0.0.0', '::', '10.0.0.1', '::2', 'localhost', '128.0.0.1']) expect(isLoopback(address), address).toBe(false);
	});
});

describe('parseNetworkList', () => {
	it('holds IPv4 and IPv6 networks and single addresses', () => {
		const list = parseNetworkList(' 10.0.0.0/8, 192.168.1.0/24,::1/128 ,2001:db8::/32,203.0.113.7 ');
		for (const address of ['10.255.0.1', '::ffff:10.0.0.1', '192.168.1.200', '::1', '2001:db8:ffff::1', '203.0.113.7']) expect(list.has(address), address).toBe(true);
		for (const address of ['11.0.0.1', '192.168.2.1', '::2', '2001:db9::1', '203.0.113.8', 'garbage']) expect(list.has(address), address).toBe(false);
		expect(list.text).toBe('10.0.0.0/8,192.168.1.0/24,::1/128,2001:db8::/32,203.0.113.7');
	});

	it.each([
		['10.0.0.0/33', '"10.0.0.0/33" needs a prefix length from 0 to 32'],
		['::/129', '"::/129" needs a prefix length from 0 to 128'],
		['10.0.0.0/', '"10.0.0.0/" needs a prefix length from 0 to 32'],
		['10.0.0.0/8/8', '"10.0.0.0/8/8" is not an address or network'],
		['10.0.0/8', '"10.0.0/8" is not an address or network'],
		['localhost', '"localhost" is not an address or network'],
		[' , ', 'must list at least one network'],
	])('refuses %j', (text, message) => {
		expect(() => parseNetworkList(text)).toThrow(message);
	});
});

describe('clientAddress', () => {
	const peer = '::ffff:10.0.0.5';

	it('is the socket’s peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
		expect(clientAddress(peer, undefined, 0)).toBe('10.0.0.5');
		expect(clientAddress(peer, '198.51.100.1', 0)).toBe('10.0.0.5');
	});

	it('is the entry the trusted proxies added: the n-th from the right', () => {
		expect(clientAddress(peer, '203.0.113.1, 198.51.100.1', 1)).toBe('198.51.100.1');
		expect(clientAddress(peer, '203.0.113.1,198.51.100.1,10.0.0.2', 2)).toBe('198.51.100.1');
		expect(clientAddress(peer, ['203.0.113.1', '198.51.100.1'], 1)).toBe('198.51.100.1');
		expect(clientAddress(peer, ' 2001:DB8::7 ', 1)).toBe('2001:db8::7');
	});

	it('is the socket’s peer when that entry is missing or not an address', () => {
		expect(clientAddress(peer, undefined, 1)).toBe('10.0.0.5');
		expect(clientAddress(peer, '198.51.100.1', 2)).toBe('10.0.0.5');
		expect(clientAddress(peer, '198.51.100.1, unknown', 1)).toBe('10.0.0.5');
		expect(clientAddress(peer, '198.51.100.1,', 1)).toBe('10.0.0.5');
		expect(clientAddress(peer, `198.51.100.1, ${'9'.repeat(12_000)}`, 1)).toBe('10.0.0.5');
	});

	it('is undefined without a peer (a socket already gone) and no usable entry', () => {
		expect(clientAddress(undefined, undefined, 0)).toBeUndefined();
		expect(clientAddress(undefined, '198.51.100.1', 1)).toBe('198.51.100.1');
	});
});
