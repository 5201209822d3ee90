import type { Problem } from '../model/problems';
import { parseExperienceLeague, type ExlDocument, type Located } from './experience-league';
import { convertExperienceLeagueText, linkIdOf, type ImportContext } from './import-markup';
import type { ProcedureEntry } from '../model/load-locales';
import { nextTitleMismatch } from '../translation/prose-checks';
import { shortCommit, staleSteps } from '../model/staleness';

type JsonObject = { [key: string]: unknown };

export interface ImportInput {
	/** The Experience League markdown and its path (for the report). */
	markdown: string;
	file: string;
	locale: string;
	procedure: ProcedureEntry;
	/** The procedure's English locale file: which intro paragraphs exist, and key order. */
	english: JsonObject;
	/** locales/en/glossary.json: UI control id → English label. */
	englishGlossary: Record<string, string>;
	/** The locale file as it is, if there is one: a translator's split of a garbled closing line is kept. */
	existing?: JsonObject | undefined;
}

export interface ImportResult {
	/** The locale file to write; undefined when an error means it would be half-imported. */
	data: JsonObject | undefined;
	findings: Problem[];
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const sameSet = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && a.every((item) => b.includes(item));

/**
 * Maps an Experience League page onto a procedure's locale file: numbered steps onto the step
 * schema's ids, paragraphs onto notes, bullets onto branches, markup onto ours. Every defect met
 * is reported; anything that cannot be mapped is an error and no file comes out.
 */
export function importLocale(input: ImportInput): ImportResult {
	const { procedure, locale, file } = input;
	const document: ExlDocument = parseExperienceLeague(input.markdown);
	const findings: Problem[] = [];
	const report = (severity: Problem['severity'], kind: string, line: number | undefined, key: string | undefined, message: string) =>
		findings.push({ severity, kind, file, ...(line !== undefined && { line }), locale, ...(key !== undefined && { key }), message });
	const context: ImportContext = {
		controlIds: new Map(Object.entries(input.englishGlossary).map(([id, label]) => [label, id])),
		menuPaths: procedure.data.menuPaths,
		links: Object.fromEntries(Object.entries(procedure.data.links).map(([id, link]) => [id, link.url])),
	};
	const convert = (located: Located, key: string) => {
		const converted = convertExperienceLeagueText(located.text, context);
		for (const finding of converted.findings) report(finding.severity, finding.kind, located.line, key, finding.message);
		return converted;
	};

	const { frontMatter } = document;
	const revision = frontMatter['source-git-commit'] ?? '';
	if (!procedure.data.revisions.some((candidate) => candidate.commit === revision)) {
		report('error', 'revision', 1, 'revision', `source-git-commit "${revision}" is not a revision listed in content/procedures/${procedure.id}.yaml`);
	}
	if (!document.title) report('error', 'structure', undefined, 'title', 'the page has no "# " heading');
	else if (frontMatter.title && frontMatter.title !== document.title.text) {
		report('warning', 'title', document.title.line, 'title', `the front matter title "${frontMatter.title}" differs from the heading; the heading is used`);
	}

	const introKeys = Object.keys((input.english.intro ?? {}) as JsonObject);
	if (document.intro.length !== introKeys.length) {
		report('error', 'structure', document.intro[0]?.line, 'intro', `the page has ${document.intro.length} intro paragraphs, the English file ${introKeys.length}`);
	}
	if (!document.section || document.section.lead.length !== 1) {
		report('error', 'structure', document.section?.heading.line, 'section', 'expected a "## " heading followed by one paragraph before the steps');
	}

	const schemaSteps = procedure.data.steps;
	if (document.steps.length !== schemaSteps.length) {
		report('error', 'structure', document.steps[0]?.line, 'steps', `the page has ${document.steps.length} numbered steps, the step schema ${schemaSteps.length}: steps cannot be matched to their ids`);
		return { data: undefined, findings };
	}

	const steps: JsonObject = {};
	const englishSteps = input.english.steps as Record<string, JsonObject>;
	schemaSteps.forEach((schemaStep, index) => {
		const page = document.steps[index]!;
		const key = `steps.${schemaStep.id}`;
		const step: JsonObject = {};
		const controls: string[] = [];
		const add = (located: Located, subkey: string) => {
			const converted = convert(located, `${key}.${subkey}`);
			controls.push(...converted.controls);
			return converted.text;
		};
		const expect = (what: string, found: number, wanted: number) => {
			if (found !== wanted) report('error', 'structure', page.line, key, `step ${index + 1} has ${found} ${what}, the step schema ${wanted}`);
			return found === wanted;
		};
		const parts: Record<string, () => unknown> = {
			text: () => add(page, 'text'),
			notes: () => expect('paragraphs', page.paragraphs.length, schemaStep.notes.length) && Object.fromEntries(schemaStep.notes.map((id, i) => [id, add(page.paragraphs[i]!, `notes.${id}`)])),
			branches: () => expect('bullets', page.bullets.length, schemaStep.branches.length) && Object.fromEntries(schemaStep.branches.map((id, i) => [id, add(page.bullets[i]!, `branches.${id}`)])),
			image: () => {
				const image = page.images[0];
				if (!expect('images', page.images.length, schemaStep.image ? 1 : 0) || !image) return undefined;
				if (image.text !== image.text.trim()) report('warning', 'image-spacing', image.line, `${key}.image`, `spaces inside the image text [${image.text}] (trimmed)`);
				if (!image.src.endsWith(`/${schemaStep.image}`)) report('warning', 'image', image.line, `${key}.image`, `image ${image.src} is not ${schemaStep.image} of the step schema`);
				return convert({ text: image.text.trim(), line: image.line }, `${key}.image`).text;
			},
		};
		for (const part of Object.keys(englishSteps[schemaStep.id] ?? { text: '' })) {
			const value = parts[part]?.();
			if (value) step[part] = value;
		}
		if (!sameSet(controls, schemaStep.controls)) {
			report('error', 'ui-controls', page.line, key, `step ${index + 1} names the UI controls ${[...new Set(controls)].join(', ') || 'none'}; the step schema says ${schemaStep.controls.join(', ') || 'none'}`);
		}
		steps[schemaStep.id] = step;
	});

	for (const stale of staleSteps(procedure.data, revision)) {
		const line = document.steps[schemaSteps.findIndex((step) => step.id === stale.stepId)]?.line;
		report('warning', 'stale', line, `steps.${stale.stepId}`, `translated from revision ${shortCommit(revision)}; the source changed this step in ${shortCommit(stale.changedIn)}`);
	}
	for (const line of document.unrecognized) report('warning', 'structure', line.line, undefined, `line not recognized, not imported: ${line.text}`);

	const intro = Object.fromEntries(introKeys.map((id, i) => [id, document.intro[i] ? convert(document.intro[i]!, `intro.${id}`).text : '']));
	const data: JsonObject = {
		revision,
		...(frontMatter['workflow-type'] && { workflowType: frontMatter['workflow-type'] }),
		...(frontMatter['ht-degree'] && { htDegree: frontMatter['ht-degree'] }),
		title: document.title ? convert(document.title, 'title').text : '',
		description: convert({ text: frontMatter.description ?? '', line: 1 }, 'description').text,
		intro,
		section: document.section && {
			heading: convert(document.section.heading, 'section.heading').text,
			lead: document.section.lead[0] ? convert(document.section.lead[0], 'section.lead').text : '',
		},
		steps,
	};
	if (procedure.data.next) {
		const next = importClosingLine(document.closing, procedure.data.next, input, context, report);
		if (next) {
			data.next = next;
			const mismatch = nextTitleMismatch(intro, next.link, procedure.data.next, locale);
			if (mismatch) report('warning', 'next-title', document.closing?.line, 'next.link', `${mismatch} (not repaired: a translator must choose)`);
		}
	}
	return { data: findings.some((finding) => finding.severity === 'error') ? undefined : data, findings };
}

const closingPattern = /^!\[([^\]]*)\]\(([^)\s]+)\)(?:\s*\{[^{}]*\})?\s*\[(.*)\]\(([^()\s]+)\)(.*)$/;

