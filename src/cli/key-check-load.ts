import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { writeDemoState } from '../store/demo-store';
import { startSiteProcess, type SiteProcess } from './site-process';

export interface LoadResult {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	total: number;
	/** Errors, timeouts, answers other than 2xx, and 200s that are not the store's "valid". */
	failed: number;
	timeouts: number;
	non2xx: number;
	/** CPU the server (with any process it started, such as its demo store) spent per request. */
	cpuMsPerRequest: number;
}

export const connections = 200;

/**
 * Unmeasured load first: a server just started meets 200 connections at once with nothing compiled
 * and no connection to its store yet, and every kind has a few requests of several seconds then.
 * What the runs compare is a server at work.
 */
export const warmUpSeconds = 3;

async function load(site: SiteProcess, seconds: number): Promise<LoadResult> {
	const { origin } = site;
	const run = (duration: number) =>
		autocannon({
			url: `${origin}/api/key-check/`,
			method: 'POST',
			headers: { Origin: origin, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
			body: JSON.stringify({ procedure: 'amazon-api-key' }),
			connections,
			duration,
			verifyBody: (body) => String(body).includes('"status":"valid"'),
		});
	await run(warmUpSeconds);
	const cpuBefore = site.cpuSeconds();
	const result = await run(seconds);
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		total: result.requests.total,
		failed: result.errors + result.non2xx + result.mismatches,
		timeouts: result.timeouts,
		non2xx: result.non2xx,
		cpuMsPerRequest: ((site.cpuSeconds() - cpuBefore) * 1000) / Math.max(1, result.requests.total),
	};
}

export interface KeyCheckComparison {
	/** Ours as `npm start` runs it: the demo store in a child process of the server. */
	demo: LoadResult[];
	/** Ours with the store in a process of its own, as a real store would be. */
	apart: LoadResult[];
	/** The smallest Node server making the same store call, against the same store. */
	minimal: LoadResult[];
}

/**
 * The key check route under load, 200 connections, in interleaved rounds (the machine's load
 * changes over a run): ours as `npm start` runs it, ours with a store started apart, and the yardstick.
 * The rate limit is raised for these runs (one machine is one client), and so is the bound on
 * waiting checks (200 connections wait together); both still run for every request.
 */
export async function compareKeyCheck(root: string, rounds = 3, seconds = 20): Promise<KeyCheckComparison> {
	const dir = mkdtempSync(join(tmpdir(), 'walkthroughs-load-'));
	const file = join(dir, 'demo-store.json');
	await writeDemoState(file, 'valid');
	const token = randomBytes(24).toString('base64url');
	const store = await startSiteProcess(root, { DEMO_STORE_FILE: file, DEMO_STORE_TOKEN: token, DEMO_STORE_PORT: '0' }, ['src/cli/demo-store.ts', 'serve']);
	const raised = { KEY_CHECK_RATE_LIMIT: '1000000000', KEY_CHECK_MAX_PENDING: String(connections) };
	const comparison: KeyCheckComparison = { demo: [], apart: [], minimal: [] };
	const run = async (kind: keyof KeyCheckComparison, env: Record<string, string>, command?: string[]) => {
		const site = await startSiteProcess(root, env, command);
		try {
			comparison[kind].push(await load(site, seconds));
		} finally {
			site.stop();
		}
	};
	try {
		const apart = { ...raised, STORE_URL: store.origin, STORE_TOKEN: token };
		for (let round = 0; round < rounds; round++) {
			await run('minimal', apart, ['src/cli/minimal-key-check.ts']);
			await run('apart', apart);
			await run('demo', { ...raised, DEMO_STORE_FILE: file });
		}
	} finally {
		store.stop();
		rmSync(dir, { recursive: true, force: true });
	}
	return comparison;
}

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
