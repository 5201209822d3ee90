import { adminLanguageKey } from './admin-language';
import { maxHits, toHits, unconfirmedWords, type LabelVariant, type PagefindPage, type SearchHit, type TextPart } from './search-results';
import { readStored } from './storage';

/** Texts rendered by the server (SiteSearch.astro). */
interface SearchTexts {
	/** By number of hits, from 1: "1 result", "2 results". */
	results: string[];
	noResults: string;
	loading: string;
}

/** The part of Pagefind's browser API (pagefind.js 1.6) the search uses. */
interface Pagefind {
	options(options: { noWorker?: boolean }): Promise<void>;
	/** Starts loading the index of the page's language (and its WebAssembly). */
	init(): Promise<void>;
	search(term: string): Promise<PagefindResponse>;
	debouncedSearch(term: string, options?: object, debounceMs?: number): Promise<PagefindResponse | null>;
}

interface PagefindResponse {
	results: { data(): Promise<PagefindPage> }[];
}

// Written by the build (src/cli/search-index.ts); it picks the index of <html lang>.
const pagefindScript = '/pagefind/pagefind.js';
// Pages whose sections are read per search (the best ones; each is one small file).
const pagesRead = 10;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
	pagefind ??= (import(/* @vite-ignore */ pagefindScript) as Promise<Pagefind>).then(
		async (module) => {
			// On the page, not in Pagefind's web worker: for an index this small it is as fast
			// (measured with npm run bench) and saves loading the worker's 43 kB (12 kB gzip).
			await module.options({ noWorker: true });
			await module.init();
			return module;
		},
		(error: unknown) => {
			pagefind = undefined; // so the next search tries again
			throw error;
		},
	);
	return pagefind;
}

/** Whether Pagefind found every word of the query itself, not a shorter word in its place (see unconfirmedWords). */
async function foundEveryWord(pagefind: Pagefind, query: string, pages: PagefindPage[]): Promise<boolean> {
	for (const word of unconfirmedWords(query, pages)) {
		const exact = await pagefind.search(`"${word.replace(/"/g, '')}"`);
		if (exact.results.length === 0) return false;
	}
	return true;
}

function textOf(parts: TextPart[]): DocumentFragment {
	const fragment = document.createDocumentFragment();
	for (const part of parts) {
		if (!part.mark) {
			fragment.append(part.text);
			continue;
		}
		const mark = document.createElement('mark');
		mark.textContent = part.text;
		fragment.append(mark);
	}
	return fragment;
}

/**
 * One option of the listbox: a link (so a click, a middle click or "copy link" work as usual).
 * It names its page (the procedure) only when the hits are on more than one.
 */
function hitOption(hit: SearchHit, index: number, withPage: boolean): HTMLAnchorElement {
	const option = document.createElement('a');
	option.id = `search-hit-${index}`;
	option.className = 'search-hit';
	option.href = hit.url;
	option.tabIndex = -1;
	option.setAttribute('role', 'option');
	option.setAttribute('aria-selected', 'false');
	const part = (name: string, content: string | DocumentFragment) => {
		const span = document.createElement('span');
		span.id = `${option.id}-${name}`;
		span.className = `search-hit-${name}`;
		span.append(content);
		option.append(span);
		return span.id;
	};
	const title = part('title', hit.title);
	if (withPage && hit.page !== hit.title) part('page', hit.page);
	const excerpt = part('excerpt', textOf(hit.excerpt));
	// Screen readers say the title when the option becomes active; the excerpt is its description.
	option.setAttribute('aria-labelledby', title);
	option.setAttribute('aria-describedby', excerpt);
	return option;
}

/** The UI labels the reader reads: as the page's Admin-language switch says, else as they chose before. */
function labelVariant(): LabelVariant {
	const english = document.querySelector<HTMLInputElement>('#admin-language-en');
	return (english ? english.checked : readStored(adminLanguageKey) === 'en') ? 'en' : 'local';
}

/** Keeps Tab and Shift+Tab inside the dialog (the page behind is inert, but the browser's own bar is not). */
function trapFocus(dialog: HTMLDialogElement, event: KeyboardEvent): void {
	const focusable = [...dialog.querySelectorAll<HTMLElement>('input, button, a[href]:not([tabindex="-1"])')].filter((element) => element.offsetParent !== null);
	const first = focusable[0];
	const last = focusable.at(-1);
	if (!first || !last) return;
	if (event.shiftKey && document.activeElement === first) {
		event.preventDefault();
		last.focus();
	} else if (!event.shiftKey && document.activeElement === last) {
		event.preventDefault();
		first.focus();
	}
}

