import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { z } from 'astro/zod';
import type { DemoStore } from './demo-store';

/** What `demo-store serve` tells the process that started it (src/cli/demo-store.ts). */
export const demoStoreMessageSchema = z.union([z.object({ url: z.string().url() }), z.object({ error: z.string() })]);
export type DemoStoreMessage = z.infer<typeof demoStoreMessageSchema>;

/**
 * Runs the demo store in a process of its own (`script` is `demo-store serve`, bundled), so that
 * under load its answers do not take the site's CPU. It ends when this process does.
 */
export function startDemoStoreProcess({ script, file, port }: { script: string; file: string; port: number }): Promise<DemoStore> {
	const token = randomBytes(24).toString('base64url');
	const child = fork(script, ['serve'], {
		env: { ...process.env, DEMO_STORE_FILE: file, DEMO_STORE_PORT: String(port), DEMO_STORE_TOKEN: token },
		execArgv: [],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const close = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill();
		});
	return new Promise((resolve, reject) => {
		child.once('message', (message) => {
			const parsed = demoStoreMessageSchema.safeParse(message);
			if (!parsed.success) reject(new Error('no address'));
			else if ('url' in parsed.data) resolve({ url: parsed.data.url, token, close });
			else reject(new Error(parsed.data.error));
		});
		child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
	});
}
