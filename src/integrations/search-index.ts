import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/** Where the index and Pagefind's search script are served from (`/pagefind/pagefind.js`). */
export const searchIndexDir = 'pagefind';

// Pagefind's ready-made search interfaces: we ship our own small one (src/islands/search-dialog.ts).
const unusedFiles = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

function check<T extends { errors: string[] }>(step: string, response: T): T {
	if (response.errors.length > 0) throw new Error(`Search index: ${step} failed:\n${response.errors.join('\n')}`);
	return response;
}

/**
 * Builds the Pagefind search index after `astro build`, so every build (npm start, npm test,
 * npm run bench) ships an index that matches its pages. Pagefind makes one index per
 * `<html lang>` and, since the procedure articles are marked `data-pagefind-body`, indexes
 * only them: not headers, language-choosing pages or 404s.
 */
export function searchIndex(): AstroIntegration {
	return {
		name: 'search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				const output = join(site, searchIndexDir);
				try {
					const { index, errors } = await createIndex();
					if (!index) throw new Error(`Search index: Pagefind did not start:\n${errors.join('\n')}`);
					check('reading the pages', await index.addDirectory({ path: site }));
					const { files } = check('writing the index', await index.getFiles());
					rmSync(output, { recursive: true, force: true });
					let indexed = 0;
					for (const file of files) {
						if (unusedFiles.test(file.path)) continue;
						if (file.path.startsWith('fragment/')) indexed++;
						mkdirSync(dirname(join(output, file.path)), { recursive: true });
						writeFileSync(join(output, file.path), file.content);
					}
					logger.info(`${indexed} pages indexed into ${searchIndexDir}/`);
				} finally {
					await close();
				}
			},
		},
	};
}
