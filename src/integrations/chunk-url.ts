import type { Plugin } from 'vite';

const suffix = '?chunk-url';

/**
 * `import url from './module?chunk-url'` gives the URL of `module` built as a chunk of its own,
 * for a later `import(url)`. A plain `import('./module')` would make Vite put its module-preload
 * helper (0.6 kB gzip) into the importing script, which loads with the page.
 */
export function chunkUrl(): Plugin {
	let serving = false;
	let base = '/';
	const references = new Set<string>();
	return {
		name: 'chunk-url',
		configResolved(config) {
			serving = config.command === 'serve';
			base = config.base;
		},
		async resolveId(source, importer) {
			if (!source.endsWith(suffix)) return null;
			const resolved = await this.resolve(source.slice(0, -suffix.length), importer, { skipSelf: true });
			return resolved && `${resolved.id}${suffix}`;
		},
		load(id) {
			if (!id.endsWith(suffix)) return null;
			const module = id.slice(0, -suffix.length);
			// The dev server serves modules by path; the build emits the chunk and puts in its URL.
			if (serving) return `export default ${JSON.stringify(`/@fs${module}`)};`;
			const reference = this.emitFile({ type: 'chunk', id: module });
			references.add(reference);
			return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
		},
		// The URL from the site's root: shorter than Rollup's new URL(…, import.meta.url).
		resolveFileUrl({ referenceId, fileName }) {
			return references.has(referenceId) ? JSON.stringify(`${base}${fileName}`) : null;
		},
	};
}
