/**
 * The small markup of locale texts, kept close to Experience League's so translators know it:
 *
 *   [!UICONTROL Save Config]   a UI label, shown as the glossary says for the reader's Admin
 *   [!DNL Commerce]            a name that is never translated
 *   {{channel}}                a menu path of the procedure (rendered from the step schema)
 *   [words](link-id)           a link to one of the procedure's links
 *   ![alt text](icon-id)       an icon inside a sentence (one of the procedure's icons)
 *   [!BADGE Beta]              a badge; `{type=Informative tooltip="…"}` may follow
 *   `Amazon Sales Channel`     literal text the reader types
 *   _words_                    emphasis (also right next to CJK text)
 *   \_ \[ \] \{ \} \` \* \\    the character itself
 *
 * Anything else that looks like markup (`**`, `{target=…}`, `&quot;`, `<b>`, a zero-width space)
 * is an error: it would show up as stray characters on the page.
 */

export type Inline =
	| { type: 'text'; value: string }
	/** `id`: the glossary id, once the view has resolved the label in its step (see labels.ts). */
	| { type: 'control'; label: string; id?: string }
	| { type: 'name'; value: string }
	| { type: 'placeholder'; name: string }
	| { type: 'code'; value: string }
	| { type: 'emphasis'; children: Inline[] }
	| { type: 'link'; target: string; children: Inline[] }
	| { type: 'icon'; icon: string; alt: string }
	| { type: 'badge'; label: string; kind?: BadgeKind; tooltip?: string };

/** Experience League's badge types. */
export const badgeKinds = ['Informative', 'Positive', 'Negative', 'Neutral'] as const;
export type BadgeKind = (typeof badgeKinds)[number];

const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface MarkupError {
	/** Index in the text where the problem starts. */
	offset: number;
	message: string;
}

export type MarkupResult = { ok: true; nodes: Inline[] } | { ok: false; errors: MarkupError[] };

const escapable = new Set(['\\', '[', ']', '_', '{', '}', '`', '*', '!', '<', '&']);

class Parser {
	private index = 0;
	readonly errors: MarkupError[] = [];

	constructor(private readonly text: string) {}

	parse(): Inline[] {
		return this.sequence(null);
	}

