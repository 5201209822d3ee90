import { describe, expect, it } from 'vitest';
import { createKeyCheckAccess, isLocalOnly } from '../../src/server/access';
import { ConfigError, readServerConfig } from '../../src/server/config';

const problem = (env: Record<string, string>) => {
	try {
		readServerConfig(env);
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as Error).message;
	}
	throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('readServerConfig', () => {
	it('has defaults for everything: loopback, port 4321, no proxy, timeouts set on purpose', () => {
		const config = readServerConfig({});
		expect(config).toMatchObject({ port: 4321, host: '127.0.0.1', siteUrl: undefined, trustProxyHops: 0, demoStorePort: 0 });
		expect(config.timeouts).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 });
		expect(config.keyCheck).toMatchObject({ rateLimit: 20, bodyTimeoutMs: 5_000, maxPending: 32, credentials: undefined, allow: undefined });
		// Set but empty is unset.
		expect(readServerConfig({ PORT: '', HOST: '', TRUST_PROXY: '', KEY_CHECK_AUTH: '' })).toEqual(config);
	});

	it.each([
		['1', 1],
		['true', 1],
		['YES', 1],
		['on', 1],
		['2', 2],
		['16', 16],
		['0', 0],
		['false', 0],
		['No', 0],
		['off', 0],
		['', 0],
	])('TRUST_PROXY=%j is %i trusted hops', (value, hops) => {
		expect(readServerConfig({ TRUST_PROXY: value }).trustProxyHops).toBe(hops);
	});

	it.each(['maybe', '-1', '17', '1.5', 'enabled'])('TRUST_PROXY=%j is refused', (value) => {
		expect(problem({ TRUST_PROXY: value })).toMatch(/^Configuration: TRUST_PROXY: /);
	});

	it('takes PORT 0 to 65535 and HOST as an address or a host name', () => {
		expect(readServerConfig({ PORT: '0', HOST: '::' })).toMatchObject({ port: 0, host: '::' });
		expect(readServerConfig({ PORT: '65535', HOST: 'localhost' })).toMatchObject({ port: 65_535, host: 'localhost' });
		expect(readServerConfig({ HOST: 'walkthrough.internal' }).host).toBe('walkthrough.internal');
		for (const port of ['65536', '1e3', '0x50', ' 80', '80.0']) expect(problem({ PORT: port }), port).toBe('Configuration: PORT: must be a whole number from 0 to 65535');
		for (const host of ['not a host', 'http://localhost', '127.0.0.1:80', '-x-']) expect(problem({ HOST: host }), host).toMatch(/^Configuration: HOST: /);
	});

	it('reads KEY_CHECK_AUTH as user:password, the password possibly with colons, and never quotes it', () => {
		expect(readServerConfig({ KEY_CHECK_AUTH: 'merchant:pa:ss wörd' }).keyCheck.credentials).toEqual({ user: 'merchant', password: 'pa:ss wörd' });
		for (const [value, secret] of [
			['secretWithoutColon', 'secretWithoutColon'],
			[':secretOnlyPassword', 'secretOnlyPassword'],
			['secretOnlyUser:', 'secretOnlyUser'],
			['merchant:secret\nwith a newline', 'secret'],
		]) {
			const message = problem({ KEY_CHECK_AUTH: value! });
			expect(message).toBe('Configuration: KEY_CHECK_AUTH: must be user:password (a user name without ":", then a password; no control characters)');
			expect(message).not.toContain(secret);
		}
	});

	it('reads KEY_CHECK_ALLOW as networks', () => {
		const allow = readServerConfig({ KEY_CHECK_ALLOW: '10.0.0.0/8,::1/128' }).keyCheck.allow!;
		expect(allow.has('10.1.1.1')).toBe(true);
		expect(allow.has('::1')).toBe(true);
		expect(allow.has('192.0.2.1')).toBe(false);
	});

	it('refuses a headers timeout longer than the request timeout', () => {
		expect(problem({ HEADERS_TIMEOUT_MS: '5000', REQUEST_TIMEOUT_MS: '1000' })).toBe('Configuration: HEADERS_TIMEOUT_MS: must not be longer than REQUEST_TIMEOUT_MS');
	});

	it('names every variable that is wrong, once each, in one line', () => {
		const message = problem({ PORT: 'x', HOST: 'a b', TRUST_PROXY: 'x', KEY_CHECK_BODY_TIMEOUT_MS: '5' });
		expect(message.split('\n')).toHaveLength(1);
		expect(message.match(/PORT: |HOST: |TRUST_PROXY: |KEY_CHECK_BODY_TIMEOUT_MS: /g)).toEqual(['PORT: ', 'HOST: ', 'TRUST_PROXY: ', 'KEY_CHECK_BODY_TIMEOUT_MS: ']);
	});
});

describe('isLocalOnly and the key hint', () => {
	it('is local only on loopback with no proxy trusted', () => {
		for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(isLocalOnly({ host, trustProxyHops: 0 }), host).toBe(true);
		for (const host of ['0.0.0.0', '::', '192.0.2.1', 'walkthrough.internal']) expect(isLocalOnly({ host, trustProxyHops: 0 }), host).toBe(false);
		// A proxy on the same machine brings the internet along.
		expect(isLocalOnly({ host: '127.0.0.1', trustProxyHops: 1 })).toBe(false);
	});

	it('shows the key hint when local only or when access control is configured, not otherwise', () => {
		const open = { host: '0.0.0.0', siteUrl: undefined, trustProxyHops: 0, credentials: undefined, allow: undefined };
		expect(createKeyCheckAccess(open).showsKeyHint).toBe(false);
		expect(createKeyCheckAccess({ ...open, host: '127.0.0.1' }).showsKeyHint).toBe(true);
		expect(createKeyCheckAccess({ ...open, credentials: { user: 'a', password: 'b' } }).showsKeyHint).toBe(true);
		expect(createKeyCheckAccess({ ...open, ...readServerConfig({ KEY_CHECK_ALLOW: '10.0.0.0/8' }).keyCheck, host: '::' }).showsKeyHint).toBe(true);
	});
});
