import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyStatusAnswer } from '../../src/store/contract';

/** How the test store answers the next requests. */
export type Behaviour =
	{ kind: 'answer'; answer: KeyStatusAnswer } | { kind: 'status'; status: number } | { kind: 'body'; body: string } | { kind: 'slow'; afterMs: number; answer: KeyStatusAnswer } | { kind: 'close' } | { kind: 'redirect'; location: string };

export interface TestStore {
	url: string;
	behave(behaviour: Behaviour): void;
	/** The headers and path of every request the store received. */
	requests: { path: string; headers: IncomingHttpHeaders }[];
	/** How many answers a slow store has sent so far. */
	slowAnswersSent: number;
	close(): Promise<void>;
}

/** A real HTTP server on loopback that answers the key status path as told: well, badly, late or not at all. */
export async function startTestStore(): Promise<TestStore> {
	let behaviour: Behaviour = { kind: 'status', status: 500 };
	const store: Omit<TestStore, 'url' | 'close'> = {
		behave: (next) => (behaviour = next),
		requests: [],
		slowAnswersSent: 0,
	};
	const server = createServer((req, res) => {
		store.requests.push({ path: req.url ?? '', headers: req.headers });
		const json = (data: unknown) => {
			res.setHeader('Content-Type', 'application/json');
			res.end(JSON.stringify(data));
		};
		switch (behaviour.kind) {
			case 'answer':
				return json(behaviour.answer);
			case 'status':
				res.statusCode = behaviour.status;
				return res.end('{"message":"Internal Error"}');
			case 'body':
				res.setHeader('Content-Type', 'application/json');
				return res.end(behaviour.body);
			case 'slow': {
				const { afterMs, answer } = behaviour;
				const timer = setTimeout(() => {
					store.slowAnswersSent++;
					json(answer);
				}, afterMs);
				res.on('close', () => clearTimeout(timer));
				return;
			}
			case 'close':
				return req.socket.destroy();
			case 'redirect':
				res.statusCode = 307;
				res.setHeader('Location', behaviour.location);
				return res.end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return Object.assign(store, {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	});
}

/** The address of a store that is down: a loopback port where nothing listens (any more). */
export async function downStoreUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}

export const answers = {
	valid: { present: true, valid: true, expires_at: null, key_hint: 'Q7xz' },
	missing: { present: false, valid: false, expires_at: null, key_hint: null },
	invalid: { present: true, valid: false, expires_at: null, key_hint: 'Q7xz' },
	expired: { present: true, valid: false, expires_at: '2024-02-29T12:00:00+00:00', key_hint: 'Q7xz' },
} satisfies Record<string, KeyStatusAnswer>;
