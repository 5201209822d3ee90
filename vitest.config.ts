/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so tests can render components with the Container API.
export default getViteConfig({
	test: {
		include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
		testTimeout: 20_000,
	},
});
