import type { BlockView, ProcedureView, StepView } from './procedure-view';
import { toPlainText } from './text-context';

/** The steps under one heading of the page (none for steps before the first section). */
export interface OutlineGroup {
	heading?: { id: string; text: string; lang?: string };
	steps: StepView[];
}

/** The steps of the lists of steps in `blocks`, not those nested inside a step. */
function stepsIn(blocks: readonly BlockView[]): StepView[] {
	return blocks.flatMap((block) => {
		switch (block.type) {
			case 'steps':
				return block.steps;
			case 'list':
				return block.items.flatMap((item) => stepsIn(item.blocks));
			case 'callout':
				return stepsIn(block.blocks);
			case 'table':
				return stepsIn(block.rows.flat(2));
			default:
				return [];
		}
	});
}

/** The page's steps by section, in reading order: the outline beside the text. */
export function outlineOf(view: ProcedureView): OutlineGroup[] {
	const groups: OutlineGroup[] = [
		{ steps: stepsIn(view.intro) },
		...view.sections.map((section) => ({
			heading: { id: section.id, text: toPlainText(section.heading.nodes, view.context), ...(section.heading.lang && { lang: section.heading.lang }) },
			steps: stepsIn(section.blocks),
		})),
	];
	return groups.filter((group) => group.steps.length > 0);
}
