import type { CalloutKind } from '../model/procedure';
import { convertInline, type InlineResolver } from './inline';
import type { Page, PageBlock, PageItem, Sentence } from './page';
import type { Finding } from './report';

/** A sentence of the page in our markup, with where it was and what it names. */
export interface Text {
	text: string;
	from: number;
	to: number;
	/** English labels of the [!UICONTROL] markers in it. */
	labels: string[];
	menuPaths: string[];
}

export interface Item {
	text: Text;
	blocks: Converted[];
}

export type Converted =
	| { type: 'paragraph'; text: Text }
	| { type: 'figure'; alt: Text; src: string; width: number | undefined; zoomable: boolean }
	| { type: 'list'; ordered: boolean; items: Item[]; from: number }
	| { type: 'callout'; kind: CalloutKind; blocks: Converted[]; from: number }
	| { type: 'table'; rows: Converted[][][]; from: number }
	| { type: 'steps'; steps: Item[]; from: number };

export interface ConvertedPage {
	frontMatter: Record<string, string>;
	title: Text | undefined;
	intro: Converted[];
	sections: { heading: Text; level: 2 | 3; anchor: string | undefined; blocks: Converted[] }[];
	/** The closing line; `trailing`: words machine translation pushed out of the link. */
	next: { icon: string; link: Text; trailing: string; url: string; line: number } | undefined;
}

/** Every sentence of the page converted to our markup; the structure stays as the page has it. */
export function convertPage(page: Page, resolver: InlineResolver, findings: Finding[]): ConvertedPage {
	const text = (sentence: Sentence): Text => ({ ...convertInline(sentence.nodes, resolver, sentence.from, findings), from: sentence.from, to: sentence.to });
	const item = (entry: PageItem): Item => ({ text: text(entry), blocks: blocks(entry.blocks) });
	const blocks = (list: PageBlock[]): Converted[] =>
		list.map((block): Converted => {
			switch (block.type) {
				case 'paragraph':
					return { type: 'paragraph', text: text(block.sentence) };
				case 'figure':
					return { type: 'figure', alt: text({ nodes: [{ type: 'text', value: block.alt }], from: block.from, to: block.to }), src: block.src, width: block.width, zoomable: block.zoomable };
				case 'list':
					return { type: 'list', ordered: block.ordered, items: block.items.map(item), from: block.from };
				case 'callout':
					return { type: 'callout', kind: block.kind, blocks: blocks(block.blocks), from: block.from };
				case 'table':
					return { type: 'table', rows: block.rows.map((row) => row.map(blocks)), from: block.from };
				case 'steps':
					return { type: 'steps', steps: block.steps.map(item), from: block.from };
			}
		});
	return {
		frontMatter: page.frontMatter,
		title: page.title && text(page.title),
		intro: blocks(page.intro),
		sections: page.sections.map((section) => ({ heading: text(section.heading), level: section.level, anchor: section.anchor, blocks: blocks(section.blocks) })),
		next: page.next && {
			icon: page.next.icon.trim(),
			// `[**Go to X**](…)`: the bold is Experience League's style for the line, not a label.
			link: text({ nodes: page.next.link.nodes.flatMap((node) => (node.type === 'strong' ? node.children : [node])), from: page.next.line, to: page.next.line }),
			trailing: page.next.trailing
				.map((node) => ('value' in node ? node.value : ''))
				.join('')
				.trim(),
			url: page.next.link.url,
			line: page.next.line,
		},
	};
}

/** Every text of a list of converted blocks, nested ones too, in reading order (steps' texts not included). */
export function* textsOf(blocks: readonly Converted[]): Generator<Text> {
	for (const block of blocks) {
		if (block.type === 'paragraph') yield block.text;
		else if (block.type === 'figure') yield block.alt;
		else if (block.type === 'list')
			for (const entry of block.items) {
				yield entry.text;
				yield* textsOf(entry.blocks);
			}
		else if (block.type === 'callout') yield* textsOf(block.blocks);
		else if (block.type === 'table') for (const row of block.rows) for (const cell of row) yield* textsOf(cell);
	}
}
