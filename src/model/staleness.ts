import type { Procedure } from './procedure';

export interface StaleStep {
	stepId: string;
	/** The source revision that changed the step after the translation's revision. */
	changedIn: string;
}

/**
 * Steps whose source text changed after `revision` (the one a translation follows). An unknown
 * revision makes nothing stale: the locale checker reports it separately.
 */
export function staleSteps(procedure: Procedure, revision: string): StaleStep[] {
	const index = procedure.revisions.findIndex((candidate) => candidate.commit === revision);
	if (index === -1) return [];
	return procedure.revisions
		.slice(index + 1)
		.flatMap((later) => later.changedSteps.map((stepId) => ({ stepId, changedIn: later.commit })))
		.filter((stale, position, all) => all.findIndex((other) => other.stepId === stale.stepId) === position);
}

export const shortCommit = (commit: string) => commit.slice(0, 7);