	/** Parses until `closer` (`]` ends link text, `_` ends emphasis) or the end of the text. */
	private sequence(closer: ']' | '_' | null): Inline[] {
		const nodes: Inline[] = [];
		let buffer = '';
		const flush = () => {
			if (buffer) nodes.push({ type: 'text', value: buffer });
			buffer = '';
		};
		const { text } = this;
		while (this.index < text.length) {
			const start = this.index;
			const char = text[start]!;
			const rest = text.slice(start);
			if (char === closer) {
				flush();
				return nodes;
			}
			if (char === '\\' && escapable.has(text[start + 1] ?? '')) {
				buffer += text[start + 1];
				this.index += 2;
			} else if (rest.startsWith('[!UICONTROL ') || rest.startsWith('[!DNL ')) {
				flush();
				nodes.push(this.marker());
			} else if (rest.startsWith('[!BADGE ')) {
				flush();
				const badge = this.badge();
				if (badge) nodes.push(badge);
			} else if (rest.startsWith('[!')) {
				this.fail(start, `unknown marker "${rest.match(/^\[![A-Za-z]*/)![0]}": use [!UICONTROL …], [!DNL …] or [!BADGE …]`);
				this.index += 2;
			} else if (rest.startsWith('![')) {
				flush();
				const icon = this.icon();
				if (icon) nodes.push(icon);
			} else if (char === '[') {
				if (closer === ']') {
					this.fail(start, 'a link inside a link');
					this.index++;
				} else {
					flush();
					const link = this.link();
					if (link) nodes.push(link);
				}
			} else if (char === ']') {
				this.fail(start, 'a "]" that closes nothing (write \\] for the character)');
				this.index++;
			} else if (rest.startsWith('{{')) {
				flush();
				const match = rest.match(/^\{\{\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\}\}/);
				if (match) {
					nodes.push({ type: 'placeholder', name: match[1]! });
					this.index += match[0].length;
				} else {
					this.fail(start, 'a placeholder must look like {{menu-path-id}}');
					this.index += 2;
				}
			} else if (char === '{' || char === '}') {
				const block = rest.match(/^\{[^{}]*=[^{}]*\}/);
				this.fail(start, block ? `attribute block ${block[0]} would show as text: remove it (links and images get their attributes from the schema)` : `a "${char}" would show as text (write \\${char} for the character)`);
				this.index += block ? block[0].length : 1;
			} else if (char === '`') {
				flush();
				const end = text.indexOf('`', start + 1);
				if (end === -1) {
					this.fail(start, 'a "`" that is never closed');
					this.index++;
				} else {
					nodes.push({ type: 'code', value: text.slice(start + 1, end) });
					this.index = end + 1;
				}
			} else if (char === '_') {
				flush();
				this.index++;
				const children = this.sequence('_');
				if (text[this.index] === '_') {
					this.index++;
					if (children.length === 0) this.fail(start, 'empty emphasis "__"');
					else nodes.push({ type: 'emphasis', children });
				} else {
					this.fail(start, 'emphasis "_" is never closed (write \\_ for the character)');
				}
			} else if (char === '*') {
				const stars = rest.match(/^\*+/)![0];
				this.fail(start, `"${stars}" would show as text: UI labels get their style from [!UICONTROL …]; use _…_ for emphasis`);
				this.index += stars.length;
			} else if (char === '&' && /^&(#x?[0-9a-f]+|[a-z]+);/i.test(rest)) {
				const entity = rest.match(/^&(#x?[0-9a-f]+|[a-z]+);/i)![0];
				this.fail(start, `HTML entity ${entity} would show as text: type the character itself`);
				this.index += entity.length;
			} else if (char === '<' && /^<\/?[a-z]/i.test(rest)) {
				this.fail(start, 'HTML tags are not allowed in locale texts');
				this.index++;
			} else if (char === '\u200b') {
				this.fail(start, 'zero-width space (U+200B): remove it');
				this.index++;
			} else {
				buffer += char;
				this.index++;
			}
		}
		flush();
		return nodes;
	}

	private marker(): Inline {
		const start = this.index;
		const end = this.text.indexOf(']', start);
		const isControl = this.text.startsWith('[!UICONTROL ', start);
		const prefixLength = isControl ? '[!UICONTROL '.length : '[!DNL '.length;
		if (end === -1) {
			this.fail(start, `${isControl ? '[!UICONTROL' : '[!DNL'} is never closed with "]"`);
			this.index = this.text.length;
			return { type: 'text', value: '' };
		}
		const content = this.text.slice(start + prefixLength, end).trim();
		this.index = end + 1;
		if (!content) this.fail(start, 'empty marker');
		return isControl ? { type: 'control', label: content } : { type: 'name', value: content };
	}

	/** `![alt text](icon-id)`: the alt text is plain text, the target one of the procedure's icons. */
	private icon(): Inline | null {
		const start = this.index;
		const match = this.text.slice(start).match(/^!\[((?:\\.|[^\]\\])*)\]\(([^()\s]*)\)/);
		if (!match) {
			this.fail(start, 'an icon is written ![alt text](icon-id)');
			this.index += 2;
			return null;
		}
		this.index += match[0].length;
		const alt = match[1]!.replace(/\\(.)/g, '$1').trim();
		if (!slug.test(match[2]!)) this.fail(start, `icons name an icon id of the procedure, not "${match[2]}"`);
		else if (!alt) this.fail(start, 'an icon needs a text saying what it shows: ![Edit icon](icon-id)');
		else return { type: 'icon', icon: match[2]!, alt };
		return null;
	}

	/** `[!BADGE Beta]`, optionally followed by `{type=Informative tooltip="…"}`. */
	private badge(): Inline | null {
		const start = this.index;
		const end = this.text.indexOf(']', start);
		if (end === -1) {
			this.fail(start, '[!BADGE is never closed with "]"');
			this.index = this.text.length;
			return null;
		}
		const label = this.text.slice(start + '[!BADGE '.length, end).trim();
		this.index = end + 1;
		if (!label) this.fail(start, 'empty badge');
		const badge: Inline & { type: 'badge' } = { type: 'badge', label };
		const block = this.text.slice(this.index).match(/^\{([^{}]*)\}/);
		if (block) {
			this.index += block[0].length;
			const attributes = [...block[1]!.matchAll(/\s*([\w-]+)\s*=\s*(?:"([^"]*)"|(\S+))/g)];
			const rest = block[1]!.replace(/\s*([\w-]+)\s*=\s*(?:"([^"]*)"|(\S+))/g, '').trim();
			if (rest) this.fail(start, `a badge's attributes are type=… and tooltip="…", not "${rest}"`);
			for (const [, name, quoted, bare] of attributes) {
				const value = quoted ?? bare ?? '';
				if (name === 'type' && (badgeKinds as readonly string[]).includes(value)) badge.kind = value as BadgeKind;
				else if (name === 'type') this.fail(start, `a badge's type is one of ${badgeKinds.join(', ')}, not "${value}"`);
				else if (name === 'tooltip' && value.trim()) badge.tooltip = value.trim();
				else this.fail(start, `a badge's attributes are type=… and tooltip="…", not ${name}`);
			}
		}
		return label ? badge : null;
	}

	private link(): Inline | null {
		const start = this.index;
		this.index++;
		const children = this.sequence(']');
		if (this.text[this.index] !== ']') {
			this.fail(start, 'a "[" that is never closed (write \\[ for the character)');
			return null;
		}
		this.index++;
		const target = this.text.slice(this.index).match(/^\(([^()\s]*)\)/);
		if (!target) {
			this.fail(start, 'a "[…]" must be followed by (link-id)');
			return null;
		}
		this.index += target[0].length;
		if (!slug.test(target[1]!)) {
			this.fail(start, `links name a link id of the procedure, not "${target[1]}"`);
			return null;
		}
		return { type: 'link', target: target[1]!, children };
	}

	private fail(offset: number, message: string) {
		this.errors.push({ offset, message });
	}
}

// Checks, views and the search read the same texts many times over: each is parsed once.
// (Results are never changed by their readers.) Bounded, for long-running processes.
const parsedTexts = new Map<string, MarkupResult>();
const maxParsedTexts = 200_000;

export function parseMarkup(text: string): MarkupResult {
	const known = parsedTexts.get(text);
	if (known) return known;
	const parser = new Parser(text);
	const nodes = parser.parse();
	const result: MarkupResult = parser.errors.length > 0 ? { ok: false, errors: parser.errors } : { ok: true, nodes };
	if (parsedTexts.size >= maxParsedTexts) parsedTexts.clear();
	parsedTexts.set(text, result);
	return result;
}

/** Every node of a tree, depth first. */
export function* walk(nodes: readonly Inline[]): Generator<Inline> {
	for (const node of nodes) {
		yield node;
		if (node.type === 'emphasis' || node.type === 'link') yield* walk(node.children);
	}
}

/** The words of the first link to `target`, if the text has one. */
export function linkWords(nodes: readonly Inline[], target: string): string | undefined {
	for (const node of walk(nodes)) {
		if (node.type === 'link' && node.target === target) return node.children.map((child) => ('value' in child ? child.value : '')).join('');
	}
	return undefined;
}
