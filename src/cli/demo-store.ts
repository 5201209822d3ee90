import { demoStates, demoStoreFile, readDemoState, writeDemoState, type DemoState } from '../store/demo-store';

// `npm run demo-store -- <state>` switches the demo store's key (the store `npm start` runs when
// no STORE_URL is set); without a state it says which one is on. DEMO_STORE_FILE as for the server.
const file = demoStoreFile(process.env);
const wanted = process.argv[2];
const usage = `Usage: npm run demo-store -- <${demoStates.join('|')}>`;

if (wanted === undefined) {
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
