import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressSite } from '../../src/cli/compress';
import { startSiteProcess, type SiteProcess } from '../../src/cli/site-process';
import { exchange, expectTypeAndSecurityHeaders, send } from '../helpers/http';
import { build, copyOfProject } from '../helpers/project';

// The built site behind our server (`npm start`), asked as browsers, crawlers and attackers
// would: every method on every kind of path, broken requests, and clients that are slow on
// purpose (against a second server with short timeouts).
const root = copyOfProject();
const sites: SiteProcess[] = [];
let site: SiteProcess;
let asset: string;

beforeAll(async () => {
	const result = build(root);
	if (result.status !== 0) throw new Error(result.stdout + result.stderr);
	// What `npm run build` does after `astro build` for the server (the search index is not needed here).
	compressSite(join(root, 'dist/client'));
	site = await startSiteProcess(root);
	sites.push(site);
	asset = `/_astro/${readdirSync(join(root, 'dist/client/_astro')).find((name) => name.endsWith('.css'))}`;
}, 120_000);
afterAll(() => {
	for (const running of sites) running.stop();
	rmSync(root, { recursive: true, force: true });
});

const paths = () => ({ page: '/en/amazon-api-key/', home: '/', file: asset, missing: '/no-such-page/', shortLink: '/go/amazon-api-key/verify/', sitemap: '/sitemap.xml' });

