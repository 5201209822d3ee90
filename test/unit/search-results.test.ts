import { describe, expect, it } from 'vitest';
import { cjkPhrases, excerptParts, keepLabelVariant, labelPairs, phraseExcerpt, titleInVariant, toHits, unconfirmedWords, type LabelPair, type PagefindPage, type PagefindSection, type TextPart } from '../../src/islands/search-results';

/** A Pagefind section (sub-result) as pagefind.js 1.6 returns it, with one score per matching word. */
function section(url: string, title: string, scores: number[], excerpt = '', anchorAt?: number): PagefindSection {
	return {
		url,
		title,
		excerpt,
		weighted_locations: scores.map((balanced_score, index) => ({ location: (anchorAt ?? 0) + index, balanced_score })),
		...(anchorAt !== undefined && { anchor: { element: 'h3', id: url.split('#')[1]!, location: anchorAt, text: title, title } }),
	};
}

describe('excerptParts', () => {
	it('splits Pagefind’s excerpt into marked and plain text, undoing its escaping of < and >', () => {
		expect(excerptParts('Klick <mark>Save</mark> <mark>Config.</mark> Sie &lt;können&gt;')).toEqual([
			{ text: 'Klick ', mark: false },
			{ text: 'Save', mark: true },
			{ text: ' ', mark: false },
			{ text: 'Config.', mark: true },
			{ text: ' Sie <können>', mark: false },
		]);
	});
});

describe('cjkPhrases', () => {
	it('keeps query words of two or more CJK letters, without punctuation, lower case', () => {
		expect(cjkPhrases('金鑰')).toEqual(['金鑰']);
		expect(cjkPhrases(' 產生 API金鑰。 ')).toEqual(['產生', 'api金鑰']);
	});

	it('has none for other scripts or a single character, which Pagefind already matches exactly', () => {
		expect(cjkPhrases('Save Config')).toEqual([]);
		expect(cjkPhrases('Schlüssel')).toEqual([]);
		expect(cjkPhrases('鑰')).toEqual([]);
	});
});

describe('phraseExcerpt', () => {
	it('cuts the text around the first phrase and marks every phrase in the cut', () => {
		const text = '步驟說明。'.repeat(10) + '產生並複製新金鑰後，返回瀏覽器，貼上金鑰。' + '其他說明。'.repeat(10);
		const parts = phraseExcerpt(text, ['金鑰'], 30);
		expect(parts[0]).toEqual({ text: '…', mark: false });
		expect(parts.at(-1)).toEqual({ text: '…', mark: false });
		expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['金鑰', '金鑰']);
		expect(parts.map((part) => part.text).join('').length).toBe(30 + 2);
	});

	it('does not cut a Latin word in two', () => {
		const text = `${'說明'.repeat(20)}在Commerce帳戶上產生API金鑰。然後返回Amazon Sales Channel標籤${'說明'.repeat(20)}`;
		const shown = phraseExcerpt(text, ['金鑰'], 20)
			.map((part) => part.text)
			.join('');
		expect(shown).toBe('…Commerce帳戶上產生API金鑰。然後返回Amazon…');
	});

	it('marks a phrase across a space or punctuation, as the query ignores them', () => {
		expect(phraseExcerpt('API 金鑰', ['api金鑰'])).toEqual([{ text: 'API 金鑰', mark: true }]);
	});
});

