import { parseMarkup, walk } from '../model/markup';
import { proseWarnings } from '../translation/prose-checks';

/** What the conversion of Experience League markup needs to know about the procedure. */
export interface ImportContext {
	/** English UI label → UI control id (from locales/en/glossary.json). */
	controlIds: ReadonlyMap<string, string>;
	/** Menu path name → UI control ids (from the step schema). */
	menuPaths: Readonly<Record<string, readonly string[]>>;
	/** Link id → URL (from the step schema). */
	links: Readonly<Record<string, string>>;
}

export interface ImportFinding {
	severity: 'error' | 'warning';
	kind: string;
	message: string;
}

export interface ConvertedText {
	text: string;
	/** UI control ids the text names, directly or through a menu path. */
	controls: string[];
	findings: ImportFinding[];
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const wordChar = /[\p{L}\p{N}]/u;
const isWord = (char: string | undefined) => char !== undefined && wordChar.test(char);
/** A space is needed between a label and a letter it was glued to, except in CJK text. */
const spaceNextTo = (char: string | undefined) => (isWord(char) && !cjk.test(char!) ? ' ' : '');

const entities: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&apos;': "'", '&amp;': '&', '&nbsp;': '\u00a0', '&#x200B;': '\u200b', '&#8203;': '\u200b' };
const knownAttributes = /^\s*(target|width|height|zoomable|modal)\s*=/;
const labelChain = /\[!UICONTROL [^\]]+\](?:\s*>\s*\[!UICONTROL [^\]]+\])+/g;
const link = /(?<!!)\[((?:\[![A-Z]+ [^\]]*\]|[^[\]])*)\]\(([^()\s]+)\)/g;

/** The link id of a URL: the same URL, or `./page.md` for a link to `…/page.html`. */
export function linkIdOf(url: string, links: ImportContext['links']): string | undefined {
	const page = url.match(/^(?:\.\/)?([\w-]+)\.md$/)?.[1];
	return Object.entries(links).find(([, target]) => target === url || (page !== undefined && new URL(target).pathname.endsWith(`/${page}.html`)))?.[0];
}

/**
 * Converts one text of an Experience League page to our locale markup, repairing what can be
 * repaired mechanically (entities, attribute blocks, emphasis around labels, zero-width spaces,
 * spaces inside links) and reporting every defect it met, repaired or not.
 */
export function convertExperienceLeagueText(source: string, context: ImportContext): ConvertedText {
	const findings: ImportFinding[] = [];
	const report = (severity: ImportFinding['severity'], kind: string, message: string) => findings.push({ severity, kind, message });
	let text = source;

	const decoded: string[] = [];
	for (const [entity, char] of Object.entries(entities)) {
		if (!text.includes(entity)) continue;
		text = text.split(entity).join(char);
		decoded.push(char === '\u200b' ? `${entity} (zero-width space, removed)` : `${entity} (replaced by ${char})`);
	}
	if (decoded.length > 0) report('warning', 'entity', `HTML entities ${decoded.join(', ')}`);

	text = text.replace(/(\)?)(\s*)\{(?!\{)([^{}]*=[^{}]*)\}/g, (_block, closing: string, space: string, body: string) => {
		if (!knownAttributes.test(body)) report('warning', 'translated-markup', `translated attribute block {${body}} (removed)`);
		else if (closing && space) report('warning', 'link-spacing', `attribute block {${body}} separated from its link by a space (removed)`);
		return closing;
	});

	const glued: string[] = [];
	text = text.replace(/(\*\*|_)(\[!UICONTROL [^\]]+\])\1/g, (match, _delimiter: string, marker: string, offset: number, whole: string) => {
		const before = whole[offset - 1];
		const after = whole[offset + match.length];
		if (isWord(before) || isWord(after)) glued.push(`${before ?? ''}${match}${after ?? ''}`.replace(/\u200b/g, ''));
		return `${spaceNextTo(before)}${marker}${spaceNextTo(after)}`;
	});
	if (glued.length > 0) report('warning', 'glued-emphasis', `emphasis glued to text does not render in Markdown: ${glued.join(', ')} (repaired: the label gets its style from the marker)`);

	text = text.replace(labelChain, (chain) => {
		const ids = [...chain.matchAll(/\[!UICONTROL ([^\]]+)\]/g)].map((match) => context.controlIds.get(match[1]!));
		const name = Object.entries(context.menuPaths).find(([, path]) => path.length === ids.length && path.every((id, i) => id === ids[i]))?.[0];
		if (name) return `{{${name}}}`;
		report('error', 'menu-path', `menu path ${chain} is not one of the step schema's menu paths`);
		return chain;
	});

	text = text.replace(/\u200b+/g, (space, offset: number, whole: string) => {
		const before = whole[offset - 1];
		const after = whole[offset + space.length];
		return before && after && !/\s/.test(before) && !/\s/.test(after) && !cjk.test(before) && !cjk.test(after) ? ' ' : '';
	});

	text = text.replace(link, (match, inner: string, url: string) => {
		const words = inner.replace(/^\*\*(.*)\*\*$/, '$1');
		const tidy = words.trim().replace(/\s{2,}/g, ' ');
		if (tidy !== words) report('warning', 'link-spacing', `spaces inside the link text [${inner}] (trimmed)`);
		const id = linkIdOf(url, context.links);
		if (!id) {
			report('error', 'unknown-link', `link to ${url}, which is not one of the step schema's links`);
			return match;
		}
		return `[${tidy}](${id})`;
	});

	if (text.includes('**')) {
		text = text.replace(/\*\*([^*]+)\*\*/g, '$1');
		report('warning', 'markup', 'bold text (removed: our pages style only UI labels)');
	}

	const controls: string[] = [];
	const parsed = parseMarkup(text);
	if (!parsed.ok) {
		for (const error of parsed.errors) report('error', 'markup', `${error.message} in "${text}"`);
	} else {
		for (const node of walk(parsed.nodes)) {
			if (node.type === 'control') {
				const id = context.controlIds.get(node.label);
				if (id) controls.push(id);
				else report('error', 'unknown-control', `unknown UI control [!UICONTROL ${node.label}]`);
			}
			if (node.type === 'placeholder') controls.push(...(context.menuPaths[node.name] ?? []));
		}
		for (const warning of proseWarnings(text, parsed.nodes)) report('warning', warning.kind, warning.message);
	}
	return { text, controls, findings };
}
