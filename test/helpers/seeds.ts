import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project';

export const seedLocales = ['zh-TW', 'de', 'it', 'fr', 'nl'] as const;

export interface Seed {
	frontMatter: Record<string, string>;
	/** The intro paragraphs before the first `##` heading. */
	intro: string[];
	/** The text of each numbered step, sub-paragraphs and bullets included. */
	steps: string[];
	/** The line after the steps (icon and link to the next page). */
	closing: string;
}

/** A seed split the simple way: enough to compare its markers with our locale files. */
export function readSeed(locale: string): Seed {
	const text = readFileSync(join(projectRoot, 'test/fixtures/seeds', `${locale}.md`), 'utf8');
	const [, head = '', body = ''] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
	const frontMatter = Object.fromEntries(
		head
			.split('\n')
			.map((line) => line.match(/^([\w-]+):\s*'?(.*?)'?$/))
			.filter((match): match is RegExpMatchArray => match !== null)
			.map((match) => [match[1]!, match[2]!]),
	);
	const lines = body.split('\n');
	const firstHeading = lines.findIndex((line) => line.startsWith('## '));
	const intro = lines.slice(0, firstHeading).filter((line) => line.trim() && !line.startsWith('# '));
	const steps: string[] = [];
	let closing = '';
	for (const line of lines.slice(firstHeading + 1)) {
		if (line.startsWith('1. ')) steps.push(line);
		else if (line.startsWith('![')) closing = line;
		else if (steps.length > 0 && line.trim()) steps[steps.length - 1] += `\n${line}`;
	}
	return { frontMatter, intro, steps, closing };
}

/** The labels of every `[!UICONTROL …]` in a text, in order. */
export const uiControlLabels = (text: string) => [...text.matchAll(/\[!UICONTROL ([^\]]+)\]/g)].map((match) => match[1]!);

/** How many `[!DNL …]` a text has. */
export const productNameCount = (text: string) => [...text.matchAll(/\[!DNL [^\]]+\]/g)].length;
