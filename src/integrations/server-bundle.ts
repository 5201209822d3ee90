import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { build } from 'esbuild';

/**
 * Bundles our server (src/server/main.ts) into `dist/server/main.mjs` after each build, so that
 * `npm start` runs it on plain Node: under tsx, every module Astro's handler imports while it
 * serves a request goes through tsx's loader thread. Packages stay imports of node_modules.
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
				logger.info(`Server bundled into ${outfile}`);
			},
		},
	};
}
