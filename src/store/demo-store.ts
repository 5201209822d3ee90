import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { isSameOrigin } from '../server/same-origin';
import { setSecurityHeaders } from '../server/security-headers';
import { keyStatusPath, type KeyStatusAnswer } from './contract';

/**
 * The embedded demo store: a real HTTP server on loopback that implements the key status
 * contract, so the whole key check works with no Commerce instance. Its state lives in a file,
 * switched by its own page or by `npm run demo-store -- <state>`.
 */

/** The four key states, and two kinds of store trouble: `error` answers HTTP 503, `slow` answers too late. */
export const demoStates = ['missing', 'valid', 'invalid', 'expired', 'error', 'slow'] as const;
export type DemoState = (typeof demoStates)[number];

const demoStateSchema = z.object({
	state: z.enum(demoStates),
	/** The last 4 characters of the pretend key: a new key each time the state is switched. */
	keyHint: z.string().regex(/^[A-Z2-7]{4}$/),
	changedAt: z.string().datetime(),
});
export type DemoStateFile = z.infer<typeof demoStateSchema>;

/** Outside the repository, shared by `npm start` and the CLI; DEMO_STORE_FILE chooses another. */
export const defaultDemoStoreFile = join(tmpdir(), 'commerce-walkthroughs-demo-store.json');
export const demoStoreFile = (env: Record<string, string | undefined>) => env.DEMO_STORE_FILE || defaultDemoStoreFile;

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const newKeyHint = () => Array.from(randomBytes(4), (byte) => base32[byte % 32]).join('');

/** The state in `file`; a file that does not exist yet means no key is saved. Throws naming the file if it is broken. */
export async function readDemoState(file: string): Promise<DemoStateFile> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing', keyHint: 'AAAA', changedAt: new Date(0).toISOString() };
		throw error;
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new Error(`${file}: not JSON; switch the demo store once (npm run demo-store -- valid) to rewrite it`);
	}
	const result = demoStateSchema.safeParse(data);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		throw new Error(`${file}: ${issue.path.join('.') || 'file'}: ${issue.message}; switch the demo store once (npm run demo-store -- valid) to rewrite it`);
	}
	return result.data;
}

export async function writeDemoState(file: string, state: DemoState, now = new Date()): Promise<DemoStateFile> {
	const data: DemoStateFile = { state, keyHint: newKeyHint(), changedAt: now.toISOString() };
	// Write and rename, so a store reading at the same moment never sees half a file.
	const partial = `${file}.${process.pid}.tmp`;
	await writeFile(partial, `${JSON.stringify(data, null, '\t')}\n`);
	await rename(partial, file);
	return data;
}

