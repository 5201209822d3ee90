import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { createKeyCheckAccess } from '../../server/access';
import { readServerConfig } from '../../server/config';
import { createKeyCheckHandler } from '../../server/key-check';
import { createRateLimiter } from '../../server/rate-limit';
import { readStoreConfig } from '../../store/config';

// The one page of the site rendered on demand: it asks the store at the moment of the request.
export const prerender = false;

// Made at the first request from the server's environment: the store and its token are read at
// run time, so they never enter the build output. src/server/main.ts has checked it at start.
let handler: ReturnType<typeof createHandler> | undefined;
async function createHandler() {
	const procedures = (await getCollection('procedures')).map(({ id, data }) => ({ id, data }));
	const config = readServerConfig(process.env);
	return createKeyCheckHandler({
		store: readStoreConfig(process.env),
		limiter: createRateLimiter(config.keyCheck.rateLimit),
		access: createKeyCheckAccess({ ...config, ...config.keyCheck }),
		procedures,
		bodyTimeoutMs: config.keyCheck.bodyTimeoutMs,
		maxPending: config.keyCheck.maxPending,
		// Set by src/server/main.ts when it started the demo store: the page says so.
		demoStore: process.env.STORE_IS_DEMO === '1',
	});
}

/**
 * `POST /api/key-check/`; every other method is answered 405 by the same handler. Our server
 * (src/server/site-server.ts) sets X-Forwarded-For to the one address it determined, replacing
 * whatever the client sent, so `clientAddress` (Astro takes that header's first entry) is it.
 */
export const ALL: APIRoute = async ({ request, clientAddress }) => (await (handler ??= createHandler()))(request, clientAddress);
