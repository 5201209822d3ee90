import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { toResponse } from '../../server/key-check';
import { keyCheckFromEnv } from '../../server/key-check-env';

// The one page of the site rendered on demand: it asks the store at the moment of the request.
// Our own server (src/server/main.ts) answers this path itself with the same handler; this route
// is what Astro's handler serves where another host or adapter runs the site.
export const prerender = false;

// Made at the first request from the server's environment: the store and its token are read at
// run time, so they never enter the build output.
let handler: Promise<ReturnType<typeof keyCheckFromEnv>> | undefined;
const createHandler = async () =>
	keyCheckFromEnv(
		process.env,
		(await getCollection('procedures')).map(({ id, data }) => ({ id, data })),
	);

/**
 * `POST /api/key-check/`; every other method is answered 405 by the same handler. Our server
 * (src/server/site-server.ts) sets X-Forwarded-For to the one address it determined, replacing
 * whatever the client sent, so `clientAddress` (Astro takes that header's first entry) is it.
 */
export const ALL: APIRoute = async ({ request, clientAddress }) => toResponse(await (await (handler ??= createHandler()))(request, clientAddress));
