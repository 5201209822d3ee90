import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkStore } from '../store/client';
import { readStoreConfig } from '../store/config';

// The yardstick of `npm run bench`: the smallest Node server that makes the same store call as
// our key check route (no checks, no rate limit, no Astro), to compare throughput and latency.
const store = readStoreConfig(process.env);
if (!store) throw new Error('minimal-key-check: set STORE_URL and STORE_TOKEN');
const server = createServer((req, res) => {
	if (req.method !== 'POST' || req.url !== '/api/key-check/') {
		res.writeHead(404).end();
		return;
	}
	req.resume();
	req.on('end', async () => {
		const found = await checkStore(store, () => new Date());
		res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(found));
	});
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`Site: http://localhost:${(server.address() as AddressInfo).port}/`));
