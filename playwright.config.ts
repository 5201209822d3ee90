import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4399);

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
		env: { PORT: String(port), HOST: '127.0.0.1' },
		timeout: 180_000,
		reuseExistingServer: false,
	},
});
