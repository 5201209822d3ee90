import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { extname } from 'node:path';
import { localeByPath, sourceLocale, type Locale } from '../model/locales';
import { parseAcceptLanguage, pickLocale } from '../view/negotiate';
import { localePath } from '../view/urls';
import { clientAddress } from './client-address';
import type { ServerConfig } from './config';
import { rawResponse, sendJson, sendText } from './responses';
import { setSecurityHeaders } from './security-headers';
import { createStaticFiles, type StaticFiles } from './static-files';

/** An on-demand route: its exact path, the methods it answers, and what answers them. */
export interface SiteRoute {
	path: string;
	methods: readonly string[];
	/** Called with X-Forwarded-For set to the client's address alone (client-address.ts). */
	listener: RequestListener;
}

export interface SiteServerOptions {
	/** The built site (`dist/client`). */
	clientDir: string;
	/** The on-demand routes. Every other path is a built file, read with GET or HEAD only. */
	routes?: readonly SiteRoute[];
	/**
	 * How many reverse proxies in front append the client's address to X-Forwarded-For
	 * (client-address.ts). 0: none, and the header is the client's own word, so it is ignored.
	 */
	trustProxyHops?: number;
	timeouts?: ServerConfig['timeouts'];
}

const defaultTimeouts: ServerConfig['timeouts'] = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

/**
 * A socket with no traffic for this long is closed: a client that stops reading a response
 * must not hold it for ever. Longer than anything legitimate is silent (a key check waits at
 * most KEY_CHECK_TIMEOUT_MS, up to 60 s, for the store).
 */
const idleTimeoutMs = 120_000;

const readMethods = ['GET', 'HEAD'];
const shortLinkPattern = /^\/go\/([a-z0-9-]+)\/([a-z0-9-]+)\/?$/;

/** The reader's language from Accept-Language, or undefined when the browser sent none. */
function negotiatedLocale(req: IncomingMessage): Locale | undefined {
	const header = req.headers['accept-language'];
	return header ? pickLocale(parseAcceptLanguage(header)) : undefined;
}

/**
 * Where a language-choosing page sends a reader of `locale`: `/` to `/<lang>/`, and the short
 * link `/go/<procedure>/<step>` (if that step exists) to `/<lang>/<procedure>/#<step>`.
 */
function languageTarget(files: StaticFiles, pathname: string, locale: Locale): string | undefined {
	if (pathname === '/') return localePath(locale);
	const shortLink = pathname.match(shortLinkPattern);
	if (shortLink && files.fileOf(`/go/${shortLink[1]}/${shortLink[2]}/`)) return `${localePath(locale, shortLink[1]!)}#${shortLink[2]}`;
	return undefined;
}

// Private: a cache shared by several readers must not keep one reader's language for the others.
const redirect = (res: ServerResponse, status: number, location: string) => sendText(res, status, `See ${location}`, { Location: location, 'Cache-Control': 'private, no-cache' });

/**
 * Unknown addresses get the 404 page of the language in the path, else of the reader, else all
 * languages. A short link to a step its procedure does not have gets that procedure's steps.
 */
function notFound(req: IncomingMessage, res: ServerResponse, files: StaticFiles, pathname: string): void {
	const locale = localeByPath(pathname.split('/')[1]) ?? negotiatedLocale(req);
	const shortLink = pathname.match(/^\/go\/([a-z0-9-]+)\//);
	const steps = shortLink && files.fileOf(localePath(locale ?? sourceLocale, shortLink[1]!, 'step-not-found'));
	const page = steps || (locale && files.fileOf(`${localePath(locale)}404/`)) || files.fileOf('/404.html');
	res.setHeader('Vary', 'Accept-Language');
	if (!page) return sendText(res, 404, 'Not found.');
	files.send(req, res, page, pathname, 404);
}

/** Paths of one site, always written with a single leading slash (never `//host`, another site). */
const sitePath = (path: string) => `/${path.replace(/^\/+/, '')}`;

/**
 * What the server says on a socket that has no response object: a request Node's parser
 * refused (400, or 431 for headers too large), one whose headers or body did not arrive in time
 * (408), or CONNECT (405). With our headers and a Content-Type, then the connection is closed.
 */
function answerOnSocket(socket: Duplex, status: number, text: string, headers: Record<string, string> = {}): void {
	// A response already under way on this socket must not be corrupted by another one.
	const inFlight = (socket as { _httpMessage?: ServerResponse })._httpMessage;
	if (!socket.writable || inFlight?.headersSent) {
		socket.destroy();
		return;
	}
	socket.end(rawResponse(status, text, headers), () => socket.destroy());
	// A peer that does not read would keep even that open.
	setTimeout(() => socket.destroy(), 1_000).unref();
}

function clientErrorStatus(code: string | undefined): [number, string] {
	if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'Request timeout: the request did not arrive in time.'];
	if (code === 'HPE_HEADER_OVERFLOW') return [431, 'Request headers too large.'];
	if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return [413, 'Request too large.'];
	return [400, 'Bad request.'];
}

