import { isIP } from 'node:net';
import { z } from 'astro/zod';
import { parseNetworkList, type NetworkList } from './ip';

/** The server's settings, from its environment (README.md, "Configuration"). */
export interface ServerConfig {
	port: number;
	host: string;
	/** The site's public address, when known: the key check answers requests for its host only. */
	siteUrl: URL | undefined;
	/** How many reverse proxies in front append to X-Forwarded-For (0: none is trusted). */
	trustProxyHops: number;
	demoStorePort: number;
	timeouts: {
		/** To receive a request's headers. */
		headersMs: number;
		/** To receive a whole request, headers and body. */
		requestMs: number;
		/** How long an idle kept-alive connection stays open. */
		keepAliveMs: number;
	};
	keyCheck: {
		/** Checks per client per minute. */
		rateLimit: number;
		/** To receive the key check's body once its headers are in. */
		bodyTimeoutMs: number;
		/** Checks waiting for the store at once; more are refused with 503. */
		maxPending: number;
		/** HTTP basic auth the key check requires, if any. */
		credentials: { user: string; password: string } | undefined;
		/** The client networks the key check answers, if limited. */
		allow: NetworkList | undefined;
	};
}

export class ConfigError extends Error {}

const unset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

function wholeNumber(min: number, max: number, fallback: number, what = '') {
	const message = `must be a whole number from ${min} to ${max}${what}`;
	return z.preprocess(
		unset,
		z
			.string()
			.regex(/^\d+$/, message)
			.refine((text) => Number(text) >= min && Number(text) <= max, message)
			.transform(Number)
			.optional()
			.transform((value) => value ?? fallback),
	);
}

const hostName = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

const yes = ['1', 'true', 'yes', 'on'];
const no = ['0', 'false', 'no', 'off'];
const maxProxyHops = 16;

// Messages never quote a value: KEY_CHECK_AUTH holds a password, and a log of a typo in it would leak it.
const serverEnvSchema = z
	.object({
		PORT: wholeNumber(0, 65_535, 4321),
		HOST: z.preprocess(
			unset,
			z
				.string()
				.refine((host) => isIP(host) !== 0 || hostName.test(host), 'must be an IP address or a host name, such as 127.0.0.1, 0.0.0.0, :: or localhost')
				.optional()
				.transform((host) => host ?? '127.0.0.1'),
		),
		SITE_URL: z.preprocess(
			unset,
			z
				.string()
				.refine((text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol) && new URL(text).hostname !== '', 'must be an http(s) URL such as https://walkthrough.example.com')
				.transform((text) => new URL(text))
				.optional(),
		),
		TRUST_PROXY: z
			.string()
			.optional()
			.transform((value, context) => {
				const text = (value ?? '').trim().toLowerCase();
				if (text === '' || no.includes(text)) return 0;
				if (yes.includes(text)) return 1;
				if (/^\d+$/.test(text) && Number(text) <= maxProxyHops) return Number(text);
				context.addIssue({ code: z.ZodIssueCode.custom, message: `must be the number of trusted proxies in front (0 to ${maxProxyHops}), or true/false` });
				return z.NEVER;
			}),
		DEMO_STORE_PORT: wholeNumber(0, 65_535, 0),
		HEADERS_TIMEOUT_MS: wholeNumber(100, 600_000, 10_000),
		REQUEST_TIMEOUT_MS: wholeNumber(100, 600_000, 30_000),
		KEEP_ALIVE_TIMEOUT_MS: wholeNumber(100, 600_000, 5_000),
		KEY_CHECK_RATE_LIMIT: wholeNumber(1, 1_000_000_000, 20, ' (checks per client per minute)'),
		KEY_CHECK_BODY_TIMEOUT_MS: wholeNumber(100, 60_000, 5_000),
		KEY_CHECK_MAX_PENDING: wholeNumber(1, 100_000, 32),
		KEY_CHECK_AUTH: z.preprocess(
			unset,
			z
				.string()
				// eslint-disable-next-line no-control-regex -- control characters are what the pattern refuses.
				.regex(/^[^:\x00-\x1f\x7f]+:[^\x00-\x1f\x7f]+$/, 'must be user:password (a user name without ":", then a password; no control characters)')
				.transform((text) => ({ user: text.slice(0, text.indexOf(':')), password: text.slice(text.indexOf(':') + 1) }))
				.optional(),
		),
		KEY_CHECK_ALLOW: z.preprocess(
			unset,
			z
				.string()
				.transform((text, context) => {
					try {
						return parseNetworkList(text);
					} catch (error) {
						context.addIssue({ code: z.ZodIssueCode.custom, message: `${(error as Error).message} (a comma-separated list such as 10.0.0.0/8,::1/128)` });
						return z.NEVER;
					}
				})
				.optional(),
		),
	})
	// Node refuses a headers timeout longer than the request's, and it would make no sense.
	.refine((env) => env.HEADERS_TIMEOUT_MS <= env.REQUEST_TIMEOUT_MS, { path: ['HEADERS_TIMEOUT_MS'], message: 'must not be longer than REQUEST_TIMEOUT_MS' });

/**
 * The server's settings in `env`. Throws a ConfigError of one line naming each variable that is
 * wrong (`Configuration: PORT: must be …`), never quoting a value.
 */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
	const result = serverEnvSchema.safeParse(env);
	if (!result.success) {
		const problems = new Map<string, string>();
		for (const issue of result.error.issues) {
			const name = issue.path.join('.');
			if (!problems.has(name)) problems.set(name, `${name}: ${issue.message}`);
		}
		throw new ConfigError(`Configuration: ${[...problems.values()].join('; ')}`);
	}
	const data = result.data;
	return {
		port: data.PORT,
		host: data.HOST,
		siteUrl: data.SITE_URL,
		trustProxyHops: data.TRUST_PROXY,
		demoStorePort: data.DEMO_STORE_PORT,
		timeouts: { headersMs: data.HEADERS_TIMEOUT_MS, requestMs: data.REQUEST_TIMEOUT_MS, keepAliveMs: data.KEEP_ALIVE_TIMEOUT_MS },
		keyCheck: {
			rateLimit: data.KEY_CHECK_RATE_LIMIT,
			bodyTimeoutMs: data.KEY_CHECK_BODY_TIMEOUT_MS,
			maxPending: data.KEY_CHECK_MAX_PENDING,
			credentials: data.KEY_CHECK_AUTH,
			allow: data.KEY_CHECK_ALLOW,
		},
	};
}
