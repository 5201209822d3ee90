import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { locales } from '../model/locales';

/** Where the index and Pagefind's search script are served from (`/pagefind/pagefind.js`). */
export const searchIndexDir = 'pagefind';

// Pagefind's ready-made search interfaces: we ship our own small one (src/islands/search-dialog.ts).
const unusedFiles = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

function check<T extends { errors: string[] }>(step: string, response: T): T {
	if (response.errors.length > 0) throw new Error(`Search index: ${step} failed:\n${response.errors.join('\n')}`);
	return response;
}

interface Entry {
	version: string;
	languages: Record<string, unknown>;
	include_characters?: string[];
}

/**
 * The Pagefind search index of a built site (`dist/client`), one language at a time: each
 * language's pages are indexed by a Pagefind of their own, so its memory is a sixth of one
 * index of everything, and the entry files are merged. Only the procedure articles are
 * indexed (`data-pagefind-body`): not headers, language-choosing pages or 404s.
 */
export async function buildSearchIndex(site: string): Promise<number> {
	const output = join(site, searchIndexDir);
	rmSync(output, { recursive: true, force: true });
	let entry: Entry | undefined;
	let indexed = 0;
	for (const locale of locales) {
		try {
			const { index, errors } = await createIndex();
			if (!index) throw new Error(`Search index: Pagefind did not start:\n${errors.join('\n')}`);
			check(`reading the ${locale.code} pages`, await index.addDirectory({ path: site, glob: `${locale.path}/**/*.html` }));
			const { files } = check(`writing the ${locale.code} index`, await index.getFiles());
			for (const file of files) {
				if (unusedFiles.test(file.path)) continue;
				if (file.path === 'pagefind-entry.json') {
					const part = JSON.parse(Buffer.from(file.content).toString('utf8')) as Entry;
					entry = entry ? { ...entry, languages: { ...entry.languages, ...part.languages } } : part;
					continue;
				}
				if (file.path.startsWith('fragment/')) indexed++;
				mkdirSync(dirname(join(output, file.path)), { recursive: true });
				writeFileSync(join(output, file.path), file.content);
			}
		} finally {
			await close();
		}
	}
	if (entry) writeFileSync(join(output, 'pagefind-entry.json'), JSON.stringify(entry));
	return indexed;
}

// `npm run build` runs this after `astro build`, in a process of its own: Astro's memory is free by then.
if (import.meta.url === `file://${process.argv[1]}`) {
	const site = join(process.cwd(), 'dist/client');
	const indexed = await buildSearchIndex(site);
	console.log(`Search index: ${indexed} pages indexed into dist/client/${searchIndexDir}/`);
}
