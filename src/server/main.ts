import type { RequestListener } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createSiteServer } from './site-server';

// Serves the built site (`npm run build` first). PORT and HOST choose where it listens.
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
const dist = new URL('../../dist/', import.meta.url);

// Astro's standalone entry would start its own server on import; we only want its handler.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(new URL('server/entry.mjs', dist).href)) as { handler: RequestListener };

const server = createSiteServer({ clientDir: fileURLToPath(new URL('client/', dist)), astroHandler: handler, dynamicPrefixes: ['/api/'] });
server.listen(port, host, () => {
	console.log(`Site: http://${host === '127.0.0.1' ? 'localhost' : host}:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
