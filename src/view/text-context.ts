import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Content, ProcedureEntry } from '../model/content';
import { guidePageUrl } from '../model/guide';
import { madeOncePer } from '../model/made-once';
import { sourceLocale, type Locale } from '../model/locales';
import type { Inline } from '../model/markup';
import { stepsOf } from '../model/procedure';
import { isEnglishOnly } from '../model/ui-controls';
import { localePath } from './urls';

export interface UiLabelText {
	/** The glossary id of the UI control. */
	id: string;
	/** The label in the reader's language, as that language's glossary says (English until it says). */
	local: string;
	/** The label an English Admin shows. */
	en: string;
}

/** What rendering a text needs besides the text: labels, menu paths, links and icons of its procedure. */
export interface TextContext {
	lang: string;
	label(controlId: string): UiLabelText;
	menuPath(name: string): UiLabelText[];
	link(target: string): { href: string; newTab: boolean };
	/** The icon's image, if we have the file. */
	icon(iconId: string): string | undefined;
}

/** `/images/<procedure>/<lang>/<file>` if a localized image exists, else `/images/<procedure>/<file>`, else none. */
export function findImage(procedureId: string, locale: Locale, file: string, publicDir = join(process.cwd(), 'public')): string | undefined {
	const found = [`images/${procedureId}/${locale.path}/${file}`, `images/${procedureId}/${file}`].find((path) => existsSync(join(publicDir, path)));
	return found && `/${found}`;
}

// The procedures by their guide's page, made once per content: every link to a page of a guide is looked up here.
const byPage = madeOncePer((content: Content) => {
	const index = new Map<string, ProcedureEntry>();
	for (const procedure of content.procedures) {
		const source = procedure.data.source;
		if (source && !index.has(`${source.guide}/${source.file}`)) index.set(`${source.guide}/${source.file}`, procedure);
	}
	return index;
});

/** The procedure we have for a page of a guide, if any (the first, if two say they are that page). */
export function procedureOfPage(content: Content, guide: string, file: string): ProcedureEntry | undefined {
	return byPage(content).get(`${guide}/${file}`);
}

export function createTextContext(content: Content, procedure: ProcedureEntry, locale: Locale): TextContext {
	const { data } = procedure;
	const english = content.words[sourceLocale.code].glossary;
	const local = content.words[locale.code].glossary;
	const labelOf = (id: string): UiLabelText => {
		const en = english[id] ?? id;
		return { id, en, local: isEnglishOnly(content.uiControls, id) ? en : Object.hasOwn(local, id) ? local[id]! : en };
	};
	return {
		lang: locale.code,
		label: labelOf,
		menuPath: (name) => (Object.hasOwn(data.menuPaths, name) ? data.menuPaths[name]! : []).map(labelOf),
		link(target) {
			const link = Object.hasOwn(data.links, target) ? data.links[target] : undefined;
			if (!link) throw new Error(`(${target}) is not a link of ${procedure.id}`);
			if ('url' in link) return { href: link.url, newTab: link.newTab };
			const guide = data.source!.guide;
			const ours = procedureOfPage(content, guide, link.page);
			if (!ours) return { href: guidePageUrl(content.guides[guide]!, link.page, locale.exlLang, link.anchor), newTab: false };
			// Our page; the anchor only where it names one of its sections or steps.
			const anchors = [...ours.data.sections.map((section) => section.id), ...stepsOf(ours.data).map((step) => step.id)];
			const anchor = link.anchor && anchors.includes(link.anchor) ? `#${link.anchor}` : '';
			return { href: `${localePath(locale, ours.id)}${anchor}`, newTab: false };
		},
		icon: (iconId) => (Object.hasOwn(data.icons, iconId) ? findImage(procedure.id, locale, data.icons[iconId]!) : undefined),
	};
}

/**
 * The text for the search index: as toPlainText, with each UI label in both variants where they
 * differ ("Konfiguration speichern Save Config"), as the page holds them (UiLabel.astro).
 */
export function toIndexText(nodes: readonly Inline[], context: TextContext): string {
	const both = (label: UiLabelText) => (label.local === label.en ? label.en : `${label.local} ${label.en}`);
	return nodes
		.map((node): string => {
			switch (node.type) {
				case 'control':
					return both(context.label(node.id!));
				case 'placeholder':
					return context.menuPath(node.name).map(both).join(' › ');
				case 'emphasis':
				case 'link':
					return toIndexText(node.children, context);
				default:
					return toPlainText([node], context);
			}
		})
		.join('');
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
					if (!node.id) throw new Error(`[!UICONTROL ${node.label}] was not resolved to a UI control`);
					return context.label(node.id).local;
				case 'placeholder':
					return context
						.menuPath(node.name)
						.map((label) => label.local)
						.join(' › ');
				case 'emphasis':
				case 'link':
					return toPlainText(node.children, context);
				case 'icon':
					return node.alt;
				case 'badge':
					return node.label;
			}
		})
		.join('');
}