/**
 * The site's HTTP server: security headers on every response, `/` and short links sent to the
 * reader's language, localized 404s, a deliberate answer to every method on every path; built
 * files (compressed, cached: static-files.ts) and the on-demand routes (`routes`).
 * Timeouts bound how long a slow client holds a connection.
 */
export function createSiteServer({ clientDir, routes = [], trustProxyHops = 0, timeouts = defaultTimeouts }: SiteServerOptions): Server {
	const files = createStaticFiles(clientDir);
	const server = createServer(
		{
			headersTimeout: timeouts.headersMs,
			requestTimeout: timeouts.requestMs,
			keepAliveTimeout: timeouts.keepAliveMs,
			// Node checks the two timeouts above this often (30 s by default): make them hold.
			connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
			// Checked below instead: Node's own refusal has no Content-Type and none of our headers.
			requireHostHeader: false,
		},
		(req, res): void => {
			setSecurityHeaders(res);
			const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxyHops);
			// No peer address: the socket is already gone, there is nobody to answer.
			if (!address) {
				res.destroy();
				return;
			}
			// The routes take the client's address from this header: ours alone, whatever the client sent.
			req.headers['x-forwarded-for'] = address;

			if (req.httpVersion === '1.1' && !req.headers.host) return sendText(res, 400, 'Bad request: HTTP/1.1 requires a Host header.', { Connection: 'close' });
			// A path, always: `//host/x` is the path `//host/x` here (as for Astro), not another host's `/x`.
			const requestTarget = req.url ?? '';
			if (!requestTarget.startsWith('/')) return sendText(res, 400, 'Bad request: ask for a path, such as /en/.', { Connection: 'close' });
			let url: URL;
			let pathname: string;
			try {
				url = new URL(`http://localhost${requestTarget}`);
				pathname = decodeURIComponent(url.pathname);
			} catch {
				return sendText(res, 400, 'Bad request: the path is not valid percent-encoded UTF-8.');
			}
			const method = req.method ?? 'GET';

			const route = routes.find((candidate) => candidate.path === pathname || candidate.path === `${pathname}/`);
			if (route) {
				// 308 keeps the method, so a POST stays a POST.
				if (route.path !== pathname) return redirect(res, 308, `${sitePath(url.pathname)}/${url.search}`);
				// Connection: close, so that a body sent along is not read only to be thrown away.
				if (!route.methods.includes(method)) return sendJson(res, 405, { error: 'method-not-allowed', message: `Use ${route.methods.join(' or ')}.` }, { Allow: route.methods.join(', '), Connection: 'close' });
				return route.listener(req, res);
			}
			if (!readMethods.includes(method)) return sendText(res, 405, `${method} is not allowed here: use GET or HEAD.`, { Allow: readMethods.join(', '), Connection: 'close' });

			// What `/` and a short link answer depends on Accept-Language, even when it is missing.
			if (pathname === '/' || shortLinkPattern.test(pathname)) res.setHeader('Vary', 'Accept-Language');
			const locale = negotiatedLocale(req);
			if (locale) {
				const target = languageTarget(files, pathname, locale);
				if (target) return redirect(res, 302, target);
			}
			// Every page URL ends in a slash: `/en` → `/en/` (what Astro would do, with a Content-Type).
			if (!pathname.endsWith('/') && !extname(pathname) && files.fileOf(`${pathname}/`)) return redirect(res, 301, `${sitePath(url.pathname)}/${url.search}`);
			const file = files.fileOf(pathname);
			if (!file) return notFound(req, res, files, pathname);
			files.send(req, res, file, pathname);
		},
	);
	server.setTimeout(idleTimeoutMs);
	server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex): void => {
		if (error.code === 'ECONNRESET') socket.destroy();
		else answerOnSocket(socket, ...clientErrorStatus(error.code));
	});
	// Without a listener Node closes a CONNECT without a word.
	server.on('connect', (_req: IncomingMessage, socket: Duplex) => answerOnSocket(socket, 405, 'CONNECT is not allowed here: this is not a proxy.', { Allow: readMethods.join(', ') }));
	return server;
}
