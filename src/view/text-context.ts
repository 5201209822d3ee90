import type { Inline } from '../model/markup';
import type { Locale } from '../model/locales';
import type { Translator } from './translator';
import type { ProcedureEntry } from '../model/load-locales';
import { controlsOf } from '../model/procedure';

export interface UiLabelText {
	/** The glossary id of the UI control. */
	id: string;
	/** The label in the reader's language, as that language's glossary says. */
	local: string;
	/** The label an English Admin shows. */
	en: string;
}

/** What rendering a locale text needs besides the text: labels, menu paths and links of its procedure. */
export interface TextContext {
	lang: string;
	label(controlLabel: string): UiLabelText;
	menuPath(name: string): UiLabelText[];
	link(target: string): { href: string; newTab: boolean };
}

export function createTextContext(procedure: ProcedureEntry, locale: Locale, translator: Translator, english: Translator): TextContext {
	const { data } = procedure;
	const byEnglishLabel = new Map(controlsOf(data).map((id) => [english.label(id), id]));
	const labelOf = (id: string): UiLabelText => ({ id, local: translator.label(id), en: english.label(id) });
	return {
		lang: locale.code,
		label(controlLabel) {
			const id = byEnglishLabel.get(controlLabel);
			if (!id) throw new Error(`[!UICONTROL ${controlLabel}] is not a UI control of ${procedure.id}`);
			return labelOf(id);
		},
		menuPath: (name) => (data.menuPaths[name] ?? []).map(labelOf),
		link(target) {
			const link = data.links[target];
			if (!link) throw new Error(`(${target}) is not a link of ${procedure.id}`);
			const url = new URL(link.url);
			if (link.localized === 'experience-league') url.searchParams.set('lang', locale.exlLang);
			return { href: url.href, newTab: link.newTab };
		},
	};
}

/** The text as a reader sees it, for places that take no markup (page title, meta description, labels). */
export function toPlainText(nodes: readonly Inline[], context: TextContext): string {
	return nodes
		.map((node) => {
			switch (node.type) {
				case 'text':
				case 'name':
				case 'code':
					return node.value;
				case 'control':
					return context.label(node.label).local;
				case 'placeholder':
					return context.menuPath(node.name).map((label) => label.local).join(' > ');
				case 'emphasis':
				case 'link':
					return toPlainText(node.children, context);
			}
		})
		.join('');
}
