import { describe, expect, it } from 'vitest';
import { startSiteProcess } from '../../src/cli/site-process';
import { projectRoot } from '../helpers/project';

// `npm start` with a bad setting: one line naming it, exit 1, before anything starts (no demo
// store, no build needed: the settings are checked before the site is loaded, so the source runs).
async function failureOf(env: Record<string, string>): Promise<string> {
	return startSiteProcess(projectRoot, env, ['src/server/main.ts']).then(
		(site) => {
			site.stop();
			throw new Error(`started with ${JSON.stringify(env)}`);
		},
		(error: Error) => error.message,
	);
}

describe('a bad setting stops npm start at once, in one line naming it', () => {
	it.each([
		[{ PORT: '99999' }, 'Configuration: PORT: must be a whole number from 0 to 65535'],
		[{ PORT: '80a' }, 'Configuration: PORT: must be a whole number from 0 to 65535'],
		[{ PORT: '-1' }, 'Configuration: PORT: must be a whole number from 0 to 65535'],
		[{ HOST: 'not a host!' }, 'Configuration: HOST: must be an IP address or a host name, such as 127.0.0.1, 0.0.0.0, :: or localhost'],
		[{ TRUST_PROXY: 'maybe' }, 'Configuration: TRUST_PROXY: must be the number of trusted proxies in front (0 to 16), or true/false'],
		[{ KEY_CHECK_ALLOW: '10.0.0.0/33' }, 'Configuration: KEY_CHECK_ALLOW: "10.0.0.0/33" needs a prefix length from 0 to 32 (a comma-separated list such as 10.0.0.0/8,::1/128)'],
		[{ KEY_CHECK_RATE_LIMIT: 'lots' }, 'Configuration: KEY_CHECK_RATE_LIMIT: must be a whole number from 1 to 1000000000 (checks per client per minute)'],
		[{ SITE_URL: 'walkthrough.example.com' }, 'Configuration: SITE_URL: must be an http(s) URL such as https://walkthrough.example.com'],
		[
			{ PORT: 'x', HOST: '-', KEY_CHECK_MAX_PENDING: '0' },
			'Configuration: PORT: must be a whole number from 0 to 65535; HOST: must be an IP address or a host name, such as 127.0.0.1, 0.0.0.0, :: or localhost; KEY_CHECK_MAX_PENDING: must be a whole number from 1 to 100000',
		],
	])('%o', async (env, message) => {
		expect(await failureOf(env)).toBe(`The server exited with 1:\n${message}\n`);
	});

	it('never quotes the key check password', async () => {
		const secret = 'no-colon-so-broken-Zq81';
		const failure = await failureOf({ KEY_CHECK_AUTH: secret });
		expect(failure).toBe('The server exited with 1:\nConfiguration: KEY_CHECK_AUTH: must be user:password (a user name without ":", then a password; no control characters)\n');
		expect(failure).not.toContain(secret);
	});
});