/** What the contract's endpoint answers in each key state (`slow` is a store whose key is fine). */
function answerOf({ state, keyHint, changedAt }: DemoStateFile): KeyStatusAnswer {
	switch (state) {
		case 'missing':
			return { present: false, valid: false, expires_at: null, key_hint: null };
		case 'invalid':
			return { present: true, valid: false, expires_at: null, key_hint: keyHint };
		case 'expired':
			// It expired the moment it was switched to expired.
			return { present: true, valid: false, expires_at: changedAt, key_hint: keyHint };
		default:
			return { present: true, valid: true, expires_at: null, key_hint: keyHint };
	}
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function page(current: DemoStateFile | string): string {
	const status = typeof current === 'string' ? `<p><strong>Broken state file:</strong> ${escapeHtml(current)}</p>` : `<p>Now: <strong>${current.state}</strong>.</p>`;
	const buttons = demoStates.map((state) => `<button name="state" value="${state}">${state}</button>`).join('\n');
	return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Demo store</title></head>
<body>
<h1>Demo store: Amazon API key</h1>
${status}
<form method="post" action="/state">
<fieldset><legend>Switch the key to</legend>
${buttons}
</fieldset>
</form>
<p><code>missing</code>, <code>valid</code>, <code>invalid</code>, <code>expired</code>: what the store says about its key.
<code>error</code>: the store answers HTTP 503. <code>slow</code>: the store answers after a minute.</p>
<p>The same from a terminal: <code>npm run demo-store -- valid</code>.</p>
</body>
</html>
`;
}

export interface DemoStoreOptions {
	file: string;
	host?: string;
	/** 0 (the default) lets the system choose a free port. */
	port?: number;
	/** The bearer token the store accepts; a random one by default. */
	token?: string;
	/** How late a `slow` store answers. */
	slowMs?: number;
	log?: (line: string) => void;
}

export interface DemoStore {
	url: string;
	token: string;
	close(): Promise<void>;
}

const maxFormBytes = 1024;

function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
	return new Promise((resolve) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => {
			body += chunk;
			if (body.length > maxFormBytes) {
				resolve(undefined);
				req.destroy();
			}
		});
		req.on('end', () => resolve(new URLSearchParams(body)));
		req.on('error', () => resolve(undefined));
	});
}

function send(res: ServerResponse, status: number, type: string, body: string) {
	res.statusCode = status;
	res.setHeader('Content-Type', type);
	res.setHeader('Cache-Control', 'no-store');
	res.end(body);
}

const sendJson = (res: ServerResponse, status: number, data: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));

/** Starts the demo store on loopback (by default on a free port). */
export async function startDemoStore({ file, host = '127.0.0.1', port = 0, token = randomBytes(24).toString('base64url'), slowMs = 60_000, log = () => {} }: DemoStoreOptions): Promise<DemoStore> {
	const expected = Buffer.from(`Bearer ${token}`);
	const authorized = (header: string | undefined) => {
		const given = Buffer.from(header ?? '');
		return given.length === expected.length && timingSafeEqual(given, expected);
	};
	const pending = new Set<NodeJS.Timeout>();
	// The state file is read again only when it changed: a check costs a stat, not a parse.
	let cached: { version: string; state: Promise<DemoStateFile> } | undefined;
	const currentState = async () => {
		const version = await stat(file).then(
			({ ino, mtimeMs }) => `${ino} ${mtimeMs}`,
			(error: NodeJS.ErrnoException) => {
				if (error.code === 'ENOENT') return 'no file';
				throw error;
			},
		);
		if (cached?.version !== version) cached = { version, state: readDemoState(file) };
		return cached.state;
	};

	const server = createServer(async (req, res) => {
		setSecurityHeaders(res);
		const path = new URL(req.url ?? '/', 'http://store').pathname;
		try {
			if (path === keyStatusPath && req.method === 'GET') {
				// Magento's own wording for a request without a valid token.
				if (!authorized(req.headers.authorization)) return sendJson(res, 401, { message: "The consumer isn't authorized to access %resources." });
				const current = await currentState();
				if (current.state === 'error') return sendJson(res, 503, { message: 'The demo store is switched to "error".' });
				if (current.state === 'slow') {
					const timer = setTimeout(() => {
						pending.delete(timer);
						sendJson(res, 200, answerOf(current));
					}, slowMs);
					pending.add(timer);
					res.on('close', () => {
						clearTimeout(timer);
						pending.delete(timer);
					});
					return;
				}
				return sendJson(res, 200, answerOf(current));
			}
			if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
				const current = await readDemoState(file).catch((error: Error) => error.message);
				return send(res, 200, 'text/html; charset=utf-8', page(current));
			}
			if (path === '/state' && req.method === 'POST') {
				// Only this page may switch the state: a form on another site must not.
				if (!isSameOrigin({ origin: req.headers.origin, host: req.headers.host, secFetchSite: req.headers['sec-fetch-site'] as string | undefined })) {
					return send(res, 403, 'text/plain; charset=utf-8', 'Switch the demo store from its own page.');
				}
				const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? await readForm(req) : undefined;
				const state = demoStates.find((known) => known === form?.get('state'));
				if (!state) return send(res, 400, 'text/plain; charset=utf-8', `Send state=<${demoStates.join('|')}> as a form.`);
				await writeDemoState(file, state);
				log(`Demo store: the key is now ${state}`);
				res.statusCode = 303;
				res.setHeader('Location', '/');
				return res.end();
			}
			res.setHeader('Allow', path === '/state' ? 'POST' : 'GET');
			return send(res, path === '/' || path === '/state' || path === keyStatusPath ? 405 : 404, 'text/plain; charset=utf-8', 'Not here.');
		} catch (error) {
			log(`Demo store: ${(error as Error).message}`);
			return sendJson(res, 500, { message: (error as Error).message });
		}
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	const address = server.address() as AddressInfo;
	return {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
		token,
		close: () =>
			new Promise((resolve) => {
				for (const timer of pending) clearTimeout(timer);
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
