import { createBuiltSiteServer } from './built-site';

// Serves the built site (`npm run build` first). PORT and HOST choose where it listens.
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

const server = await createBuiltSiteServer();
server.listen(port, host, () => {
	console.log(`Site: http://${host === '127.0.0.1' ? 'localhost' : host}:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