describe('toHits', () => {
	const german: PagefindPage = {
		url: '/de/amazon-api-key/',
		meta: { title: 'Amazon API-Schlüssel hinzufügen' },
		anchors: [],
		weighted_locations: [],
		sub_results: [
			section('/de/amazon-api-key/', 'Amazon API-Schlüssel hinzufügen', [300], 'den <mark>Schlüssel</mark> prüfen'),
			section('/de/amazon-api-key/#return-to-channel', 'Schritt 5: Kehren Sie zurück', [12000]),
			section('/de/amazon-api-key/#paste-key', 'Schritt 7: Kopierten Schlüssel einfügen', [12000, 12000], 'Kopierten <mark>Schlüssel</mark> einfügen', 40),
		],
	};

	it('gives one hit per section, best summed score first, titled by the step and its page', () => {
		const hits = toHits([german], 'Schlüssel einfügen', 10);
		expect(hits.map((hit) => hit.url)).toEqual(['/de/amazon-api-key/#paste-key', '/de/amazon-api-key/#return-to-channel', '/de/amazon-api-key/']);
		expect(hits[0]).toEqual({
			url: '/de/amazon-api-key/#paste-key',
			title: 'Schritt 7: Kopierten Schlüssel einfügen',
			page: 'Amazon API-Schlüssel hinzufügen',
			excerpt: [
				{ text: 'Kopierten ', mark: false },
				{ text: 'Schlüssel', mark: true },
				{ text: ' einfügen', mark: false },
			],
		});
	});

	it('puts the sections with more of the query’s words first, before a higher summed relevance', () => {
		// Words 0–6: the page's title and intro; 7–10: step 8. Pagefind weighs the title's words higher.
		const words = ['Ajout', 'de', 'la', 'clé', 'la', 'configuration', 'Amazon', 'Cliquez', 'Sauvegarder', 'la', 'configuration'];
		const french: PagefindPage = {
			url: '/fr/amazon-api-key/',
			meta: { title: 'Ajout de la clé' },
			raw_content: words.join(' '),
			anchors: [{ element: 'h3', id: 'save-config', location: 7, text: 'Cliquez', title: 'Étape 8 : Cliquez' }],
			weighted_locations: [],
			sub_results: [
				{ ...section('/fr/amazon-api-key/', 'Ajout de la clé', []), weighted_locations: [2, 4, 5].map((location) => ({ location, balanced_score: 25000 })) },
				{ ...section('/fr/amazon-api-key/#save-config', 'Étape 8 : Cliquez', [], '', 7), weighted_locations: [8, 9, 10].map((location) => ({ location, balanced_score: 12800 })) },
			],
		};
		expect(toHits([french], 'Sauvegarder la configuration', 10).map((hit) => hit.url)).toEqual(['/fr/amazon-api-key/#save-config', '/fr/amazon-api-key/']);
	});

	it('shows at most `limit` hits, the best ones', () => {
		expect(toHits([german], 'Schlüssel', 1).map((hit) => hit.url)).toEqual(['/de/amazon-api-key/#paste-key']);
	});

	// Pagefind's Chinese words, as its segmenter splits them: 金鑰 is two words (金, 鑰), 密鑰 too.
	const words = [
		['新增', '或', '驗證', 'Amazon ', 'API', '金', '鑰', '。 '],
		['步驟 ', '5 ', '產生', '並', '複製', '新', '金', '鑰', '後', '。 '],
		['貼上', '複製', '的', '密', '鑰', '。 '],
		['驗證', '您', '的', 'API', '金', '鑰', '，', '再次', '驗證', '金', '鑰', '。'],
	];
	const starts = words.map((_, index) => words.slice(0, index).flat().length);
	const ids = ['', 'return-to-channel', 'paste-key', 'verify'];
	const chinese: PagefindPage = {
		url: '/zh-tw/amazon-api-key/',
		meta: { title: '新增或驗證Amazon API金鑰' },
		raw_content: words.flat().join('\u200b'),
		weighted_locations: [],
		anchors: ids.slice(1).map((id, index) => ({ element: 'h3', id, location: starts[index + 1]!, text: id, title: `步驟：${id}` })),
		// What Pagefind returns for 金鑰 and for 香鑰 alike: every section with a 鑰 (or a 金).
		sub_results: ids.map((id, index) => section(`/zh-tw/amazon-api-key/${id ? `#${id}` : ''}`, id ? `步驟：${id}` : '新增或驗證Amazon API金鑰', [500], '', index > 0 ? starts[index] : undefined)),
	};

	it('keeps only the sections that contain a Chinese query as a phrase, most occurrences first', () => {
		const hits = toHits([chinese], '金鑰', 10);
		expect(hits.map((hit) => hit.url)).toEqual(['/zh-tw/amazon-api-key/#verify', '/zh-tw/amazon-api-key/', '/zh-tw/amazon-api-key/#return-to-channel']);
		expect(hits[0]!.title).toBe('步驟：verify');
		expect(hits[0]!.excerpt).toEqual([
			{ text: '驗證您的API', mark: false },
			{ text: '金鑰', mark: true },
			{ text: '，再次驗證', mark: false },
			{ text: '金鑰', mark: true },
			{ text: '。', mark: false },
		]);
	});

	it('shows nothing for a phrase no section contains, though Pagefind matched its characters', () => {
		expect(toHits([chinese], '香鑰', 10)).toEqual([]);
		expect(toHits([chinese], '香蕉', 10)).toEqual([]);
	});
});

describe('unconfirmedWords', () => {
	/** A page whose matching words (Pagefind's locations) are `matched`, among other words. */
	function pageMatching(matched: string[]): PagefindPage {
		const words = ['Incolla', ...matched, 'copiata'];
		return {
			url: '/it/amazon-api-key/',
			meta: {},
			raw_content: words.join(' '),
			anchors: [],
			weighted_locations: matched.map((_, index) => ({ location: index + 1, balanced_score: 200 })),
			sub_results: [],
		};
	}

	it('names the words Pagefind answered with a shorter word (a German query on the Italian page)', () => {
		expect(unconfirmedWords('Schlüssel einfügen', [pageMatching(['e', 'è', 'E'])])).toEqual(['Schlüssel', 'einfügen']);
	});

	it('confirms words that start what they matched, also typed in part, without accents or inside a compound', () => {
		expect(unconfirmedWords('Production Api key', [pageMatching(['Production', 'Api', 'key.'])])).toEqual([]);
		expect(unconfirmedWords('Konfig schlus', [pageMatching(['Store-Konfiguration', 'API-Schlüssel,'])])).toEqual([]);
	});

	it('leaves other forms of a word to the exact search ("keys" matched "key") and CJK words to the phrase check', () => {
		expect(unconfirmedWords('keys', [pageMatching(['key'])])).toEqual(['keys']);
		expect(unconfirmedWords('金鑰 key', [pageMatching(['key'])])).toEqual([]);
	});
});

describe('the UI label variant the reader reads', () => {
	const pairs: LabelPair[] = [
		['Konfiguration speichern', 'Save Config'],
		['Shops', 'Stores'],
		['Einstellungen', 'Settings'],
		['Konfiguration', 'Configuration'],
	];
	const text = (parts: TextPart[]) => parts.map((part) => (part.mark ? `[${part.text}]` : part.text)).join('');
	const excerpt = excerptParts('Klicken Sie auf Konfiguration <mark>speichern</mark> Save Config, unter Shops Stores › Einstellungen Settings › Konfiguration Configuration.');

	it('keeps the labels as the Admin shows them in the page’s language, the words found still marked', () => {
		expect(text(keepLabelVariant(excerpt, pairs, 'local'))).toBe('Klicken Sie auf Konfiguration [speichern], unter Shops › Einstellungen › Konfiguration.');
	});

	it('or in English', () => {
		expect(text(keepLabelVariant(excerpt, pairs, 'en'))).toBe('Klicken Sie auf Save Config, unter Stores › Settings › Configuration.');
	});

	it('keeps the chosen part of a label pair that the excerpt cuts off at its start or end', () => {
		// Pagefind cuts excerpts between words.
		const cut = excerptParts('speichern Save Config. Dann Shops Stores › Konfiguration speichern Save');
		expect(text(keepLabelVariant(cut, pairs, 'local'))).toBe('speichern. Dann Shops › Konfiguration speichern');
		expect(text(keepLabelVariant(cut, pairs, 'en'))).toBe('Save Config. Dann Stores › Save');
	});

	it('works on Chinese text, where the two variants may stand without a space', () => {
		const chinese: LabelPair[] = [['商店', 'Stores']];
		expect(text(keepLabelVariant([{ text: '前往商店Stores。', mark: false }], chinese, 'local'))).toBe('前往商店。');
		expect(text(keepLabelVariant([{ text: '前往商店 Stores。', mark: false }], chinese, 'en'))).toBe('前往Stores。');
	});

	it('writes a title’s labels in English when the reader reads them so', () => {
		const title = 'Schritt 8: Klicken Sie auf Konfiguration speichern.';
		expect(titleInVariant(title, pairs, 'local')).toBe(title);
		expect(titleInVariant(title, pairs, 'en')).toBe('Schritt 8: Klicken Sie auf Save Config.');
	});

	it('reads the pairs from a page’s meta, longest first, and nothing from a meta that is not ours', () => {
		const page = (labels?: string): PagefindPage => ({ url: '/de/x/', meta: { ...(labels !== undefined && { labels }) }, anchors: [], weighted_locations: [], sub_results: [] });
		expect(
			labelPairs(
				page(
					JSON.stringify([
						['Shops', 'Stores'],
						['Konfiguration speichern', 'Save Config'],
						['Same', 'Same'],
					]),
				),
			),
		).toEqual([
			['Konfiguration speichern', 'Save Config'],
			['Shops', 'Stores'],
		]);
		for (const broken of [undefined, 'not json', '{"a": 1}', '[["only one"]]', '[[1, 2]]']) expect(labelPairs(page(broken)), broken).toEqual([]);
	});
});

describe('toHits for a step number', () => {
	const stepSeven = (url: string): PagefindPage => ({
		url,
		meta: { title: url },
		anchors: [],
		weighted_locations: [],
		sub_results: [section(`${url}#step-7`, 'Schritt 7: …', [100, 100], '<mark>Schritt</mark> <mark>7</mark> …', 0)],
	});
	const words = (page: PagefindPage) => ({ ...page, raw_content: 'Schritt 7 Text' });

	it('lists the sections of the page the reader is on first among equal ones', () => {
		const pages = [words(stepSeven('/de/other/')), words(stepSeven('/de/here/'))];
		expect(toHits(pages, 'Schritt 7', 10).map((hit) => hit.url)).toEqual(['/de/other/#step-7', '/de/here/#step-7']);
		expect(toHits(pages, 'Schritt 7', 10, { here: '/de/here/' }).map((hit) => hit.url)).toEqual(['/de/here/#step-7', '/de/other/#step-7']);
	});
});
