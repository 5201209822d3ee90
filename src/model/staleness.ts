import type { Procedure } from './procedure';

/**
 * Steps the English page changed after `revision` (by the revisions' `changedSteps`, which the
 * importer derives by comparing the English texts of two imports). An unknown revision is taken
 * as the newest: nothing can be said about it.
 */
export function stepsChangedSince(procedure: Procedure, revision: string | undefined): Set<string> {
	const index = procedure.revisions.findIndex((candidate) => candidate.commit === revision);
	if (index === -1) return new Set();
	return new Set(procedure.revisions.slice(index + 1).flatMap((later) => later.changedSteps));
}

export const shortCommit = (commit: string) => commit.slice(0, 7);
