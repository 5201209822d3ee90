import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { treeCpuSeconds } from './proc';

export interface SiteProcess {
	/** Where it listens, e.g. `http://127.0.0.1:41234`. */
	origin: string;
	/** Everything the server printed so far (stdout and stderr). */
	output(): string;
	/** CPU seconds the server and the processes it started have used so far (Linux). */
	cpuSeconds(): number;
	stop(): void;
}

/**
 * Runs the built site of project `root` as `npm start` does (`node dist/server/main.mjs`), or
 * another server script (`.ts` ones with tsx), on a free loopback port with `env` on top of this
 * process's (no store configured unless `env` says so), and waits until it listens. Rejects with
 * the server's output if it exits first.
 */
export function startSiteProcess(root: string, env: Record<string, string> = {}, command = ['dist/server/main.mjs']): Promise<SiteProcess> {
	const runner = command[0]?.endsWith('.ts') ? join(root, 'node_modules/.bin/tsx') : process.execPath;
	const child = spawn(runner, command, {
		cwd: root,
		env: { ...process.env, STORE_URL: '', STORE_TOKEN: '', PORT: '0', HOST: '127.0.0.1', ...env },
	});
	let output = '';
	return new Promise((resolve, reject) => {
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			const listening = output.match(/(?:Site|Demo store): http:\/\/(?:localhost|127\.0\.0\.1):(\d+)\//);
			if (listening) resolve({ origin: `http://127.0.0.1:${listening[1]}`, output: () => output, cpuSeconds: () => treeCpuSeconds(child.pid!), stop: () => child.kill() });
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.on('exit', (code) => reject(new Error(`The server exited with ${code}:\n${output}`)));
	});
}
