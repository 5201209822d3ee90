/* eslint-disable no-control-regex -- emphasized words wait as \u0001<n>\u0002 placeholders, characters no markdown text has. */
import type { PhrasingContent, Text } from 'mdast';
import { parseMarkup, walk } from '../model/markup';
import { proseWarnings } from '../translation/prose-checks';
import type { Finding } from './report';

/** What the conversion of a sentence asks the importer that owns the page (English or a translation). */
export interface InlineResolver {
	/** The procedure's link id for a link on the page; undefined when it cannot be linked (the resolver said why). */
	link(target: { url: string; newTab: boolean; words: string }, line: number): string | undefined;
	/** The procedure's icon id for an image inside a sentence. */
	icon(src: string, line: number): string | undefined;
	/** The id of a menu path (`Marketing > Channels > …`); `marked`: all items were [!UICONTROL] markers. */
	menuPath(labels: string[], marked: boolean, line: number): string | undefined;
	/**
	 * The English label meant by emphasized words that are not a marker (`the _Listing Preview_
	 * page`), or undefined when they are just emphasis.
	 */
	label(words: string, before: string, after: string, line: number): string | undefined;
}

export interface Converted {
	/** The sentence in our locale markup (see src/model/markup.ts). */
	text: string;
	/** English labels of the UI controls it names in [!UICONTROL] markers. */
	labels: string[];
	/** Menu paths it names. */
	menuPaths: string[];
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const knownAttributes = /^\s*(target|width|height|zoomable|modal)\s*=/;
const marker = /\[!(?:UICONTROL|DNL) [^\]]*\]|\[!BADGE [^\]]*\](?:\{[^{}]*\})?/;
const lineOf = (node: { position?: { start: { line: number } } | undefined }, fallback: number) => node.position?.start.line ?? fallback;

