/**
 * Turns Pagefind's results into the list the search shows: one hit per section of a page
 * (a step, or the page's start), best first, with an excerpt whose matching words are marked.
 * Pure logic, no DOM: the dialog (search-dialog.ts) renders what this returns.
 */

/** The parts of Pagefind's result data (`await result.data()` in pagefind.js 1.6) used here. */
export interface PagefindLocation {
	location: number;
	balanced_score: number;
}

export interface PagefindAnchor {
	element: string;
	id: string;
	location: number;
	text?: string;
	/** From `data-pagefind-title` (our step headings). */
	title?: string;
}

export interface PagefindSection {
	/** The anchor's title (`data-pagefind-title` of our step headings), or the page's title. */
	title: string;
	url: string;
	anchor?: PagefindAnchor;
	/** Text with the matching words in `<mark>`, and `<` `>` escaped. */
	excerpt: string;
	weighted_locations: PagefindLocation[];
}

export interface PagefindPage {
	url: string;
	/** `labels`: the page's UI labels that differ by Admin language, as JSON [local, English] pairs (Procedure.astro). */
	meta: { title?: string; labels?: string };
	/** The page's words as Pagefind counts them, `<` `>` escaped; Chinese words end in U+200B. */
	raw_content?: string;
	anchors: PagefindAnchor[];
	/** Where the page's matching words are. */
	weighted_locations: PagefindLocation[];
	sub_results: PagefindSection[];
}

export interface TextPart {
	text: string;
	mark: boolean;
}

export interface SearchHit {
	url: string;
	title: string;
	/** The title of the page the hit is on (the procedure). */
	page: string;
	excerpt: TextPart[];
}

/** Which variant of the UI labels the reader reads: as their Admin shows them (AdminLanguage.astro). */
export type LabelVariant = 'local' | 'en';

/** A UI label in the page's language and in English, where they differ. */
export type LabelPair = readonly [local: string, en: string];

/** The label pairs of a page's meta, longest first; none when the meta is missing or not ours. */
export function labelPairs(page: PagefindPage): LabelPair[] {
	try {
		const pairs: unknown = JSON.parse(page.meta.labels ?? '[]');
		if (!Array.isArray(pairs)) return [];
		return pairs
			.filter((pair): pair is [string, string] => Array.isArray(pair) && pair.length === 2 && pair.every((label) => typeof label === 'string' && label !== '') && pair[0] !== pair[1])
			.sort((a, b) => b[0].length + b[1].length - a[0].length - a[1].length);
	} catch {
		return [];
	}
}

/** A label as a pattern: its words with any spacing (or none, as in Chinese text) between them. */
const labelPattern = (label: string) => label.trim().split(/\s+/).map(escapeRegExp).join('[\\s\\u200b]*');

/**
 * The excerpt with only the label variant the reader chose. The page holds both variants of each
 * label (UiLabel.astro) and the index reads both: "Konfiguration speichern Save Config" becomes
 * "Konfiguration speichern" or "Save Config". A pair cut off by the excerpt's start or end keeps
 * the chosen variant's part too.
 */
export function keepLabelVariant(parts: TextPart[], pairs: readonly LabelPair[], variant: LabelVariant): TextPart[] {
	if (pairs.length === 0) return parts;
	const text = parts.map((part) => part.text).join('');
	const marked = parts.flatMap((part) => [...part.text].map(() => part.mark));
	const chars = [...text];
	const drop = new Set<number>();
	const between = '[\\s\\u200b]*';
	for (const [local, en] of pairs) {
		// In full, or cut off: the English words after the end of the local label at the start,
		// or the local label before the first English words at the end.
		const localWords = local.trim().split(/\s+/);
		const enWords = en.trim().split(/\s+/);
		const localTail = localWords.map((_, index) => localWords.slice(index).map(escapeRegExp).join('\\s+')).join('|');
		const enHead = enWords
			.map((_, index) =>
				enWords
					.slice(0, index + 1)
					.map(escapeRegExp)
					.join('\\s+'),
			)
			.reverse()
			.join('|');
		const pattern = new RegExp(`(${labelPattern(local)}|^(?:${localTail}))(${between})(${labelPattern(en)}|(?:${enHead})$)`, 'gu');
		// Indexes in code points, as `chars` counts them.
		const codePoints = (end: number) => [...text.slice(0, end)].length;
		for (const match of text.matchAll(pattern)) {
			const [, localPart = '', space = ''] = match;
			const start = match.index;
			const [from, to] = variant === 'local' ? [start + localPart.length, start + match[0].length] : [start, start + localPart.length + space.length];
			for (let index = codePoints(from); index < codePoints(to); index++) drop.add(index);
		}
	}
	const kept: TextPart[] = [];
	chars.forEach((char, index) => {
		if (drop.has(index)) return;
		const last = kept.at(-1);
		if (last && last.mark === marked[index]) last.text += char;
		else kept.push({ text: char, mark: marked[index]! });
	});
	return kept;
}

