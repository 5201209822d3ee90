import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Files worth compressing: text. Pagefind's index files and images are compressed already. */
export const compressible = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest)$/;

/**
 * How hard to compress a file. The shared assets (`_astro/`: the one stylesheet, the islands)
 * are few and every page loads them: the highest levels. Pages are one per procedure and
 * language: at 1,000 procedures brotli's highest level took over ten minutes (86 ms for one
 * page against 1.2 ms at level 6, for 10% more bytes), so they get the levels servers use on
 * the fly.
 */
const levelsFor = (relativePath: string) => (relativePath.startsWith('_astro/') ? { brotli: constants.BROTLI_MAX_QUALITY, gzip: 9 } : { brotli: 6, gzip: 6 });

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the built site
 * (done once per build, not per request): the server sends the one the client accepts. A copy
 * that would not be smaller is not written.
 */
export function compressSite(dir: string): { files: number; raw: number; brotli: number } {
	const totals = { files: 0, raw: 0, brotli: 0 };
	const visit = (path: string) => {
		for (const entry of readdirSync(path, { withFileTypes: true })) {
			const file = join(path, entry.name);
			if (entry.isDirectory()) visit(file);
			else if (compressible.test(entry.name)) {
				const content = readFileSync(file);
				const levels = levelsFor(relative(dir, file));
				const brotli = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: levels.brotli, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
				const gzip = gzipSync(content, { level: levels.gzip });
				if (brotli.length < content.length) writeFileSync(`${file}.br`, brotli);
				if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip);
				totals.files++;
				totals.raw += content.length;
				totals.brotli += Math.min(brotli.length, content.length);
			}
		}
	};
	visit(dir);
	return totals;
}

// `npm run build` runs this last, on dist/client.
if (import.meta.url === `file://${process.argv[1]}`) {
	const dir = join(process.cwd(), 'dist/client');
	statSync(dir);
	const { files, raw, brotli } = compressSite(dir);
	console.log(`Compressed ${files} files: ${(raw / 1024).toFixed(0)} kB → ${(brotli / 1024).toFixed(0)} kB with brotli (gzip beside it)`);
}
