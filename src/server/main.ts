import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readStoreConfig, type StoreConfig } from '../store/config';
import { demoStoreFile, type DemoStore } from '../store/demo-store';
import { startDemoStoreProcess } from '../store/demo-store-process';
import { isLocalOnly } from './access';
import { readServerConfig, type ServerConfig } from './config';
import { keyCheckFromEnv } from './key-check-env';
import { serveKeyCheck } from './key-check-node';
import { keyCheckProceduresFile, readKeyCheckProcedures } from './key-check-procedures';
import { createSiteServer } from './site-server';

// Serves the built site (`npm run build` first). PORT and HOST choose where it listens; the key
// check's store comes from STORE_URL and STORE_TOKEN, or is the demo store (README.md).
// Two levels up both from here and from the bundle `npm start` runs (dist/server/main.mjs).
const dist = new URL('../../dist/', import.meta.url);

/** Says what is wrong in one line, and stops: a setting error is not a crash. */
function stop(message: string): never {
	console.error(message);
	process.exit(1);
}

// Every setting is checked before anything starts, so a bad one stops the server with its name.
let config: ServerConfig;
let store: StoreConfig | undefined;
try {
	config = readServerConfig(process.env);
	store = readStoreConfig(process.env);
} catch (error) {
	stop((error as Error).message);
}

let demoStore: DemoStore | undefined;
if (!store) {
	const file = demoStoreFile(process.env);
	try {
		demoStore = await startDemoStoreProcess({ script: fileURLToPath(new URL('server/demo-store.mjs', dist)), file, port: config.demoStorePort });
	} catch (error) {
		stop(`Demo store: cannot start on port ${config.demoStorePort} (DEMO_STORE_PORT): ${error instanceof Error ? error.message : 'failed'}`);
	}
	// The key check reads its store from the environment, as it would a real one.
	process.env.STORE_URL = demoStore.url;
	process.env.STORE_TOKEN = demoStore.token;
	process.env.STORE_IS_DEMO = '1';
	console.log(`No store configured (STORE_URL): key checks ask the demo store at ${demoStore.url}/`);
	console.log(`  Switch its key on that page or with \`npm run demo-store -- valid\` (state in ${file}).`);
}
if (!isLocalOnly(config) && !config.siteUrl) {
	console.log('SITE_URL is not set: the key check answers requests for any host name (README.md, "Who may check the key").');
}

// The key check route's handler (the one src/pages/api/key-check.ts gives Astro), served
// directly: under load, Astro's handler around it took about a third of the server's CPU.
const keyCheck = keyCheckFromEnv(process.env, readKeyCheckProcedures(fileURLToPath(new URL(`server/${keyCheckProceduresFile}`, dist))));

const server = createSiteServer({
	clientDir: fileURLToPath(new URL('client/', dist)),
	routes: [{ path: '/api/key-check/', methods: ['POST'], listener: serveKeyCheck(keyCheck) }],
	trustProxyHops: config.trustProxyHops,
	timeouts: config.timeouts,
});
server.once('error', (error: NodeJS.ErrnoException) => {
	void demoStore?.close();
	stop(`Site: cannot listen on ${config.host} port ${config.port} (HOST, PORT): ${error.code ?? error.message}`);
});
server.listen(config.port, config.host, () => {
	const { port: actualPort } = server.address() as AddressInfo;
	const host = config.host === '127.0.0.1' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
	console.log(`Site: http://${host}:${actualPort}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		void demoStore?.close();
		server.close(() => process.exit(0));
	});
}
