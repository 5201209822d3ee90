import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { localeByPath, sourceLocale, type Locale } from '../model/locales';
import { parseAcceptLanguage, pickLocale } from '../view/negotiate';
import { localePath } from '../view/urls';
import { setSecurityHeaders } from './security-headers';

export interface SiteServerOptions {
	/** The built site (`dist/client`). */
	clientDir: string;
	/** Astro's handler (`dist/server/entry.mjs`): static files and on-demand routes. */
	astroHandler: RequestListener;
	/** Path prefixes answered by on-demand routes rather than files. */
	dynamicPrefixes?: string[];
	/**
	 * Whether a reverse proxy in front sets X-Forwarded-For. Otherwise the header is dropped:
	 * Astro takes the client's address from it, and a client could name itself anew with
	 * every request to escape the key check's rate limit.
	 */
	trustProxy?: boolean;
}

/** The reader's language from Accept-Language, or undefined when the browser sent none. */
function negotiatedLocale(req: IncomingMessage): Locale | undefined {
	const header = req.headers['accept-language'];
	return header ? pickLocale(parseAcceptLanguage(header)) : undefined;
}

/** The built file a GET of `pathname` would serve, if there is one. */
function builtFile(clientDir: string, pathname: string): string | undefined {
	const relative = normalize(pathname.endsWith('/') || !extname(pathname) ? join(pathname, 'index.html') : pathname);
	const file = join(clientDir, relative);
	if (!file.startsWith(clientDir + sep)) return undefined;
	return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * Where a language-choosing page sends a reader of `locale`: `/` to `/<lang>/`, and the short
 * link `/go/<procedure>/<step>` (if that step exists) to `/<lang>/<procedure>/#<step>`.
 */
function languageTarget(clientDir: string, pathname: string, locale: Locale): string | undefined {
	if (pathname === '/') return localePath(locale);
	const shortLink = pathname.match(/^\/go\/([a-z0-9-]+)\/([a-z0-9-]+)\/?$/);
	if (shortLink && builtFile(clientDir, `/go/${shortLink[1]}/${shortLink[2]}/`)) return `${localePath(locale, shortLink[1]!)}#${shortLink[2]}`;
	return undefined;
}

function redirect(res: ServerResponse, location: string, vary: string) {
	res.statusCode = 302;
	res.setHeader('Location', location);
	res.setHeader('Cache-Control', 'private, no-cache');
	res.setHeader('Vary', vary);
	res.end();
}

/**
 * Unknown addresses get the 404 page of the language in the path, else of the reader, else all
 * languages. A short link to a step its procedure does not have gets that procedure's steps.
 */
function notFound(req: IncomingMessage, res: ServerResponse, clientDir: string, pathname: string) {
	const locale = localeByPath(pathname.split('/')[1]) ?? negotiatedLocale(req);
	const shortLink = pathname.match(/^\/go\/([a-z0-9-]+)\//);
	const steps = shortLink && builtFile(clientDir, localePath(locale ?? sourceLocale, shortLink[1]!, 'step-not-found'));
	const page = steps || ((locale && builtFile(clientDir, `${localePath(locale)}404/`)) ?? join(clientDir, '404.html'));
	res.statusCode = 404;
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.setHeader('Vary', 'Accept-Language');
	if (req.method === 'HEAD') res.end();
	else createReadStream(page).pipe(res);
}

/**
 * The site's HTTP server: security headers on every response, `/` and short links sent to the
 * reader's language, localized 404s; everything else goes to Astro's handler.
 */
export function createSiteServer({ clientDir, astroHandler, dynamicPrefixes = [], trustProxy = false }: SiteServerOptions): Server {
	const root = normalize(clientDir).replace(/[\\/]+$/, '');
	return createServer((req, res) => {
		setSecurityHeaders(res);
		if (!trustProxy) delete req.headers['x-forwarded-for'];
		let pathname: string;
		try {
			pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
		} catch {
			res.statusCode = 400;
			res.end('Bad request');
			return;
		}
		const isRead = req.method === 'GET' || req.method === 'HEAD';
		const locale = negotiatedLocale(req);
		if (isRead && locale) {
			const target = languageTarget(root, pathname, locale);
			if (target) return redirect(res, target, 'Accept-Language');
		}
		const dynamic = dynamicPrefixes.some((prefix) => pathname.startsWith(prefix));
		if (isRead && !dynamic && !builtFile(root, pathname)) return notFound(req, res, root, pathname);
		astroHandler(req, res);
	});
}
