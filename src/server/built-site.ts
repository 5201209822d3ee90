import type { RequestListener, Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createSiteServer } from './site-server';

/** Our server over the built site in `dist/` (`npm run build` first), not yet listening. */
export async function createBuiltSiteServer(): Promise<Server> {
	const dist = new URL('../../dist/', import.meta.url);
	// Astro's standalone entry would start its own server on import; we only want its handler.
	process.env.ASTRO_NODE_AUTOSTART = 'disabled';
	const { handler } = (await import(new URL('server/entry.mjs', dist).href)) as { handler: RequestListener };
	return createSiteServer({ clientDir: fileURLToPath(new URL('client/', dist)), astroHandler: handler, dynamicPrefixes: ['/api/'] });
}
