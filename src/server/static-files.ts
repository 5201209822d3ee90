import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { sendText } from './responses';

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
};

/** Encodings we wrote beside the files at build time (src/cli/compress.ts), best first. */
const encodings = [
	{ name: 'br', suffix: '.br' },
	{ name: 'gzip', suffix: '.gz' },
] as const;

interface Representation {
	file: string;
	size: number;
	etag: string;
	encoding?: string;
}

interface Entry {
	mtimeMs: number;
	identity: Representation;
	encoded: Representation[];
}

/** How long a client may keep a file: hashed names for ever, pages only after asking again. */
function cacheControl(pathname: string): string {
	if (pathname.startsWith('/_astro/') || /^\/pagefind\/.*_[0-9a-f]{6,}\./.test(pathname)) return 'public, max-age=31536000, immutable';
	if (pathname.endsWith('/') || pathname.endsWith('.html') || pathname.endsWith('.xml') || pathname.startsWith('/pagefind/')) return 'no-cache';
	return 'public, max-age=3600';
}

/** The encodings a client accepts (Accept-Encoding), `q=0` meaning no. */
function accepted(header: string | undefined): Set<string> {
	const names = new Set<string>();
	for (const part of (header ?? '').split(',')) {
		const [name = '', ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
		if (name && (!q || Number(q.slice(2)) > 0)) names.add(name.trim());
	}
	return names;
}

/**
 * The built site's files: the encoding the client accepts (brotli, gzip, or none) with
 * `Vary: Accept-Encoding`, an ETag per representation answered with 304 when the client has
 * it, and caching by kind of file. What a file's representations are is learnt once (its
 * fingerprint, the compressed copies) and again only when the file changes.
 */
export function createStaticFiles(clientDir: string) {
	const root = normalize(clientDir).replace(/[\\/]+$/, '');
	const entries = new Map<string, Entry>();

	const entryOf = (file: string): Entry => {
		const { mtimeMs, size } = statSync(file);
		const known = entries.get(file);
		if (known && known.mtimeMs === mtimeMs) return known;
		const hash = createHash('sha1').update(readFileSync(file)).digest('base64url').slice(0, 16);
		const encoded = encodings.flatMap(({ name, suffix }) => (existsSync(file + suffix) ? [{ file: file + suffix, size: statSync(file + suffix).size, etag: `"${hash}-${name}"`, encoding: name }] : []));
		const entry = { mtimeMs, identity: { file, size, etag: `"${hash}"` }, encoded };
		entries.set(file, entry);
		return entry;
	};

	return {
		/** The built file a GET of `pathname` would serve (`/de/` → `de/index.html`), if there is one. */
		fileOf(pathname: string): string | undefined {
			const relative = normalize(pathname.endsWith('/') || !extname(pathname) ? join(pathname, 'index.html') : pathname);
			const file = join(root, relative);
			if (!file.startsWith(root + sep)) return undefined;
			return existsSync(file) && statSync(file).isFile() ? file : undefined;
		},

		/** Sends a built file (with `status`, 200 unless it stands in for a missing page). */
		send(req: IncomingMessage, res: ServerResponse, file: string, pathname: string, status = 200): void {
			const entry = entryOf(file);
			const wanted = accepted(req.headers['accept-encoding']);
			const representation = entry.encoded.find((candidate) => wanted.has(candidate.encoding!)) ?? entry.identity;
			res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
			if (entry.encoded.length > 0) res.setHeader('Vary', [res.getHeader('Vary'), 'Accept-Encoding'].filter(Boolean).join(', '));
			if (representation.encoding) res.setHeader('Content-Encoding', representation.encoding);
			if (status === 200) {
				res.setHeader('Cache-Control', cacheControl(pathname));
				res.setHeader('ETag', representation.etag);
				const ifNoneMatch = req.headers['if-none-match'];
				if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === representation.etag)) {
					res.statusCode = 304;
					res.end();
					return;
				}
			} else res.setHeader('Cache-Control', 'no-cache');
			res.statusCode = status;
			res.setHeader('Content-Length', String(representation.size));
			if (req.method === 'HEAD') {
				res.end();
				return;
			}
			createReadStream(representation.file)
				.on('error', () => {
					if (res.headersSent) res.destroy();
					else sendText(res, 500, 'The file could not be read.');
				})
				.pipe(res);
		},
	};
}

export type StaticFiles = ReturnType<typeof createStaticFiles>;