/** A hit's title in the chosen variant: titles name the labels in the page's language only. */
export function titleInVariant(title: string, pairs: readonly LabelPair[], variant: LabelVariant): string {
	if (variant === 'local') return title;
	return pairs.reduce((result, [local, en]) => result.replace(new RegExp(labelPattern(local), 'gu'), en), title);
}

/** The most hits the search lists (the dialog has a result count text for each number up to it). */
export const maxHits = 10;

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const ignoredInPhrases = /[\s\p{P}\u200b]/gu;
const comparable = (text: string) => text.replace(ignoredInPhrases, '').toLowerCase();
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * The query's words that must match as a whole in CJK text. Pagefind indexes Chinese per
 * character (as its segmenter splits it), so 香鑰 also matches every 鑰: each query word with
 * CJK characters and two or more letters is kept as a phrase that a hit must contain.
 */
export function cjkPhrases(query: string): string[] {
	return query
		.split(/\s+/)
		.map(comparable)
		.filter((word) => cjk.test(word) && [...word].length > 1);
}

/** Pagefind's excerpt (`<mark>` around matches, `<` `>` escaped) as plain text parts. */
export function excerptParts(excerpt: string): TextPart[] {
	return excerpt
		.split(/(<mark>.*?<\/mark>)/)
		.filter((piece) => piece !== '')
		.map((piece) => {
			const marked = piece.match(/^<mark>(.*)<\/mark>$/);
			return { text: unescape(marked ? marked[1]! : piece), mark: marked !== null };
		});
}

/** The words of a page, as Pagefind numbers them in `location`s (its own split, see build_excerpt). */
function wordsOf(page: PagefindPage): string[] {
	const content = unescape(page.raw_content ?? '');
	return content.includes('\u200b') ? content.split('\u200b') : content.split(/[^\S\uFEFF]+/);
}

/** Lower case, without accents, split at anything but letters and digits ("API-Schlüssel": api, schlussel). */
const wordParts = (word: string) =>
	word
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((part) => part !== '');

const queryWords = (query: string) => query.split(/\s+/).filter((word) => wordParts(word).length > 0);

/** The parts of the words at `locations` (where Pagefind found matches). */
const matchedParts = (words: string[], locations: PagefindLocation[]) => locations.flatMap((location) => wordParts(words[location.location] ?? ''));

/** Whether each part of `word` starts one of the matched words, as a word typed in full or in part does. */
const startsAMatch = (word: string, matched: string[]) => wordParts(word).every((part) => matched.some((match) => match.startsWith(part)));

/**
 * The query's words that no matching word of the pages starts with. Pagefind 1.6 answers a word
 * it cannot find with the longest start of it that it can (Pagefind PR #315): "einfügen" on the
 * Italian page finds every "e". A word typed in full or in part is the start of what it matches,
 * unless the match is another form of it ("keys" matches "key"): those words need Pagefind's
 * exact search, which knows the forms and does not shorten, to confirm them. CJK words are left
 * to the phrase check of toHits.
 */
export function unconfirmedWords(query: string, pages: PagefindPage[]): string[] {
	const matched = pages.flatMap((page) => matchedParts(wordsOf(page), page.weighted_locations));
	return queryWords(query).filter((word) => !cjk.test(word) && !startsAMatch(word, matched));
}

/** The section anchors Pagefind splits a page at (the same filter as its calculate_sub_results). */
function sectionStarts(page: PagefindPage): number[] {
	return page.anchors.filter((anchor) => /\S/.test(anchor.title ?? '') || (/h\d/i.test(anchor.element) && /\S/.test(anchor.text ?? ''))).map((anchor) => anchor.location);
}

/** A section's text: its words from its anchor up to the next section. */
function sectionText(page: PagefindPage, words: string[], section: PagefindSection): string {
	const start = section.anchor?.location ?? 0;
	const end = Math.min(words.length, ...sectionStarts(page).filter((location) => location > start));
	const joiner = page.raw_content?.includes('\u200b') ? '' : ' ';
	return words.slice(start, end).join(joiner).replace(/\s+/g, ' ').trim();
}

