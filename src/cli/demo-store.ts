import { demoStates, demoStoreFile, readDemoState, startDemoStore, writeDemoState, type DemoState } from '../store/demo-store';
import type { DemoStoreMessage } from '../store/demo-store-process';

// `npm run demo-store -- <state>` switches the demo store's key (the store `npm start` runs when
// no STORE_URL is set); without a state it says which one is on. DEMO_STORE_FILE as for the server.
// `npm run demo-store -- serve` runs the demo store alone (DEMO_STORE_PORT, DEMO_STORE_TOKEN),
// e.g. apart from the site, as a real store would be: STORE_URL=<its address> npm start.
const file = demoStoreFile(process.env);
const wanted = process.argv[2];
const usage = `Usage: npm run demo-store -- <${demoStates.join('|')}|serve>`;

/** The store `serve` runs: on DEMO_STORE_PORT, with DEMO_STORE_TOKEN (a random one when unset). */
const serve = () => startDemoStore({ file, port: Number(process.env.DEMO_STORE_PORT ?? 0), ...(process.env.DEMO_STORE_TOKEN && { token: process.env.DEMO_STORE_TOKEN }), log: console.log });

if (wanted === 'serve' && process.send) {
	// Started by the site (src/store/demo-store-process.ts): it says where the store listens, and
	// the store ends with the site.
	const tell = (message: DemoStoreMessage, then?: () => void) => process.send?.(message, undefined, {}, then);
	try {
		const store = await serve();
		tell({ url: store.url });
		process.on('disconnect', () => void store.close().then(() => process.exit(0)));
	} catch (error) {
		// Once the message is out: exiting at once could lose it.
		tell({ error: (error as NodeJS.ErrnoException).code ?? (error as Error).message }, () => process.exit(1));
	}
} else if (wanted === 'serve') {
	const store = await serve();
	console.log(`Demo store: ${store.url}/ (state in ${file}${process.env.DEMO_STORE_TOKEN ? '' : '; its token is random: set DEMO_STORE_TOKEN to choose one'})`);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void store.close().then(() => process.exit(0)));
} else if (wanted === undefined) {
	try {
		console.log(`Demo store key: ${(await readDemoState(file)).state} (${file})\n${usage}`);
	} catch (error) {
		console.error((error as Error).message);
		process.exit(1);
	}
} else if (!demoStates.includes(wanted as DemoState)) {
	console.error(`Unknown state "${wanted}". ${usage}`);
	process.exit(1);
} else {
	await writeDemoState(file, wanted as DemoState);
	console.log(`Demo store key: ${wanted} (${file})`);
}
