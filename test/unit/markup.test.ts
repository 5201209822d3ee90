import { describe, expect, it } from 'vitest';
import { parseMarkup, walk, type Inline } from '../../src/model/markup';
import { readProcedures } from '../../src/model/content';
import { stepsOf, textKeysOf } from '../../src/model/procedure';
import { projectRoot, readJson } from '../helpers/project';
import { productNameCount, readSeed, seedLocales, uiControlLabels } from '../helpers/seeds';

function nodes(text: string): Inline[] {
	const result = parseMarkup(text);
	if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('; '));
	return result.nodes;
}

function errors(text: string): string[] {
	const result = parseMarkup(text);
	return result.ok ? [] : result.errors.map((error) => error.message);
}

describe('parseMarkup: the shapes the seed sentences take', () => {
	it('reads a UI label glued to CJK text on both sides', () => {
		expect(nodes('在[!UICONTROL Admin]側欄上，前往{{channel}}。')).toEqual([
			{ type: 'text', value: '在' },
			{ type: 'control', label: 'Admin' },
			{ type: 'text', value: '側欄上，前往' },
			{ type: 'placeholder', name: 'channel' },
			{ type: 'text', value: '。' },
		]);
	});

	it('reads a label followed by a hyphenated word and a product name before a hyphen', () => {
		expect(nodes('de [!UICONTROL API Portal]-sectie van uw [!DNL Commerce] -account')).toEqual([
			{ type: 'text', value: 'de ' },
			{ type: 'control', label: 'API Portal' },
			{ type: 'text', value: '-sectie van uw ' },
			{ type: 'name', value: 'Commerce' },
			{ type: 'text', value: ' -account' },
		]);
	});

	it('reads a link whose text holds a product name', () => {
		expect(nodes('請造訪[[!DNL Commerce] 帳戶頁面](account-login)並註冊。')).toEqual([
			{ type: 'text', value: '請造訪' },
			{
				type: 'link',
				target: 'account-login',
				children: [
					{ type: 'name', value: 'Commerce' },
					{ type: 'text', value: ' 帳戶頁面' },
				],
			},
			{ type: 'text', value: '並註冊。' },
		]);
	});

	it('reads emphasis glued to CJK text, which CommonMark would not', () => {
		expect(nodes('請重複此_添加並驗證_過程。')).toEqual([
			{ type: 'text', value: '請重複此' },
			{ type: 'emphasis', children: [{ type: 'text', value: '添加並驗證' }] },
			{ type: 'text', value: '過程。' },
		]);
	});

	it('reads code, typographic apostrophes and escapes literally', () => {
		expect(nodes('una descrizione come `Amazon Sales Channel` nell’ \\_x\\_ \\[y\\]')).toEqual([
			{ type: 'text', value: 'una descrizione come ' },
			{ type: 'code', value: 'Amazon Sales Channel' },
			{ type: 'text', value: ' nell’ _x_ [y]' },
		]);
	});

	it('lists every node, nested ones too', () => {
		const all = [...walk(nodes('_[!UICONTROL Copy]_ [a [!DNL Commerce]](b)'))].map((node) => node.type);
		expect(all).toEqual(['emphasis', 'control', 'text', 'link', 'text', 'name']);
	});
});

describe('parseMarkup: icons and badges', () => {
	it('reads an icon inside a sentence and a badge with its type and tooltip', () => {
		expect(nodes('Click the Edit (![Edit icon](icon-edit)) icon. [!BADGE Beta]{type=Informative tooltip="From 4.5 on"}')).toEqual([
			{ type: 'text', value: 'Click the Edit (' },
			{ type: 'icon', icon: 'icon-edit', alt: 'Edit icon' },
			{ type: 'text', value: ') icon. ' },
			{ type: 'badge', label: 'Beta', kind: 'Informative', tooltip: 'From 4.5 on' },
		]);
	});
});