const latinWordEnd = /[\p{Script=Latin}\p{N}]+$/u;
const latinWordStart = /^[\p{Script=Latin}\p{N}]+/u;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for the phrases in displayed text, where spaces or punctuation may sit between their letters. */
function phrasePattern(phrases: string[]): RegExp {
	const between = `[\\s\\p{P}\\u200b]*`;
	return new RegExp(phrases.map((phrase) => [...phrase].map(escapeRegExp).join(between)).join('|'), 'giu');
}

/** An excerpt of about `length` characters around the first phrase in `text`, every phrase marked. */
export function phraseExcerpt(text: string, phrases: string[], length = 60): TextPart[] {
	const pattern = phrasePattern(phrases);
	const first = pattern.exec(text);
	pattern.lastIndex = 0;
	const cutAt = first ? Math.max(0, first.index - Math.floor((length - first[0].length) / 2)) : 0;
	// Not in the middle of a Latin word ("…merce帳戶" for "Commerce帳戶").
	const start = cutAt - (text.slice(0, cutAt).match(latinWordEnd)?.[0].length ?? 0);
	const cutEnd = Math.min(text.length, cutAt + length);
	const end = cutEnd + (text.slice(cutEnd).match(latinWordStart)?.[0].length ?? 0);
	const shown = text.slice(start, end);
	const parts: TextPart[] = [];
	let last = 0;
	for (const match of shown.matchAll(pattern)) {
		if (match.index > last) parts.push({ text: shown.slice(last, match.index), mark: false });
		parts.push({ text: match[0], mark: true });
		last = match.index + match[0].length;
	}
	if (last < shown.length) parts.push({ text: shown.slice(last), mark: false });
	if (start > 0) parts.unshift({ text: '…', mark: false });
	if (end < text.length) parts.push({ text: '…', mark: false });
	return parts;
}

const occurrences = (text: string, phrase: string) => comparable(text).split(phrase).length - 1;

/** What a search's hits depend on besides the query. */
export interface HitOptions {
	/** The UI labels the reader reads (default: as in the page's language). */
	variant?: LabelVariant;
	/** The path of the page the reader is on: its sections come first among equals ("Step 7" of this guide). */
	here?: string;
}

interface RankedHit extends SearchHit {
	/** How often the query's CJK phrases occur in the section (0 for other queries). */
	phraseCount: number;
	/** How many of the query's words the section has. */
	wordCount: number;
	/** Pagefind's relevance of the section's matching words, summed. */
	score: number;
	/** 1 for a section of the page the reader is on. */
	here: number;
}

/**
 * Hits for `query` from Pagefind's pages, best first, at most `limit`. Pagefind lists a page's
 * sections in page order; here the sections with more of the query's words come first ("la"
 * and "configuration" in a page's title do not beat "Sauvegarder la configuration" in step 8),
 * then those with more occurrences of the query's CJK phrases (only sections containing them
 * count), then those of the page the reader is on ("Step 7" of this guide before another's),
 * then those with the higher summed relevance of their matches. Excerpts and titles show the
 * UI labels in the variant the reader reads.
 */
export function toHits(pages: PagefindPage[], query: string, limit: number, { variant = 'local', here }: HitOptions = {}): SearchHit[] {
	const phrases = cjkPhrases(query);
	const hits: RankedHit[] = pages.flatMap((page) => {
		const words = wordsOf(page);
		const pageTitle = page.meta.title ?? page.url;
		const pairs = labelPairs(page);
		return page.sub_results.flatMap((section) => {
			const matched = matchedParts(words, section.weighted_locations);
			const base = {
				url: section.url,
				title: titleInVariant(section.title, pairs, variant),
				page: pageTitle,
				wordCount: queryWords(query).filter((word) => startsAMatch(word, matched)).length,
				score: section.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0),
				here: page.url === here ? 1 : 0,
			};
			if (phrases.length === 0) return [{ ...base, excerpt: keepLabelVariant(excerptParts(section.excerpt), pairs, variant), phraseCount: 0 }];
			const text = sectionText(page, words, section);
			const phraseCount = phrases.reduce((sum, phrase) => sum + occurrences(text, phrase), 0);
			return phraseCount > 0 ? [{ ...base, excerpt: keepLabelVariant(phraseExcerpt(text, phrases), pairs, variant), phraseCount }] : [];
		});
	});
	return hits
		.sort((a, b) => b.wordCount - a.wordCount || b.phraseCount - a.phraseCount || b.here - a.here || b.score - a.score)
		.slice(0, limit)
		.map(({ url, title, page, excerpt }) => ({ url, title, page, excerpt }));
}
