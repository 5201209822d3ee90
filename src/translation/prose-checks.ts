import { linkWords, parseMarkup, type Inline } from '../model/markup';
import { textEntries, type ProcedureTexts } from '../model/texts';

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export interface ProseWarning {
	kind: string;
	message: string;
}

/**
 * Signs of machine-translation damage that markup rules cannot see: emphasis that slid onto the
 * wrong words (it ends in a one- or two-letter word) and a space before a comma or full stop.
 */
export function proseWarnings(text: string, nodes: readonly Inline[]): ProseWarning[] {
	const warnings: ProseWarning[] = [];
	for (const node of nodes) {
		if (node.type !== 'emphasis') continue;
		const words = node.children
			.map((child) => ('value' in child ? child.value : ''))
			.join('')
			.trim()
			.split(/\s+/);
		const last = words[words.length - 1] ?? '';
		if (words.length > 1 && !cjk.test(last) && last.length <= 2) {
			warnings.push({ kind: 'emphasis', message: `emphasis ends in the short word "${last}": did it slide onto the wrong words?` });
		}
	}
	const space = text.match(/\S\s+([,.])(?=\s|$)/);
	if (space) warnings.push({ kind: 'spacing', message: `space before "${space[1]}"` });
	return warnings;
}

/**
 * The closing link names the next page; another text links to the same page by its title. When
 * the closing link's words do not contain that title, machine translation garbled one of them.
 */
export function nextTitleMismatch(texts: ProcedureTexts, nextLink: string, target: string, locale: string): string | undefined {
	const title = textEntries(texts)
		.filter(([key]) => !key.startsWith('next.'))
		.map(([, text]) => {
			const parsed = parseMarkup(text);
			return parsed.ok ? linkWords(parsed.nodes, target) : undefined;
		})
		.find(Boolean);
	if (!title || nextLink.toLocaleLowerCase(locale).includes(title.toLocaleLowerCase(locale))) return undefined;
	return `the closing link calls the next page "${nextLink}", another text "${title}"`;
}
