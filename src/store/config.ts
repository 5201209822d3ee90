import { z } from 'astro/zod';

/** Where the store is and how to reach it: from the server's environment only, never the browser. */
export interface StoreConfig {
	/** Base URL of the store, e.g. `https://shop.example.com`. */
	url: string;
	/** Bearer token of an Admin integration allowed to read the key status. */
	token: string;
	/** How long a check may wait for the store. */
	timeoutMs: number;
}

const unset = (value: unknown) => (value === '' ? undefined : value);

// Messages never quote a value: STORE_TOKEN is a secret, and a log of a typo in it would leak it.
const storeEnvSchema = z.object({
	STORE_URL: z.preprocess(
		unset,
		z
			.string()
			.url('must be an http(s) URL such as https://shop.example.com')
			.refine((value) => !URL.canParse(value) || /^https?:$/.test(new URL(value).protocol), 'must be an http(s) URL')
			.refine((value) => !URL.canParse(value) || !(new URL(value).username || new URL(value).password), 'must not contain a user or password: use STORE_TOKEN')
			.optional(),
	),
	// Printable ASCII only, so the token can never break the Authorization header (and an error about it).
	STORE_TOKEN: z.preprocess(
		unset,
		z
			.string()
			.regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
			.optional(),
	),
	KEY_CHECK_TIMEOUT_MS: z.preprocess(unset, z.coerce.number().int().min(100).max(60_000).default(5_000)),
});

export class StoreConfigError extends Error {}

/**
 * The store configuration in `env`, or undefined when no store is configured (STORE_URL unset).
 * Throws a StoreConfigError naming the variable when a value is unusable.
 */
export function readStoreConfig(env: Record<string, string | undefined>): StoreConfig | undefined {
	const result = storeEnvSchema.safeParse(env);
	if (!result.success) {
		const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		throw new StoreConfigError(`Store configuration: ${problems.join('; ')}`);
	}
	const { STORE_URL: url, STORE_TOKEN: token, KEY_CHECK_TIMEOUT_MS: timeoutMs } = result.data;
	if (!url) return undefined;
	if (!token) throw new StoreConfigError('Store configuration: STORE_TOKEN: required when STORE_URL is set');
	return { url: url.replace(/\/+$/, ''), token, timeoutMs };
}