function setUp(dialog: HTMLDialogElement, opener: HTMLElement): void {
	const texts = JSON.parse(dialog.dataset.texts ?? '') as SearchTexts;
	const input = dialog.querySelector<HTMLInputElement>('[role="combobox"]')!;
	const list = dialog.querySelector<HTMLElement>('[data-search-results]')!;
	const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
	const browse = dialog.querySelector<HTMLElement>('[data-search-browse]')!;
	let options: HTMLAnchorElement[] = [];
	let active = -1;
	const unavailable = dialog.dataset.unavailable ?? '';
	let searching = 0;
	let loaded = false;
	let goingToHit = false;

	// Goes to a hit. On the same page only the step in the address changes, so close first;
	// the step then gets the focus, not the search button.
	const openHit = (option: HTMLAnchorElement) => {
		goingToHit = true;
		dialog.close();
		if (option.pathname !== location.pathname) return location.assign(option.href);
		// This page: a new #step scrolls there and step-links.ts focuses it; the same one, or the
		// page's start, has no hashchange, so the focus is given here.
		if (option.hash && option.hash !== location.hash) return void (location.hash = option.hash);
		const target = option.hash ? document.getElementById(decodeURIComponent(option.hash.slice(1))) : document.getElementById('content');
		if (!option.hash) {
			history.pushState(null, '', option.pathname);
			scrollTo(0, 0);
		}
		target?.focus({ preventScroll: !option.hash });
		if (option.hash) target?.scrollIntoView();
	};

	const setActive = (index: number) => {
		options[active]?.setAttribute('aria-selected', 'false');
		active = index;
		const option = options[active];
		if (option) {
			option.setAttribute('aria-selected', 'true');
			option.scrollIntoView({ block: 'nearest' });
			input.setAttribute('aria-activedescendant', option.id);
		} else {
			input.removeAttribute('aria-activedescendant');
		}
	};
	const show = (hits: SearchHit[], message: string) => {
		const withPage = new Set(hits.map((hit) => hit.page)).size > 1;
		options = hits.map((hit, index) => hitOption(hit, index, withPage));
		list.replaceChildren(...options);
		setActive(-1);
		input.setAttribute('aria-expanded', String(hits.length > 0));
		status.textContent = message;
		list.hidden = hits.length === 0;
		list.setAttribute('aria-busy', 'false');
		browse.hidden = message !== texts.noResults;
	};

	const search = async () => {
		const query = input.value.trim();
		const current = ++searching;
		// Until the answer for this query is shown (the list may still show the last one's).
		list.setAttribute('aria-busy', 'true');
		if (query === '') return show([], '');
		if (!loaded) status.textContent = texts.loading;
		try {
			const pagefind = await loadPagefind();
			loaded = true;
			const response = await pagefind.debouncedSearch(query, {}, 120);
			if (!response || current !== searching) return;
			const pages = await Promise.all(response.results.slice(0, pagesRead).map((result) => result.data()));
			const hits = (await foundEveryWord(pagefind, query, pages)) ? toHits(pages, query, maxHits, { variant: labelVariant(), here: location.pathname }) : [];
			if (current !== searching) return;
			show(hits, hits.length > 0 ? texts.results[hits.length - 1]! : texts.noResults);
		} catch (error) {
			if (current !== searching) return;
			console.error(error);
			show([], unavailable);
		}
	};

	input.addEventListener('input', () => void search());
	input.addEventListener('keydown', (event) => {
		const last = options.length - 1;
		const moves: Record<string, number> = { ArrowDown: active < last ? active + 1 : 0, ArrowUp: active > 0 ? active - 1 : last, Home: 0, End: last };
		const move = moves[event.key];
		if (move !== undefined && options.length > 0 && (event.key.startsWith('Arrow') || active >= 0)) {
			event.preventDefault();
			setActive(move);
		} else if (event.key === 'Enter' && options.length > 0) {
			event.preventDefault();
			openHit(options[Math.max(active, 0)]!);
		}
	});
	list.addEventListener('click', (event) => {
		const option = (event.target as Element).closest<HTMLAnchorElement>('a[role="option"]');
		if (!option || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
		event.preventDefault();
		openHit(option);
	});
	list.addEventListener('mousemove', (event) => {
		const option = (event.target as Element).closest<HTMLAnchorElement>('a[role="option"]');
		if (option && options.indexOf(option) !== active) setActive(options.indexOf(option));
	});
	dialog.addEventListener('keydown', (event) => {
		if (event.key === 'Tab') trapFocus(dialog, event);
	});
	// A click on the backdrop (outside the box) closes, like Escape.
	dialog.addEventListener('click', (event) => {
		if (event.target === dialog) dialog.close();
	});
	dialog.querySelector('[data-search-close]')!.addEventListener('click', () => dialog.close());
	dialog.addEventListener('close', () => {
		// preventScroll: focusing the sticky header's button can scroll the page in Chromium.
		if (!goingToHit) opener.focus({ preventScroll: true });
		goingToHit = false;
	});

	// Load Pagefind now, so the first query does not wait for it (a failure shows when searching).
	loadPagefind().catch(() => undefined);
	if (input.value.trim() !== '') void search();
}

/**
 * Makes the search dialog search (once; search-opener.ts opens it). What was typed while this
 * loaded is searched at once.
 */
export function enableSearch(dialog: HTMLDialogElement, opener: HTMLElement): void {
	if (dialog.dataset.ready !== undefined) return;
	dialog.dataset.ready = '';
	setUp(dialog, opener);
}