/**
 * The closing line: an icon and a link to the next page. Machine translation merged or split
 * their texts: text left after the link goes into it, a word glued to the link text
 * ("SuccessivaContinua") goes back to the icon, and a split a translator already made is kept.
 */
function importClosingLine(
	closing: Located | undefined,
	nextLink: string,
	input: ImportInput,
	context: ImportContext,
	report: (severity: Problem['severity'], kind: string, line: number | undefined, key: string | undefined, message: string) => void,
): { icon: string; link: string } | undefined {
	const match = closing?.text.match(closingPattern);
	if (!closing || !match) {
		report('error', 'structure', closing?.line, 'next', 'expected a closing line "![icon](…) [link text](next page)"');
		return undefined;
	}
	const plain = (text: string) => convertExperienceLeagueText(text, context).text;
	let icon = plain(match[1]!.trim());
	let link = plain(match[3]!.replace(/^\*\*(.*)\*\*$/, '$1').trim());
	const trailing = match[5]!.trim();
	if (linkIdOf(match[4]!, context.links) !== nextLink) {
		report('error', 'unknown-link', closing.line, 'next.link', `the closing link goes to ${match[4]}, not to the next page of the step schema`);
	}
	if (trailing) {
		link = `${link} ${trailing}`;
		report('warning', 'garbled-closing', closing.line, 'next.link', `text after the closing link: "${trailing}" (moved into the link)`);
	}
	const glued = link.match(/^(\S*?\p{Ll})(\p{Lu}\S*)(.*)$/u);
	if (glued) {
		icon = `${icon} ${glued[1]}`;
		link = `${glued[2]}${glued[3]}`;
		report('warning', 'garbled-closing', closing.line, 'next.link', `"${glued[1]}${glued[2]}": the icon's text runs into the link text (split: icon "${icon}", link "${link}")`);
	}
	const existing = input.existing?.next as { icon?: unknown; link?: unknown } | undefined;
	if (typeof existing?.icon === 'string' && typeof existing.link === 'string' && existing.icon !== icon && squeeze(existing.icon + existing.link) === squeeze(icon + link)) {
		report('warning', 'garbled-closing', closing.line, 'next.icon', `icon text "${icon}" and link text "${link}" run into each other (kept the existing split: "${existing.icon}" | "${existing.link}")`);
		return { icon: existing.icon, link: existing.link };
	}
	return { icon, link };
}
