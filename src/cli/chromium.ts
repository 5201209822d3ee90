import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/** Debian's Chromium (or CHROMIUM_PATH), headless, as the bench uses it; undefined when there is none. */
export async function launchChromium(): Promise<Browser | undefined> {
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(executablePath)) return undefined;
	return chromium.launch({ executablePath, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
}
