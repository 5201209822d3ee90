import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { createKeyCheckHandler } from '../../server/key-check';
import { createRateLimiter, readRateLimit } from '../../server/rate-limit';
import { readStoreConfig } from '../../store/config';

// The one page of the site rendered on demand: it asks the store at the moment of the request.
export const prerender = false;

// Made at the first request from the server's environment: the store and its token are read at
// run time, so they never enter the build output.
let handler: ReturnType<typeof createHandler> | undefined;
async function createHandler() {
	const procedures = (await getCollection('procedures')).map(({ id, data }) => ({ id, data }));
	// STORE_IS_DEMO is set by src/server/main.ts when it started the demo store: the page says so.
	return createKeyCheckHandler({ store: readStoreConfig(process.env), limiter: createRateLimiter(readRateLimit(process.env)), procedures, demoStore: process.env.STORE_IS_DEMO === '1' });
}

/** `POST /api/key-check/`; every other method is answered 405 by the same handler. */
export const ALL: APIRoute = async ({ request, clientAddress }) => (await (handler ??= createHandler()))(request, clientAddress);
