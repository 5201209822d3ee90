import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readStoreConfig } from '../store/config';
import { demoStoreFile, startDemoStore, type DemoStore } from '../store/demo-store';
import { readRateLimit } from './rate-limit';
import { createSiteServer } from './site-server';

// Serves the built site (`npm run build` first). PORT and HOST choose where it listens; the key
// check's store comes from STORE_URL and STORE_TOKEN, or is the demo store (README.md).
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
const dist = new URL('../../dist/', import.meta.url);

// A bad setting stops the server now, with its name, rather than at the first key check.
let demoStore: DemoStore | undefined;
try {
	readRateLimit(process.env);
	if (!readStoreConfig(process.env)) {
		const file = demoStoreFile(process.env);
		demoStore = await startDemoStore({ file, port: Number(process.env.DEMO_STORE_PORT ?? 0), log: console.log });
		// The key check route reads its store from the environment, as it would a real one.
		process.env.STORE_URL = demoStore.url;
		process.env.STORE_TOKEN = demoStore.token;
		process.env.STORE_IS_DEMO = '1';
		console.log(`No store configured (STORE_URL): key checks ask the demo store at ${demoStore.url}/`);
		console.log(`  Switch its key on that page or with \`npm run demo-store -- valid\` (state in ${file}).`);
	}
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}

// Astro's standalone entry would start its own server on import; we only want its handler.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(new URL('server/entry.mjs', dist).href)) as { handler: RequestListener };

const server = createSiteServer({
	clientDir: fileURLToPath(new URL('client/', dist)),
	astroHandler: handler,
	dynamicPrefixes: ['/api/'],
	trustProxy: process.env.TRUST_PROXY === '1',
});
server.listen(port, host, () => {
	const { port: actualPort } = server.address() as AddressInfo;
	console.log(`Site: http://${host === '127.0.0.1' ? 'localhost' : host}:${actualPort}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		void demoStore?.close();
		server.close(() => process.exit(0));
	});
}
