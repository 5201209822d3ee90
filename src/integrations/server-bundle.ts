import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { readProcedures } from '../model/content';
import { keyCheckProceduresFile, writeKeyCheckProcedures } from '../server/key-check-procedures';

/**
 * Bundles our server (src/server/main.ts) into `dist/server/main.mjs` after each build, so that
 * `npm start` runs it on plain Node (not through tsx's loader), with the demo store's command
 * and the procedures' key checks beside it (key-check-procedures.ts). Packages stay imports of
 * node_modules.
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
				const outdir = fileURLToPath(config.build.server);
				await build({
					entryPoints: {
						main: fileURLToPath(new URL('src/server/main.ts', config.root)),
						// The demo store the server starts, in a process of its own, when no store is configured.
						'demo-store': fileURLToPath(new URL('src/cli/demo-store.ts', config.root)),
					},
					outdir,
					outExtension: { '.js': '.mjs' },
					bundle: true,
					platform: 'node',
					format: 'esm',
					target: 'node20',
					packages: 'external',
					logLevel: 'warning',
				});
				writeKeyCheckProcedures(fileURLToPath(new URL(keyCheckProceduresFile, config.build.server)), readProcedures(fileURLToPath(config.root)));
				logger.info(`Server bundled into ${outdir}main.mjs and demo-store.mjs`);
			},
		},
	};
}
