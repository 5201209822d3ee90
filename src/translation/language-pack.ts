import { parse } from 'csv-parse/sync';
import { z } from 'astro/zod';
import type { Content } from '../model/content';
import type { Locale } from '../model/locales';
import { isEnglishOnly } from '../model/ui-controls';

/** One row of a Magento language pack: `"source","translation","module","Module_Name"`. */
export interface PackRow {
	source: string;
	translation: string;
	module: string;
	line: number;
}

const csvRecords = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }) }));

/** Reads a language pack CSV (Magento's i18n format); a row that is not four fields is refused with its line. */
export function readLanguagePack(csv: string): { rows: PackRow[]; problems: string[] } {
	const problems: string[] = [];
	const records = csvRecords.parse(parse(csv.replace(/^\ufeff/, ''), { relax_column_count: true, skip_empty_lines: true, info: true }));
	const rows = records.flatMap(({ record, info }) => {
		if (record.length < 2) {
			problems.push(`line ${info.lines}: a row needs at least "source","translation"`);
			return [];
		}
		return [{ source: record[0]!, translation: record[1]!, module: record[3] ?? record[2] ?? '', line: info.lines }];
	});
	return { rows, problems };
}

export type LabelFinding =
	| { kind: 'same'; id: string; label: string }
	| { kind: 'missing'; id: string; english: string; proposed: string; module: string }
	| { kind: 'differs'; id: string; english: string; ours: string; pack: { translation: string; module: string }[] }
	| { kind: 'not-in-pack'; id: string; english: string; ours: string | undefined };

/**
 * The glossary of a language against the product's own strings: for each UI control of the
 * Commerce Admin, what the language pack shows for its English label and what our glossary says.
 * Labels of other places (Amazon Seller Central, the English-only account site) are not the pack's.
 */
export function compareWithPack(content: Content, locale: Locale, rows: readonly PackRow[], place = 'commerce-admin'): LabelFinding[] {
	const english = content.words.en.glossary;
	const ours = content.words[locale.code].glossary;
	return Object.keys(english)
		.filter((id) => content.uiControls.controls[id] === place && !isEnglishOnly(content.uiControls, id))
		.map((id): LabelFinding => {
			const label = english[id]!;
			const own = Object.hasOwn(ours, id) ? ours[id] : undefined;
			const pack = [...new Map(rows.filter((row) => row.source === label).map((row) => [row.translation, { translation: row.translation, module: row.module }])).values()];
			if (pack.length === 0) return { kind: 'not-in-pack', id, english: label, ours: own };
			if (own === undefined) return { kind: 'missing', id, english: label, proposed: pack[0]!.translation, module: pack[0]!.module };
			if (pack.some((entry) => entry.translation === own)) return { kind: 'same', id, label: own };
			return { kind: 'differs', id, english: label, ours: own, pack };
		});
}
