import type { Blockquote, Heading, Image, List, ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { calloutKinds, type CalloutKind } from '../model/procedure';
import type { ParsedPage } from './markdown';
import type { Finding, LineAccount } from './report';

/**
 * An Experience League page as blocks, before any key is given: the shape both the English
 * import and a translation's import read. Sentences stay markdown nodes (with their lines)
 * until the importer that owns the page converts them.
 */
export interface Sentence {
	nodes: PhrasingContent[];
	from: number;
	to: number;
}

export interface PageItem extends Sentence {
	blocks: PageBlock[];
}

export type PageBlock =
	| { type: 'paragraph'; sentence: Sentence }
	| { type: 'figure'; src: string; alt: string; width: number | undefined; zoomable: boolean; from: number; to: number }
	| { type: 'list'; ordered: boolean; items: PageItem[]; from: number; to: number }
	| { type: 'callout'; kind: CalloutKind; blocks: PageBlock[]; from: number; to: number }
	/** Each cell is a list of blocks: a sentence, several split at `<br>`, or a `<ul>` list. */
	| { type: 'table'; rows: PageBlock[][][]; from: number; to: number }
	| { type: 'steps'; steps: PageItem[]; from: number; to: number };

export interface PageSection {
	heading: Sentence;
	level: 2 | 3;
	/** Experience League's `{#anchor}`, if the heading has one. */
	anchor: string | undefined;
	blocks: PageBlock[];
}

export interface Page {
	frontMatter: Record<string, string>;
	title: Sentence | undefined;
	intro: PageBlock[];
	sections: PageSection[];
	/** The closing line: `![Next icon](…btn-next.png) [**Go to X**](./x.md)`. */
	next: { icon: string; link: { url: string; nodes: PhrasingContent[] }; trailing: PhrasingContent[]; line: number } | undefined;
}

const startOf = (node: { position?: { start: { line: number } } | undefined }) => node.position?.start.line ?? 0;
const endOf = (node: { position?: { end: { line: number } } | undefined }) => node.position?.end.line ?? 0;
const sentence = (paragraph: Paragraph | Heading): Sentence => ({ nodes: paragraph.children, from: startOf(paragraph), to: endOf(paragraph) });
const calloutNames = Object.fromEntries(calloutKinds.map((kind) => [kind.toUpperCase(), kind])) as Record<string, CalloutKind>;

/** The words of a node tree, for tests on the shape of a sentence. */
const plain = (nodes: readonly PhrasingContent[]): string => nodes.map((node) => ('value' in node ? node.value : 'children' in node ? plain(node.children as PhrasingContent[]) : '')).join('');

/** A step names a UI control: a [!UICONTROL] marker, or a menu path written with emphasis and ">". */
function namesControl(item: ListItem): boolean {
	const first = item.children[0];
	if (first?.type !== 'paragraph') return false;
	if (plain(first.children).includes('[!UICONTROL ')) return true;
	return first.children.some((node, index) => (node.type === 'strong' || node.type === 'emphasis') && /^\s*>\s*$/.test((first.children[index + 1] as { value?: string } | undefined)?.value ?? ''));
}

export function readPage(parsed: ParsedPage, account: LineAccount, findings: Finding[]): Page {
	const report = (severity: Finding['severity'], kind: string, line: number, message: string) => findings.push({ severity, kind, line, message });
	const page: Page = { frontMatter: parsed.frontMatter, title: undefined, intro: [], sections: [], next: undefined };
	const nodes = parsed.tree.children;

	/** An image standing alone in its paragraph, with its attribute block: a figure. */
	const figureOf = (paragraph: Paragraph): PageBlock | undefined => {
		const [image, rest, ...more] = paragraph.children;
		if (image?.type !== 'image' || more.length > 0) return undefined;
		const attributes = rest === undefined ? '' : rest.type === 'text' ? rest.value.trim() : undefined;
		if (attributes === undefined || (attributes && !/^\{[^{}]*\}$/.test(attributes))) return undefined;
		const width = attributes.match(/width\s*=\s*"?(\d+)/)?.[1];
		if (attributes && !/^\{\s*((width|height|zoomable|modal|align)\s*=\s*"?[\w%-]+"?\s*)*\}$/.test(attributes)) {
			report('warning', 'translated-markup', startOf(paragraph), `attribute block ${attributes} of the image not understood (ignored)`);
		}
		return { type: 'figure', src: (image as Image).url, alt: (image as Image).alt ?? '', width: width ? Number(width) : undefined, zoomable: /zoomable\s*=\s*"?yes/.test(attributes), from: startOf(paragraph), to: endOf(paragraph) };
	};

	const itemOf = (item: ListItem): PageItem | undefined => {
		const [first, ...rest] = item.children;
		if (first?.type !== 'paragraph') {
			report('error', 'structure', startOf(item), 'a list item must start with a sentence');
			return undefined;
		}
		return { ...sentence(first), blocks: blocks(rest) };
	};

	const listOf = (list: List): PageBlock => ({
		type: 'list',
		ordered: list.ordered ?? false,
		items: list.children.flatMap((item) => itemOf(item) ?? []),
		from: startOf(list),
		to: endOf(list),
	});

	const calloutOf = (quote: Blockquote): PageBlock | undefined => {
		const [first, ...rest] = quote.children;
		const head = first?.type === 'paragraph' ? first.children[0] : undefined;
		const name = head?.type === 'text' ? head.value.match(/^\[!([A-Z]+)\]\s*/) : null;
		if (!first || first.type !== 'paragraph' || !head || head.type !== 'text' || !name) {
			report('error', 'structure', startOf(quote), 'a quote without a [!NOTE], [!IMPORTANT], [!TIP], [!CAUTION] or [!WARNING] marker: Experience League pages quote only for these');
			return undefined;
		}
		const kind = calloutNames[name[1]!];
		if (!kind) {
			report('error', 'callout', startOf(quote), `[!${name[1]}] is not a callout we show: use NOTE, IMPORTANT, TIP, CAUTION or WARNING`);
			return undefined;
		}
		account.markup(startOf(quote), endOf(quote), `${kind} (callout)`);
		// "[!NOTE]" may share its paragraph with the note's first sentence.
		head.value = head.value.slice(name[0].length);
		const own = head.value === '' && first.children.length === 1 ? [] : [first];
		return { type: 'callout', kind, blocks: blocks([...own, ...rest] as RootContent[]), from: startOf(quote), to: endOf(quote) };
	};

	/** A cell's content: sentences split at `<br>`, a `<ul><li>…</li></ul>` as a list. */
	const cellOf = (children: PhrasingContent[], line: number): PageBlock[] => {
		const cell: PageBlock[] = [];
		let current: PhrasingContent[] = [];
		let list: PageItem[] | undefined;
		const flush = () => {
			while (current[0]?.type === 'text' && !current[0].value.trim()) current.shift();
			if (current.length === 0) return;
			if (list) list.push({ nodes: current, from: line, to: line, blocks: [] });
			else cell.push({ type: 'paragraph', sentence: { nodes: current, from: line, to: line } });
			current = [];
		};
		for (const node of children) {
			const tag = node.type === 'html' ? node.value.trim().toLowerCase() : undefined;
			if (tag === undefined) current.push(node);
			else if (/^<br\s*\/?>$/.test(tag)) flush();
			else if (tag === '<ul>') {
				flush();
				list = [];
			} else if (tag === '</ul>' && list) {
				flush();
				cell.push({ type: 'list', ordered: false, items: list, from: line, to: line });
				list = undefined;
			} else if (tag === '<li>' || tag === '</li>') flush();
			else report('error', 'html', line, `HTML ${node.type === 'html' ? node.value : ''} in a table cell is not supported: use <br> or <ul><li>`);
		}
		flush();
		if (list) report('error', 'html', line, 'a <ul> in a table cell is never closed with </ul>');
		return cell;
	};

	const tableOf = (table: Table): PageBlock => {
		account.markup(startOf(table), endOf(table), 'table');
		return { type: 'table', rows: table.children.map((row) => row.children.map((cell) => cellOf(cell.children, startOf(row)))), from: startOf(table), to: endOf(table) };
	};

	function blocks(children: readonly RootContent[], topLevel = false): PageBlock[] {
		const out: PageBlock[] = [];
		for (const node of children) {
			switch (node.type) {
				case 'paragraph':
					out.push(figureOf(node) ?? { type: 'paragraph', sentence: sentence(node) });
					break;
				case 'list': {
					const list = listOf(node);
					const previous = out[out.length - 1];
					const beforeThat = out[out.length - 2];
					if (!topLevel || !node.ordered || list.type !== 'list') out.push(list);
					else if (previous?.type === 'figure' && beforeThat?.type === 'steps' && node.children.some(namesControl)) {
						// A figure between two lists of steps splits them in CommonMark: they are one procedure.
						out.pop();
						const number = beforeThat.steps.length;
						beforeThat.steps[number - 1]!.blocks.push(previous);
						report('warning', 'structure', previous.from, `an image between step ${number} and the next stands outside the list, which restarts the numbering: the image goes with step ${number} and the steps go on`);
						beforeThat.steps.push(...list.items);
						beforeThat.to = list.to;
					} else if (list.items.length >= 2 && node.children.some(namesControl)) out.push({ type: 'steps', steps: list.items, from: list.from, to: list.to });
					else out.push(list);
					break;
				}
				case 'blockquote': {
					const callout = calloutOf(node);
					if (callout) out.push(callout);
					break;
				}
				case 'table':
					out.push(tableOf(node));
					break;
				case 'html':
					if (/^<!--[\s\S]*-->$/.test(node.value.trim())) account.markup(startOf(node), endOf(node), 'comment (not shown)');
					else report('error', 'html', startOf(node), `an HTML block is not supported: ${node.value.split('\n')[0]}`);
					break;
				case 'code':
					report('error', 'structure', startOf(node), 'a code block is not supported in a procedure page (a sentence may hold `code`)');
					break;
				default:
					report('error', 'structure', startOf(node), `${node.type} is not supported in a procedure page`);
			}
		}
		return out;
	}

	// Top-level nodes go to the intro until the first ## or ###, then to that section.
	let group: RootContent[] = [];
	const groups: { into: PageBlock[]; nodes: RootContent[] }[] = [{ into: page.intro, nodes: group }];
	for (const [index, node] of nodes.entries()) {
		if (node.type === 'yaml') {
			account.frontMatter(startOf(node), endOf(node));
		} else if (node.type === 'heading' && node.depth === 1) {
			if (page.title) report('error', 'structure', startOf(node), 'a second "# " title: a page has one');
			else page.title = sentence(node);
		} else if (node.type === 'heading') {
			if (node.depth > 3) report('error', 'structure', startOf(node), `a level-${node.depth} heading: procedure pages use ## and ###`);
			const last = node.children[node.children.length - 1];
			const anchor = last?.type === 'text' ? last.value.match(/\s*\{#([\w-]+)\}\s*$/) : null;
			if (anchor && last?.type === 'text') last.value = last.value.slice(0, anchor.index);
			const section: PageSection = { heading: sentence(node), level: node.depth === 2 ? 2 : 3, anchor: anchor?.[1], blocks: [] };
			page.sections.push(section);
			group = [];
			groups.push({ into: section.blocks, nodes: group });
		} else if (index === nodes.length - 1 && node.type === 'paragraph' && node.children[0]?.type === 'image' && node.children.some((child) => child.type === 'link')) {
			const linkIndex = node.children.findIndex((child) => child.type === 'link');
			const link = node.children[linkIndex]!;
			if (link.type === 'link') page.next = { icon: (node.children[0] as Image).alt ?? '', link: { url: link.url, nodes: link.children }, trailing: node.children.slice(linkIndex + 1), line: startOf(node) };
		} else {
			group.push(node);
		}
	}
	for (const { into, nodes: members } of groups) into.push(...blocks(members, true));
	return page;
}

/** Whether the page holds a procedure: a numbered list of steps that names UI controls. */
export function hasSteps(page: Page): boolean {
	return [page.intro, ...page.sections.map((section) => section.blocks)].some((blocks) => blocks.some((block) => block.type === 'steps'));
}
