import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importEnglish } from '../importer/english';
import { importTranslation } from '../importer/translation';
import { readContent } from '../model/content';
import { localeByCode } from '../model/locales';

export interface ImportCost {
	page: string;
	lines: number;
	/** Median of the runs, in milliseconds. */
	ms: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time(run: () => void, runs: number): number {
	run(); // warm-up: the first run pays for loading the parser
	return median(
		Array.from({ length: runs }, () => {
			const start = performance.now();
			run();
			return performance.now() - start;
		}),
	);
}

/**
 * What importing a page costs: each English page of the sample guide (its schema and English
 * texts made from nothing) and each translation of Store integration (matched to its schema).
 */
export function measureImportCost(root: string, runs = 20): ImportCost[] {
	const { content } = readContent(root);
	const costs: ImportCost[] = [];
	const sample = join(root, 'test/fixtures/exl/sample-guide/en');
	for (const name of readdirSync(sample)
		.filter((file) => file.endsWith('.md'))
		.sort()) {
		const markdown = readFileSync(join(sample, name), 'utf8');
		const input = { markdown, file: `sample-guide/en/${name}`, id: name.replace(/\.md$/, ''), guide: 'sample-guide', glossary: content.words.en.glossary, uiControls: content.uiControls, knownPages: new Set<string>() };
		costs.push({ page: `en/${name} (English)`, lines: markdown.split('\n').length, ms: time(() => importEnglish(input), runs) });
	}
	const procedure = content.procedures.find((entry) => entry.id === 'store-integration')!;
	const pages = join(root, 'test/fixtures/exl/amazon-sales-channel');
	for (const code of readdirSync(pages)
		.filter((dir) => dir !== 'en' && localeByCode(dir))
		.sort()) {
		const markdown = readFileSync(join(pages, code, 'store-integration.md'), 'utf8');
		const input = { markdown, file: `${code}/store-integration.md`, locale: code, procedure, english: content.words.en.procedures['store-integration']!, englishGlossary: content.words.en.glossary };
		costs.push({ page: `${code}/store-integration.md (translation)`, lines: markdown.split('\n').length, ms: time(() => importTranslation(input), runs) });
	}
	return costs;
}