describe('parseMarkup: markup that would leak onto the page is an error', () => {
	it.each([
		['**[!UICONTROL Sign in]**', '"**" would show as text'],
		['Klick _[!UICONTROL Sign in] um', 'emphasis "_" is never closed'],
		['[the page](https://account.magento.com/){target="_blank"}', 'links name a link id'],
		['[die Seite](account-login){Zielgruppe=&quot;_blank&quot;} und', 'attribute block'],
		['前往&#x200B;[!UICONTROL Marketing]', 'HTML entity &#x200B;'],
		['dell&#39;account', 'HTML entity &#39;'],
		['im \u200b Admin', 'zero-width space'],
		['![Icona ](assets/btn-next.png)', 'icons name an icon id of the procedure, not "assets/btn-next.png"'],
		['Click ![](icon-edit)', 'an icon needs a text'],
		['[!BADGE Beta]{type=Shiny}', "a badge's type is one of Informative, Positive, Negative, Neutral"],
		['[!BADGE Beta]{colour=red}', 'a badge\'s attributes are type=… and tooltip="…"'],
		['[!UICONTROLSave Config]', 'unknown marker "[!UICONTROLSave"'],
		['[!DNL Commerce', '[!DNL is never closed with "]"'],
		['[die Seite(account-login)', 'a "[" that is never closed'],
		['Klick <b>hier</b>', 'HTML tags are not allowed'],
		['{{ Kanal }}', 'a placeholder must look like {{menu-path-id}}'],
		['a ] b', 'a "]" that closes nothing'],
	])('%s', (text, message) => {
		expect(errors(text).join(' | ')).toContain(message);
	});

	it('says where the problem is', () => {
		const result = parseMarkup('Klick **[!UICONTROL Sign in]**');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0]!.offset).toBe(6);
	});
});

describe('locale texts and the source documents name the same things', () => {
	const [procedure] = readProcedures(projectRoot);
	const englishGlossary = readJson(projectRoot, 'locales/en/glossary.json') as Record<string, string>;
	const stepTexts = (step: unknown): string[] => (typeof step === 'string' ? [step] : Object.values(step as object).flatMap((value) => stepTexts(value)));

	/** UI labels a locale text names, with menu paths spelled out as their labels. */
	function labelsOf(text: string): string[] {
		return [...walk(nodes(text))].flatMap((node) => {
			if (node.type === 'control') return [node.label];
			if (node.type === 'placeholder') return procedure!.data.menuPaths[node.name]!.map((id) => englishGlossary[id]!);
			return [];
		});
	}

	const drawnTexts = new Set(textKeysOf(procedure!.data).flatMap((key) => (key.figure && key.role !== 'caption' ? [key.key] : [])));

	it.each(seedLocales)('%s: every step names the same UI labels and product names as the seed', (locale) => {
		const seed = readSeed(locale);
		const texts = readJson(projectRoot, `locales/${locale}/amazon-api-key.json`) as { steps: Record<string, Record<string, unknown>> };
		expect(seed.steps).toHaveLength(stepsOf(procedure!.data).length);
		stepsOf(procedure!.data).forEach((step, index) => {
			// The texts of a drawn figure are ours, not the seed's; its caption is the seed's image text.
			const { image, ...rest } = texts.steps[step.id]!;
			const words = Object.fromEntries(Object.entries(rest).filter(([name]) => !drawnTexts.has(`steps.${step.id}.${name}`)));
			const ours = stepTexts(words);
			expect(ours.flatMap(labelsOf).sort(), `${locale} step ${step.id}`).toEqual(uiControlLabels(seed.steps[index]!).sort());
			expect(
				ours.map(productNameCount).reduce((a, b) => a + b, 0),
				`${locale} step ${step.id}`,
			).toBe(productNameCount(seed.steps[index]!));
			expect(typeof image === 'string', `${locale} step ${step.id} image`).toBe(seed.steps[index]!.includes('!['));
		});
	});

	it.each(seedLocales)('%s: the raw seed text is rejected where it would leak markup', (locale) => {
		const seed = readSeed(locale);
		const found = seed.steps.flatMap((step) => errors(step));
		// Every seed uses ** around labels and at least one HTML entity or attribute block.
		expect(found.some((message) => message.includes('"**" would show as text'))).toBe(true);
		expect(found.some((message) => /HTML entity|attribute block/.test(message))).toBe(true);
	});
});
