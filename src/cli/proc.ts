import { readdirSync, readFileSync } from 'node:fs';

/** `pid` and every process it started, from /proc (Linux); ended ones are left out. */
export function processTree(pid: number): number[] {
	const found: number[] = [];
	const visit = (id: number) => {
		try {
			const children = readdirSync(`/proc/${id}/task`).flatMap((task) => readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
			found.push(id);
			for (const child of children) visit(Number(child));
		} catch {
			// The process ended while we looked.
		}
	};
	visit(pid);
	return found;
}

// Linux counts CPU time in clock ticks of 1/100 s (USER_HZ) on every platform we run on.
const ticksPerSecond = 100;

/** User and system CPU seconds used so far by `pid` and the processes it started (still running). */
export function treeCpuSeconds(pid: number): number {
	let ticks = 0;
	for (const id of processTree(pid)) {
		try {
			// Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
			const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ').pop()!.split(' ');
			ticks += Number(fields[11]) + Number(fields[12]);
		} catch {
			// Ended.
		}
	}
	return ticks / ticksPerSecond;
}
