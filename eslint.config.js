// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Not type-aware: recommendedTypeChecked took 89 s here against 19 s, and most of what it adds is
// no-unsafe-* on .astro files, whose props it does not see typed. `astro check` types everything.
export default defineConfig(
	globalIgnores(['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/']),
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	// `const { omitted: _, ...rest } = value` is how the code leaves out a property.
	{ rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] } },
	// Node: the server, the command-line tools, the tests and the config files.
	{ files: ['**/*.{js,mjs,ts}'], languageOptions: { globals: globals.node } },
	// The browser: islands, scripts in components, and the classic script in public/.
	{ files: ['src/islands/**', '**/*.astro', 'public/**'], languageOptions: { globals: globals.browser } },
);
