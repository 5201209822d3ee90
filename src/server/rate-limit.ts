import { z } from 'astro/zod';

/** Whether a client may go ahead, and if not, in how many seconds it may try again. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
	take(client: string): RateDecision;
}

interface Bucket {
	tokens: number;
	at: number;
}

/** Past this many clients, full (idle) buckets are dropped, at most once a minute, so memory stays bounded. */
const pruneAbove = 10_000;

/**
 * A token bucket per client: `perMinute` requests at once, refilled evenly over a minute. A
 * reader's clicks and the watch mode's backoff stay far below it; a script hammering the route
 * (and through it the store) does not.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
	const buckets = new Map<string, Bucket>();
	let prunedAt = 0;
	const msPerToken = 60_000 / perMinute;
	const refill = (bucket: Bucket, time: number) => Math.min(perMinute, bucket.tokens + (time - bucket.at) / msPerToken);

	return {
		take(client) {
			const time = now();
			if (buckets.size > pruneAbove && time - prunedAt >= 60_000) {
				prunedAt = time;
				for (const [key, bucket] of buckets) if (refill(bucket, time) >= perMinute) buckets.delete(key);
			}
			const bucket = buckets.get(client) ?? { tokens: perMinute, at: time };
			bucket.tokens = refill(bucket, time);
			bucket.at = time;
			buckets.set(client, bucket);
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return { allowed: true };
			}
			return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - bucket.tokens) * msPerToken) / 1000)) };
		},
	};
}

const rateLimitEnvSchema = z.object({
	KEY_CHECK_RATE_LIMIT: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(1_000_000_000).default(20)),
});

/** Key checks per client per minute: KEY_CHECK_RATE_LIMIT, 20 unless set. */
export function readRateLimit(env: Record<string, string | undefined>): number {
	const result = rateLimitEnvSchema.safeParse(env);
	if (!result.success) throw new Error(`KEY_CHECK_RATE_LIMIT: ${result.error.issues[0]!.message} (checks per client per minute)`);
	return result.data.KEY_CHECK_RATE_LIMIT;
}
