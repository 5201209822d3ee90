import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { readProcedures } from '../model/content';
import { keyCheckProceduresFile, writeKeyCheckProcedures } from '../server/key-check-procedures';

/**
 * Bundles our server (src/server/main.ts) into `dist/server/main.mjs` after each build, so that
 * `npm start` runs it on plain Node (not through tsx's loader), with the procedures' key checks
 * beside it (key-check-procedures.ts). Packages stay imports of node_modules.
 */
export function serverBundle(): AstroIntegration {
	let config: AstroConfig;
	return {
		name: 'server-bundle',
		hooks: {
			'astro:config:done': ({ config: done }) => {
				config = done;
			},
			'astro:build:done': async ({ logger }) => {
				const outfile = fileURLToPath(new URL('main.mjs', config.build.server));
				await build({
					entryPoints: [fileURLToPath(new URL('src/server/main.ts', config.root))],
					outfile,
					bundle: true,
					platform: 'node',
					format: 'esm',
					target: 'node20',
					packages: 'external',
					logLevel: 'warning',
				});
				writeKeyCheckProcedures(fileURLToPath(new URL(keyCheckProceduresFile, config.build.server)), readProcedures(fileURLToPath(config.root)));
				logger.info(`Server bundled into ${outfile}`);
			},
		},
	};
}
