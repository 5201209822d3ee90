import { canStore, readStored, writeStored } from './storage';

/** Where a procedure's ticks are kept: one entry per procedure, shared by all its languages. */
export const progressKey = (procedureId: string) => `walkthroughs:progress:${procedureId}`;

/**
 * The done steps in stored text, in step order. Steps the schema no longer has are dropped;
 * anything that is not our format (corrupted, foreign, another version) counts as no progress.
 */
export function parseProgress(stored: string | null, stepIds: readonly string[]): string[] {
	if (!stored) return [];
	try {
		const data: unknown = JSON.parse(stored);
		if (typeof data !== 'object' || data === null || !('version' in data) || data.version !== 1 || !('done' in data) || !Array.isArray(data.done)) return [];
		const done = new Set(data.done.filter((id): id is string => typeof id === 'string'));
		return stepIds.filter((id) => done.has(id));
	} catch {
		return [];
	}
}

export const serializeProgress = (done: readonly string[]) => JSON.stringify({ version: 1, done });

/** The ticks of one procedure, kept in localStorage when the browser allows it and in memory otherwise. */
export class ProgressStore {
	private done: string[];
	/** False when storage is blocked or full: ticks then last until the page is left. */
	persistent = canStore();

	constructor(
		private readonly procedureId: string,
		private readonly stepIds: readonly string[],
	) {
		this.done = this.load();
	}

	/** Reads the stored ticks again (after another tab changed them), dropping removed steps for good. */
	load(): string[] {
		const stored = readStored(progressKey(this.procedureId));
		this.done = parseProgress(stored, this.stepIds);
		if (stored !== null && stored !== serializeProgress(this.done)) this.save();
		return this.done;
	}

	isDone = (stepId: string) => this.done.includes(stepId);

	get doneCount(): number {
		return this.done.length;
	}

	/** The first step not ticked yet, in step order. */
	get nextStep(): string | undefined {
		return this.stepIds.find((id) => !this.isDone(id));
	}

	set(stepId: string, done: boolean): void {
		this.setEach([stepId], done);
	}

	/** Ticks (or unticks) each of `stepIds` at once. */
	setEach(stepIds: readonly string[], done: boolean): void {
		const others = this.done.filter((id) => !stepIds.includes(id));
		this.done = this.stepIds.filter((id) => (stepIds.includes(id) ? done : others.includes(id)));
		this.save();
	}

	reset(): void {
		this.done = [];
		this.save();
	}

	private save(): void {
		this.persistent = writeStored(progressKey(this.procedureId), serializeProgress(this.done));
	}
}
