import { defineConfig } from '@playwright/test';
import { demoStore, e2ePort as port } from './test/e2e/helpers';

// Debian's Chromium (apt-get install chromium); Playwright's own browser download is not used.
export default defineConfig({
	testDir: 'test/e2e',
	fullyParallel: true,
	workers: 2,
	reporter: [['list']],
	forbidOnly: true,
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
		},
	},
	webServer: {
		command: 'npm run build && npm run serve',
		url: `http://127.0.0.1:${port}/en/`,
		// The site asks a demo store the tests control (never a store configured on this machine),
		// gives up on it after 1 s so `timeout` shows quickly, and allows the tests' many checks.
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			STORE_URL: '',
			DEMO_STORE_PORT: new URL(demoStore.url).port,
			DEMO_STORE_FILE: demoStore.file,
			KEY_CHECK_TIMEOUT_MS: '1000',
			KEY_CHECK_RATE_LIMIT: '1000',
		},
		timeout: 180_000,
		reuseExistingServer: false,
	},
});
