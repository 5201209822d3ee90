/** Whether a client may go ahead, and if not, in how many seconds it may try again. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * What the key check asks of a rate limiter: may `client` go ahead now (and that counts)? The
 * one below is one instance's memory; several instances share one by implementing this (README.md,
 * "Beyond one machine").
 */
export interface RateLimiter {
	take(client: string): RateDecision | Promise<RateDecision>;
}

export interface MemoryRateLimiter extends RateLimiter {
	take(client: string): RateDecision;
	/** How many clients it remembers now. */
	readonly size: number;
}

interface Bucket {
	tokens: number;
	at: number;
}

export interface RateLimiterOptions {
	now?: () => number;
	/** The most clients remembered at once (default 10,000). */
	maxClients?: number;
}

/**
 * A token bucket per client: `perMinute` requests at once, refilled evenly over a minute. A
 * reader's clicks and the watch mode's backoff stay far below it; a script hammering the route
 * (and through it the store) does not.
 *
 * Memory is bounded: at `maxClients` buckets, a new client evicts the one heard from least
 * recently. Refusing new clients instead would let anyone with enough addresses lock everybody
 * else out of the key check; evicting costs only that someone with more than `maxClients`
 * addresses in play gets a fresh bucket now and then, which so many addresses get them anyway.
 */
export function createRateLimiter(perMinute: number, { now = Date.now, maxClients = 10_000 }: RateLimiterOptions = {}): MemoryRateLimiter {
	// A Map iterates in insertion order: re-inserting on each use keeps the least recent first.
	const buckets = new Map<string, Bucket>();
	const msPerToken = 60_000 / perMinute;
	const refill = (bucket: Bucket, time: number) => Math.min(perMinute, bucket.tokens + (time - bucket.at) / msPerToken);

	return {
		get size() {
			return buckets.size;
		},
		take(client) {
			const time = now();
			const known = buckets.get(client);
			if (known) buckets.delete(client);
			else if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value!);
			const bucket = known ?? { tokens: perMinute, at: time };
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
