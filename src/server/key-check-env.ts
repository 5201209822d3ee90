import { createKeyCheckAccess } from './access';
import { readServerConfig } from './config';
import { createKeyCheckHandler } from './key-check';
import type { KeyCheckProcedure } from './key-check-procedures';
import { createRateLimiter } from './rate-limit';
import { readStoreConfig } from '../store/config';

/**
 * The key check route configured from the server's environment (README.md), as both our server
 * and Astro's handler serve it: the store and its token are read at run time, never built in.
 */
export function keyCheckFromEnv(env: Record<string, string | undefined>, procedures: readonly KeyCheckProcedure[]) {
	const config = readServerConfig(env);
	return createKeyCheckHandler({
		store: readStoreConfig(env),
		limiter: createRateLimiter(config.keyCheck.rateLimit),
		access: createKeyCheckAccess({ ...config, ...config.keyCheck }),
		procedures,
		bodyTimeoutMs: config.keyCheck.bodyTimeoutMs,
		maxPending: config.keyCheck.maxPending,
		// Set by src/server/main.ts when it started the demo store: the page says so.
		demoStore: env.STORE_IS_DEMO === '1',
	});
}