describe('every method on every path gets a deliberate answer', () => {
	it('pages, files and unknown paths: GET and HEAD only, 405 with Allow: GET, HEAD otherwise', async () => {
		for (const [kind, path] of Object.entries(paths())) {
			for (const method of ['GET', 'HEAD']) {
				const answer = await send(site.origin, path, { method });
				expect([200, 404], `${method} ${kind}`).toContain(answer.status);
				expectTypeAndSecurityHeaders(answer.headers, `${method} ${kind}`);
			}
			for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
				const answer = await send(site.origin, path, { method, ...(method !== 'TRACE' && { body: '{"x":1}', headers: { 'Content-Type': 'application/json' } }) });
				expect(answer.status, `${method} ${kind}`).toBe(405);
				expect(answer.headers.allow, `${method} ${kind}`).toBe('GET, HEAD');
				expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
				expect(answer.text).not.toContain('<html');
				expectTypeAndSecurityHeaders(answer.headers, `${method} ${kind}`);
			}
		}
	});

	it('the key check route: POST only, 405 with Allow: POST and a JSON refusal otherwise', async () => {
		for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
			const answer = await send(site.origin, '/api/key-check/', { method });
			expect(answer.status, method).toBe(405);
			expect(answer.headers.allow, method).toBe('POST');
			expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
			expect(answer.headers['cache-control']).toBe('no-store');
			if (method !== 'HEAD') expect(JSON.parse(answer.text)).toEqual({ error: 'method-not-allowed', message: 'Use POST.' });
			expectTypeAndSecurityHeaders(answer.headers, method);
		}
		// Without its slash: a redirect that keeps the method.
		const unslashed = await send(site.origin, '/api/key-check', { method: 'POST', body: '{}' });
		expect(unslashed.status).toBe(308);
		expect(unslashed.headers.location).toBe('/api/key-check/');
		expectTypeAndSecurityHeaders(unslashed.headers, 'POST /api/key-check');
	});

	it('CONNECT, a method Node does not know, headers too large, no Host: an answer with a Content-Type, then the connection closes', async () => {
		const cases = [
			['CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 405],
			['BREW / HTTP/1.1\r\nHost: x\r\n\r\n', 400],
			[`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
			['GET /en/ HTTP/1.1\r\n\r\n', 400],
			['GET http://elsewhere.example/ HTTP/1.1\r\nHost: x\r\n\r\n', 400],
			['OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n', 400],
		] as const;
		for (const [request, status] of cases) {
			const seen = await exchange(site.origin, [request], { waitMs: 5_000 });
			const what = request.slice(0, 30);
			expect(seen.status, what).toBe(status);
			expect(seen.closed, what).toBe(true);
			expectTypeAndSecurityHeaders(seen.headers, what);
		}
	});

	it('a path that is not valid percent-encoded UTF-8: 400 as text', async () => {
		for (const path of ['/%ff/', '/en/%E0%A4%A/', '/%']) {
			const answer = await send(site.origin, path);
			expect(answer.status, path).toBe(400);
			expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
			expectTypeAndSecurityHeaders(answer.headers, path);
		}
	});

	it('odd paths: never a 500, never a file outside the site, never a redirect to another host', async () => {
		for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/en/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/%00/', '//evil.example/', '/.//evil.example', '/\\evil.example/', '/en', '/en?x=1', '/_astro/', '/api/', '/api/other/']) {
			for (const method of ['GET', 'HEAD', 'POST', 'TRACE']) {
				const answer = await send(site.origin, path, { method });
				const what = `${method} ${path}`;
				expect(answer.status, what).toBeLessThan(500);
				expect(answer.text, what).not.toContain('"name": "commerce-walkthroughs"');
				if (answer.headers.location) expect(answer.headers.location, what).toMatch(/^\/(?![/\\])/);
				expectTypeAndSecurityHeaders(answer.headers, what);
			}
		}
		expect((await send(site.origin, '/en?x=1')).headers.location).toBe('/en/?x=1');
	});

	it('/ and short links say they vary by Accept-Language, with it or without it', async () => {
		for (const path of ['/', '/go/amazon-api-key/verify/']) {
			const without = await send(site.origin, path);
			expect(without.status, path).toBe(200);
			expect(without.headers.vary, path).toBe('Accept-Language, Accept-Encoding');
			const withIt = await send(site.origin, path, { headers: { 'Accept-Language': 'de-CH, de;q=0.9' } });
			expect(withIt.status, path).toBe(302);
			expect(withIt.headers.vary, path).toBe('Accept-Language');
			expect(withIt.headers.location, path).toMatch(/^\/de\//);
			expectTypeAndSecurityHeaders(withIt.headers, path);
		}
	});

	it('odd paths asked for compressed: still never a file outside the site', async () => {
		for (const path of ['/%2e%2e/%2e%2e/package.json', '/en/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/../package.json']) {
			const answer = await send(site.origin, path, { headers: { 'Accept-Encoding': 'br, gzip' } });
			expect(answer.status, path).toBe(404);
			const text = answer.headers['content-encoding'] === 'br' ? brotliDecompressSync(answer.body).toString('utf8') : answer.text;
			expect(text, path).not.toContain('"name": "commerce-walkthroughs"');
			expect(text, path).toContain('<html');
		}
	});

	it('logged no stack trace for any of it', () => {
		expect(site.output()).not.toMatch(/^\s+at /m);
		expect(site.output()).not.toMatch(/Error/);
	});
});

describe('built files: compressed as the client accepts, cached by kind', () => {
	const page = '/en/amazon-api-key/';
	const file = (path: string) => readFileSync(join(root, 'dist/client', path.endsWith('/') ? `${path}index.html` : path));

	it('brotli when the client accepts it, gzip when only that, the file as it is otherwise; always with Vary and the length sent', async () => {
		const cases = [
			['br, gzip, deflate', 'br', brotliDecompressSync],
			['gzip, deflate', 'gzip', gunzipSync],
			['br;q=0, gzip', 'gzip', gunzipSync],
			['', undefined, (body: Buffer) => body],
			['br;q=0', undefined, (body: Buffer) => body],
			['identity', undefined, (body: Buffer) => body],
		] as const;
		for (const path of [page, asset]) {
			for (const [accept, encoding, decode] of cases) {
				const answer = await send(site.origin, path, { headers: accept ? { 'Accept-Encoding': accept } : {} });
				const what = `${path} with "${accept}"`;
				expect(answer.status, what).toBe(200);
				expect(answer.headers['content-encoding'], what).toBe(encoding);
				expect(answer.headers.vary, what).toBe('Accept-Encoding');
				expect(Number(answer.headers['content-length']), what).toBe(answer.body.length);
				expect(decode(answer.body).equals(file(path)), what).toBe(true);
				if (encoding) expect(answer.body.length, what).toBeLessThan(file(path).length);
				expectTypeAndSecurityHeaders(answer.headers, what);
			}
		}
	});

	it('an ETag per representation; If-None-Match with it gets 304 and no body', async () => {
		const br = await send(site.origin, page, { headers: { 'Accept-Encoding': 'br' } });
		const plain = await send(site.origin, page);
		expect(br.headers.etag).toMatch(/^"[^"]+"$/);
		expect(plain.headers.etag).toMatch(/^"[^"]+"$/);
		expect(br.headers.etag).not.toBe(plain.headers.etag);
		const again = await send(site.origin, page, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag! } });
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
		expect(again.headers.etag).toBe(br.headers.etag);
		// The client holds the brotli copy, not the plain one: that is sent in full.
		const other = await send(site.origin, page, { headers: { 'If-None-Match': br.headers.etag! } });
		expect(other.status).toBe(200);
		expect(other.body.equals(file(page))).toBe(true);
	});

	it('HEAD: the headers GET would send, no body', async () => {
		const get = await send(site.origin, page, { headers: { 'Accept-Encoding': 'br' } });
		const head = await send(site.origin, page, { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
		expect(head.status).toBe(200);
		expect(head.body.length).toBe(0);
		for (const name of ['content-type', 'content-encoding', 'content-length', 'etag', 'vary', 'cache-control']) expect(head.headers[name], name).toBe(get.headers[name]);
	});

	it('hashed files under /_astro/ are kept for a year; pages are asked for again each time', async () => {
		expect((await send(site.origin, asset)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
		for (const path of [page, '/', '/en/', '/sitemap.xml']) expect((await send(site.origin, path)).headers['cache-control'], path).toBe('no-cache');
	});

	it('a localized 404 is compressed too, and varies by language and encoding', async () => {
		const answer = await send(site.origin, '/de/no-such-page/', { headers: { 'Accept-Encoding': 'br', 'Accept-Language': 'fr' } });
		expect(answer.status).toBe(404);
		expect(answer.headers['content-encoding']).toBe('br');
		expect(answer.headers.vary).toBe('Accept-Language, Accept-Encoding');
		expect(answer.headers['cache-control']).toBe('no-cache');
		expect(answer.headers.etag).toBeUndefined();
		expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
		expect(brotliDecompressSync(answer.body).equals(file('/de/404/'))).toBe(true);
		const byReader = await send(site.origin, '/no-such-page/', { headers: { 'Accept-Encoding': 'gzip', 'Accept-Language': 'fr' } });
		expect(byReader.status).toBe(404);
		expect(gunzipSync(byReader.body).equals(file('/fr/404/'))).toBe(true);
		const head = await send(site.origin, '/de/no-such-page/', { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
		expect(head.status).toBe(404);
		expect(head.headers['content-length']).toBe(answer.headers['content-length']);
	});
});

describe('slow clients are cut off (short timeouts set for the test)', () => {
	let quick: SiteProcess;
	// A generous bound: the timeouts are well under a second.
	const soon = 5_000;
	beforeAll(async () => {
		quick = await startSiteProcess(root, { HEADERS_TIMEOUT_MS: '500', REQUEST_TIMEOUT_MS: '2000', KEEP_ALIVE_TIMEOUT_MS: '300', KEY_CHECK_BODY_TIMEOUT_MS: '400' });
		sites.push(quick);
	}, 30_000);
	const keyCheckHead = (length: number) => `POST /api/key-check/ HTTP/1.1\r\nHost: ${new URL(quick.origin).host}\r\nOrigin: ${quick.origin}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

	it('headers that never end: 408, and the connection closes', async () => {
		const seen = await exchange(quick.origin, ['GET /en/ HTTP/1.1\r\nHost: x\r\nX-Slow: '], { waitMs: soon });
		expect(seen.closed).toBe(true);
		expect(seen.status).toBe(408);
		expectTypeAndSecurityHeaders(seen.headers, '408');
	});

	it('a connection that never says anything is closed', async () => {
		const seen = await exchange(quick.origin, [''], { waitMs: soon });
		expect(seen.closed).toBe(true);
	});

	it('headers sent a byte at a time, too slowly, are cut off too', async () => {
		const seen = await exchange(quick.origin, [...'GET /en/ HTTP/1.1\r\nHost: x\r\nX-Slow: 0123456789\r\n\r\n'], { waitMs: soon, pauseMs: 100 });
		expect(seen.closed).toBe(true);
		expect(seen.status).toBe(408);
	});

	it('a key check that declares Content-Length: 30 and sends 10 bytes: 408 as JSON, and the connection closes', async () => {
		const seen = await exchange(quick.origin, [keyCheckHead(30), '{"procedur'], { waitMs: soon });
		expect(seen.closed).toBe(true);
		expect(seen.status).toBe(408);
		expect(seen.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(seen.received).toContain('"error":"too-slow"');
		expectTypeAndSecurityHeaders(seen.headers, 'key check body');
	});

	it('a key check body trickling in a byte at a time is cut off as well', async () => {
		const body = '{"procedure":"amazon-api-key"}';
		const seen = await exchange(quick.origin, [keyCheckHead(body.length), ...body], { waitMs: soon, pauseMs: 100 });
		expect(seen.closed).toBe(true);
		expect(seen.status).toBe(408);
	});

	it('a page POSTed with a body that never comes: 405 at once, and the connection closes', async () => {
		const seen = await exchange(quick.origin, ['POST /en/ HTTP/1.1\r\nHost: x\r\nContent-Length: 30\r\n\r\n', '0123456789'], { waitMs: soon });
		expect(seen.closed).toBe(true);
		expect(seen.status).toBe(405);
	});

	it('an idle kept-alive connection is closed after the keep-alive timeout', async () => {
		const seen = await exchange(quick.origin, ['GET /en/ HTTP/1.1\r\nHost: x\r\n\r\n'], { waitMs: soon });
		expect(seen.status).toBe(200);
		expect(seen.headers.connection).toBe('keep-alive');
		expect(seen.closed).toBe(true);
	});

	it('a complete key check on the same server still works, and nothing above logged a stack trace', async () => {
		const answer = await send(quick.origin, '/api/key-check/', { method: 'POST', headers: { Origin: quick.origin, 'Content-Type': 'application/json' }, body: '{"procedure":"amazon-api-key"}' });
		expect(answer.status).toBe(200);
		expect(quick.output()).not.toMatch(/^\s+at /m);
		expect(quick.output()).not.toMatch(/Error|rejection/);
	});
});

describe('a server that cannot listen', () => {
	let blocker: Server;
	beforeAll(async () => {
		blocker = createServer();
		await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
	});
	afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

	it('says so in one line, naming HOST and PORT, and exits', async () => {
		const port = (blocker.address() as { port: number }).port;
		const failure = await startSiteProcess(root, { PORT: String(port), STORE_URL: 'http://127.0.0.1:9', STORE_TOKEN: 'x' }).then(
			() => undefined,
			(error: Error) => error.message,
		);
		expect(failure).toBe(`The server exited with 1:\nSite: cannot listen on 127.0.0.1 port ${port} (HOST, PORT): EADDRINUSE\n`);
	}, 30_000);
});
