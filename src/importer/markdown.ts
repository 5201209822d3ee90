import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { Finding } from './report';

/** An Experience League page parsed: its front matter and its markdown tree, with line numbers. */
export interface ParsedPage {
	frontMatter: Record<string, string>;
	tree: Root;
	/** The page's lines (1-based line n is lines[n - 1]), after the pre-pass. */
	lines: string[];
	/** What the pre-pass repaired or met, by line. */
	findings: Finding[];
}

const wordChar = /[\p{L}\p{N}]/u;
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const isWord = (char: string | undefined) => char !== undefined && wordChar.test(char);
/** A space is needed between a label and a letter it was glued to, except in CJK text. */
const spaceNextTo = (char: string | undefined) => (isWord(char) && !cjk.test(char!) ? ' ' : '');

/** The character an entity at the start (or end) of a string stands for, for telling words apart. */
const entityChars: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&apos;': "'", '&amp;': '&', '&nbsp;': '\u00a0', '&#x200b;': '\u200b', '&#8203;': '\u200b' };
const charBefore = (text: string) => {
	const entity = text.match(/&(#x?[0-9a-f]+|[a-z]+);$/i)?.[0];
	return entity ? (entityChars[entity.toLowerCase()] ?? '&') : text[text.length - 1];
};
const charAfter = (text: string) => {
	const entity = text.match(/^&(#x?[0-9a-f]+|[a-z]+);/i)?.[0];
	return entity ? (entityChars[entity.toLowerCase()] ?? '&') : text[0];
};

const entityNames: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&apos;': "'", '&amp;': '&', '&nbsp;': 'a no-break space', '&#x200B;': 'a zero-width space', '&#8203;': 'a zero-width space' };

/**
 * Emphasis around a UI label is Experience League's way of styling it; ours styles the marker
 * itself. Machine translation glued such emphasis to the next word (`_[!UICONTROL Admin]_Seite`,
 * `**[!UICONTROL Save]**klicken`), which CommonMark does not read as emphasis, so it would show
 * as stray `_` and `**`. This pre-pass takes the emphasis off every label before parsing (code
 * spans left alone) and keeps each line where it was, so line numbers stay true.
 */
function unwrapLabels(line: string, lineNumber: number, findings: Finding[]): string {
	const glued: string[] = [];
	const parts = line.split(/(`[^`]*`)/);
	const result = parts
		.map((part, index) => {
			if (index % 2 === 1) return part;
			return part.replace(/(\*\*|__|_|\*)(\[!UICONTROL [^\]]+\])\1/g, (match, _delimiter: string, marker: string, offset: number, whole: string) => {
				const before = charBefore(whole.slice(0, offset));
				const after = charAfter(whole.slice(offset + match.length));
				if (isWord(before) || isWord(after)) glued.push(`${before ?? ''}${match}${after ?? ''}`.replace(/\u200b/g, ''));
				return `${spaceNextTo(before)}${marker}${spaceNextTo(after)}`;
			});
		})
		.join('');
	if (glued.length > 0) {
		findings.push({ severity: 'warning', kind: 'glued-emphasis', line: lineNumber, message: `emphasis glued to text does not render in Markdown: ${glued.join(', ')} (repaired: the label gets its style from the marker)` });
	}
	return result;
}

/** Entities the translation pipeline left: the parser decodes them; the report says where they were. */
function reportEntities(line: string, lineNumber: number, findings: Finding[]) {
	const found = [...new Set(line.match(/&(#x?[0-9a-f]+|[a-z]+);/gi) ?? [])];
	if (found.length === 0 && !line.includes('\u200b')) return;
	const described = found.map((entity) => `${entity} (${entityNames[entity] ?? 'decoded'})`);
	if (line.includes('\u200b')) described.push('U+200B (a zero-width space)');
	findings.push({ severity: 'warning', kind: 'entity', line: lineNumber, message: `HTML entities ${described.join(', ')}: decoded; zero-width spaces removed` });
}

/** Parses an Experience League page: front matter, the pre-pass, then CommonMark with GFM tables. */
export function parsePage(markdown: string): ParsedPage {
	const findings: Finding[] = [];
	const lines = markdown
		.replace(/^\ufeff/, '')
		.replace(/\r\n?/g, '\n')
		.split('\n');
	let inFence = false;
	let inFrontMatter = lines[0] === '---';
	const repaired = lines.map((line, index) => {
		if (index > 0 && inFrontMatter && line === '---') {
			inFrontMatter = false;
			return line;
		}
		if (inFrontMatter) return line;
		if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
		if (inFence) return line;
		reportEntities(line, index + 1, findings);
		return unwrapLabels(line, index + 1, findings);
	});
	const tree = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(repaired.join('\n'));
	const frontMatter: Record<string, string> = {};
	const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
	if (yamlNode) {
		try {
			// Every value as written: a revision of digits only is not a number.
			const value: unknown = parseYaml(yamlNode.value, { schema: 'failsafe' });
			if (value && typeof value === 'object') for (const [key, field] of Object.entries(value)) frontMatter[key] = String(field);
		} catch (error) {
			findings.push({ severity: 'error', kind: 'front-matter', line: 2, message: `the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` });
		}
	}
	return { frontMatter, tree, lines: repaired, findings };
}