/** Plain words as our markup writes them: characters that mean markup are escaped. */
const escape = (text: string) =>
	text
		.replace(/[\\_*`]/g, '\\$&')
		.replace(/<(?=[a-z/])/gi, '\\<')
		.replace(/&(?=#?\w+;)/g, '\\&');

interface Candidate {
	words: string;
	strong: boolean;
	line: number;
}

/**
 * Converts the sentence of one paragraph (a step, a list item, a table cell) from the page's
 * markdown tree to our markup: Experience League markers kept, links and icons by id, menu
 * paths by id, attribute blocks read, entities and invisible spaces gone. Everything it
 * repairs or cannot take is a finding on its line.
 */
export function convertInline(nodes: readonly PhrasingContent[], resolver: InlineResolver, line: number, findings: Finding[]): Converted {
	const report = (severity: Finding['severity'], kind: string, at: number, message: string) => findings.push({ severity, kind, line: at, message });
	const candidates: Candidate[] = [];

	/** Plain words: anything that looks like broken markup is refused, the rest escaped. */
	const words = (part: string, at: number) => {
		const unknown = part.match(/\[![A-Za-z]+/);
		if (unknown) report('error', 'markup', at, `unknown marker "${unknown[0]}": Experience League pages use [!UICONTROL …], [!DNL …] and [!BADGE …]`);
		const stray = part.match(/[{}[\]]/);
		if (stray) report('error', 'mt-residue', at, `stray "${stray[0]}" in "${part.trim()}": left over from markup that machine translation broke; mend the sentence in the page`);
		return escape(part.replace(/[{}[\]]/g, ''));
	};

	/**
	 * A text node's words, markers kept as they are. `_…_` glued to CJK text is emphasis that
	 * CommonMark could not read (it needs a space or punctuation around `_`): taken as emphasis.
	 */
	const text = (value: string, at: number) =>
		value
			.split(new RegExp(`(${marker.source})`))
			.map((part, index) => {
				if (index % 2 === 1) return part;
				return part
					.split(/(_[^_\s][^_]*?_)/)
					.map((piece, i, pieces) => {
						const glued = i % 2 === 1 && (cjk.test(pieces[i - 1]?.slice(-1) ?? '') || cjk.test(pieces[i + 1]?.[0] ?? '') || cjk.test(piece));
						if (!glued) return i % 2 === 1 ? `_${words(piece.slice(1, -1), at)}_` : words(piece, at);
						report('warning', 'glued-emphasis', at, `emphasis ${piece} glued to CJK text does not render in Markdown (repaired)`);
						candidates.push({ words: piece.slice(1, -1).trim(), strong: false, line: at });
						return `\u0001${candidates.length - 1}\u0002`;
					})
					.join('');
			})
			.join('');

	/** Reads an attribute block right after a link or image, taking it out of the text that follows. */
	const attributes = (list: readonly PhrasingContent[], index: number, at: number, isLink: boolean) => {
		const next = list[index + 1];
		if (next?.type !== 'text') return {};
		const match = next.value.match(/^(\s*)\{([^{}]*=[^{}]*)\}/);
		if (!match) return {};
		(next as Text).value = next.value.slice(match[0].length);
		const body = match[2]!;
		if (!knownAttributes.test(body)) report('warning', 'translated-markup', at, `translated attribute block {${body}} (removed)`);
		else if (isLink && match[1]) report('warning', 'link-spacing', at, `attribute block {${body}} separated from its link by a space (removed)`);
		return { newTab: /target\s*=\s*"?_blank/.test(body) };
	};

	/** The words of a link: emphasis inside it dropped (the link is styled already). */
	const linkWords = (list: readonly PhrasingContent[], at: number): string =>
		list
			.map((node) => {
				if (node.type === 'text') return text(node.value, lineOf(node, at));
				if (node.type === 'strong' || node.type === 'emphasis') return linkWords(node.children, at);
				if (node.type === 'inlineCode') return `\`${node.value}\``;
				report('error', 'markup', lineOf(node, at), `${node.type} inside a link is not supported`);
				return '';
			})
			.join('');

	const serialize = (list: readonly PhrasingContent[]): string =>
		list
			.map((node, index) => {
				const at = lineOf(node, line);
				switch (node.type) {
					case 'text':
						return text(node.value, at);
					case 'strong':
					case 'emphasis': {
						const inner = node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0]!.value.trim() : undefined;
						if (inner !== undefined && !/[[\]{}]/.test(inner)) {
							candidates.push({ words: inner, strong: node.type === 'strong', line: at });
							return `\u0001${candidates.length - 1}\u0002`;
						}
						const content = serialize(node.children);
						if (node.type === 'strong') {
							report('warning', 'markup', at, 'bold text (removed: our pages style only UI labels)');
							return content;
						}
						return `_${content}_`;
					}
					case 'link': {
						const raw = linkWords(node.children, at);
						const tidy = raw.trim().replace(/\s{2,}/g, ' ');
						if (tidy !== raw) report('warning', 'link-spacing', at, `spaces inside the link text [${raw}] (trimmed)`);
						const { newTab = false } = attributes(list, index, at, true);
						const id = resolver.link({ url: node.url, newTab, words: tidy }, at);
						return id ? `[${tidy}](${id})` : tidy;
					}
					case 'image': {
						attributes(list, index, at, false);
						const alt = (node.alt ?? '').trim();
						if (!alt) report('error', 'image', at, `the icon ${node.url} has no alt text saying what it shows`);
						const id = resolver.icon(node.url, at);
						return id ? `![${escape(alt)}](${id})` : escape(alt);
					}
					case 'inlineCode':
						if (node.value.includes('`')) report('error', 'markup', at, 'a code span with a backtick inside is not supported');
						return `\`${node.value}\``;
					case 'break':
						return ' ';
					case 'html':
						if (/^<br\s*\/?>$/i.test(node.value)) {
							report('warning', 'markup', at, 'a line break <br> inside a paragraph (made a space)');
							return ' ';
						}
						report('error', 'html', at, `HTML ${node.value} is not supported: write the words without tags`);
						return '';
					default:
						report('error', 'markup', at, `${node.type} is not supported in a sentence`);
						return '';
				}
			})
			.join('');

	let result = serialize(nodes);
	const labelOf = (item: string) => {
		const found = item.match(/^\u0001(\d+)\u0002$/);
		return found ? { words: candidates[Number(found[1])]!.words, marked: false } : { words: item.slice('[!UICONTROL '.length, -1).trim(), marked: true };
	};

	// Menu paths: two or more labels joined by ">", with or without markers.
	const item = String.raw`(?:\[!UICONTROL [^\]]+\]|\u0001\d+\u0002)`;
	const menuPaths: string[] = [];
	result = result.replace(new RegExp(`${item}(?:\\s*>\\s*${item})+`, 'g'), (chain) => {
		const items = chain.split(/\s*>\s*/).map(labelOf);
		const id = resolver.menuPath(
			items.map((entry) => entry.words),
			items.every((entry) => entry.marked),
			line,
		);
		if (!id) return items.map((entry) => (entry.marked ? `[!UICONTROL ${entry.words}]` : entry.words)).join(' > ');
		menuPaths.push(id);
		return `{{${id}}}`;
	});

	// Emphasized words left: a UI label written without its marker, or emphasis.
	result = result.replace(/\u0001(\d+)\u0002/g, (_token, index: string, offset: number, whole: string) => {
		const candidate = candidates[Number(index)]!;
		const before = whole.slice(0, offset).replace(/\u0001\d+\u0002/g, '');
		const after = whole.slice(offset + _token.length).replace(/\u0001\d+\u0002/g, '');
		const label = resolver.label(candidate.words, before, after, candidate.line);
		if (label) return `[!UICONTROL ${label}]`;
		if (candidate.strong) {
			report('warning', 'markup', candidate.line, `bold "${candidate.words}" (shown as plain text: our pages style only UI labels)`);
			return escape(candidate.words);
		}
		return `_${escape(candidate.words)}_`;
	});

	// Invisible spaces: between two words of a script with spaces a real space, else nothing.
	result = result.replace(/\u200b+/g, (space, offset: number, whole: string) => {
		const before = whole[offset - 1];
		const after = whole[offset + space.length];
		return before && after && !/\s/.test(before) && !/\s/.test(after) && !cjk.test(before) && !cjk.test(after) ? ' ' : '';
	});
	result = result.trim();

	const labels: string[] = [];
	const parsed = parseMarkup(result);
	if (!parsed.ok) {
		for (const error of parsed.errors) report('error', 'markup', line, `${error.message} in "${result}"`);
	} else {
		for (const node of walk(parsed.nodes)) if (node.type === 'control') labels.push(node.label);
		for (const warning of proseWarnings(result, parsed.nodes)) report('warning', warning.kind, line, warning.message);
	}
	return { text: result, labels, menuPaths };
}
