import type { Element, Item, Label, Screen } from '../model/screen';
import type { TextView } from './procedure-view';
import type { UiLabelText } from './text-context';

/** A label on a drawn screen: a UI control's, or words of the procedure. */
export type WordsView = { control: UiLabelText } | { text: TextView };

/** The mark on what the step acts on: `number` of `of` (the mark shows the number only when `of` > 1). */
export interface ActsMark {
	number: number;
	of: number;
}

export type ItemView = { blanks: number } | { label: UiLabelText; acts?: ActsMark };
export interface ButtonView {
	type: 'button';
	label: UiLabelText;
	primary: boolean;
	acts?: ActsMark;
}
export type NavGroupView = { blanks: number } | { group: UiLabelText; items: ItemView[]; acts?: ActsMark };

export type ElementView =
	| { type: 'text'; text: TextView }
	| { type: 'lines'; count: number }
	| { type: 'heading'; words: WordsView }
	| ButtonView
	| { type: 'field'; label?: UiLabelText; value?: WordsView; select: boolean; secret: boolean; acts?: ActsMark }
	| { type: 'checkbox'; label: UiLabelText; checked: boolean; acts?: ActsMark }
	| { type: 'tabs'; items: ItemView[] }
	| { type: 'section'; title: WordsView; collapsed: boolean; elements: ElementView[]; acts?: ActsMark }
	| { type: 'dialog'; title: WordsView; elements: ElementView[]; acts?: ActsMark }
	| { type: 'row'; elements: ElementView[] }
	| { type: 'table'; rows: ElementView[][] };

export interface ScreenView {
	kind: Screen['kind'];
	sidebar?: ItemView[];
	title?: WordsView;
	actions: ButtonView[];
	nav?: NavGroupView[];
	elements: ElementView[];
}

/** A screen with its labels from the glossary and its words from the locale file, ready to draw. */
export function buildScreenView(screen: Screen, label: (controlId: string) => UiLabelText, words: (key: string) => TextView): ScreenView {
	const acts = (name: string): { acts?: ActsMark } => {
		const index = screen.acts.indexOf(name);
		return index < 0 ? {} : { acts: { number: index + 1, of: screen.acts.length } };
	};
	const wordsOf = (value: Label): WordsView => (typeof value === 'string' ? { control: label(value) } : { text: words(value.text) });
	const items = (list: readonly Item[]): ItemView[] => list.map((item) => (typeof item === 'number' ? { blanks: item } : { label: label(item), ...acts(item) }));
	const button = (id: string, primary: boolean): ButtonView => ({ type: 'button', label: label(id), primary, ...acts(id) });
	const elements = (list: readonly Element[]): ElementView[] =>
		list.map((element): ElementView => {
			if ('text' in element) return { type: 'text', text: words(element.text) };
			if ('lines' in element) return { type: 'lines', count: element.lines };
			if ('heading' in element) return { type: 'heading', words: wordsOf(element.heading) };
			if ('button' in element) return button(element.button, element.primary);
			if ('checkbox' in element) return { type: 'checkbox', label: label(element.checkbox), checked: element.checked, ...acts(element.checkbox) };
			if ('field' in element) {
				// A field the figure does not label is known by what it holds.
				const name = element.field ?? (element.value === undefined ? undefined : typeof element.value === 'string' ? element.value : element.value.text);
				return {
					type: 'field',
					...(element.field !== null && { label: label(element.field) }),
					...(element.value !== undefined && { value: wordsOf(element.value) }),
					select: element.select,
					secret: element.secret,
					...(name !== undefined && acts(name)),
				};
			}
			if ('tabs' in element) return { type: 'tabs', items: items(element.tabs) };
			if ('section' in element)
				return { type: 'section', title: wordsOf(element.section), collapsed: element.collapsed, elements: elements(element.elements), ...acts(typeof element.section === 'string' ? element.section : element.section.text) };
			if ('dialog' in element) return { type: 'dialog', title: wordsOf(element.dialog), elements: elements(element.elements), ...acts(typeof element.dialog === 'string' ? element.dialog : element.dialog.text) };
			if ('row' in element) return { type: 'row', elements: elements(element.row) };
			return { type: 'table', rows: element.table.map(elements) };
		});
	return {
		kind: screen.kind,
		...(screen.sidebar && { sidebar: items(screen.sidebar) }),
		...(screen.title !== undefined && { title: wordsOf(screen.title) }),
		actions: screen.actions.map((action) => button(action.button, action.primary)),
		...(screen.nav && { nav: screen.nav.map((group): NavGroupView => (typeof group === 'number' ? { blanks: group } : { group: label(group.group), items: items(group.items), ...acts(group.group) })) }),
		elements: elements(screen.elements),
	};
}
