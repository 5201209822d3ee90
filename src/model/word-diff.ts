import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
	kind: 'same' | 'removed' | 'added';
	text: string;
}

/** What changed between two versions of a text, word by word, for a translator to see. */
export function wordDiff(before: string, after: string): DiffPart[] {
	return diffWordsWithSpace(before, after).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
}

/** The diff as plain text: `[-removed-]` and `{+added+}`, as `git diff --word-diff` writes it. */
export const formatDiff = (parts: readonly DiffPart[]) => parts.map((part) => (part.kind === 'removed' ? `[-${part.text}-]` : part.kind === 'added' ? `{+${part.text}+}` : part.text)).join('');
