import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { Content, ProcedureEntry } from '../model/content';
import { localeFile } from '../model/content';
import type { Locale } from '../model/locales';
import { fingerprint, type Origin, type TranslationState } from '../model/origin';
import { stepsOf, textKeysOf } from '../model/procedure';
import { expectedKeys, procedureTextsFrom, textAt, type ProcedureTexts } from '../model/texts';
import { stringStatuses } from '../model/translation-state';
import { isEnglishOnly } from '../model/ui-controls';
import { formatDiff, wordDiff } from '../model/word-diff';

/**
 * Exchange with CAT tools in XLIFF 2.0: one file per procedure, one unit per string (its id is
 * the string's key), the English as source, the translation as target, its state on the
 * segment, and notes for context. Written and read with fast-xml-parser: the XLIFF package on
 * npm (locize's `xliff`) cannot put a state on a segment, which CAT tools need.
 */

// Our states on XLIFF 2.0's segment states; subState keeps ours exactly.
const segmentStates: Record<TranslationState, 'translated' | 'reviewed' | 'final'> = { machine: 'translated', 'post-edited': 'reviewed', human: 'final' };
const subStatePrefix = 'walkthroughs:';
const xliffNamespace = 'urn:oasis:names:tc:xliff:document:2.0';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, indentBy: '  ', suppressEmptyNode: true });
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	trimValues: false,
	parseTagValue: false,
	parseAttributeValue: false,
	isArray: (name) => ['file', 'unit', 'note', 'segment'].includes(name),
});

/** Where a string stands on the page and what to keep, for the translator. */
function notesOf(content: Content, procedure: ProcedureEntry, locale: Locale, key: string, text: string): { '@category': string; '#text': string }[] {
	const notes: { '@category': string; '#text': string }[] = [];
	const steps = stepsOf(procedure.data);
	const scope = textKeysOf(procedure.data).find((candidate) => candidate.key === key)?.scope;
	if (scope?.kind === 'step') notes.push({ '@category': 'location', '#text': `Step ${steps.findIndex((step) => step.id === scope.id) + 1} of ${steps.length} (step id ${scope.id})` });
	else if (scope?.kind === 'section') notes.push({ '@category': 'location', '#text': `Section "${scope.id}"` });
	const labels = [...text.matchAll(/\[!UICONTROL ([^\]]+)\]/g)].map((match) => match[1]!);
	if (labels.length > 0) {
		const glossary = content.words[locale.code].glossary;
		const english = content.words.en.glossary;
		const stayEnglish = labels.filter((label) => {
			const id = Object.keys(english).find((candidate) => english[candidate] === label);
			return id !== undefined && (isEnglishOnly(content.uiControls, id) || (glossary[id] ?? english[id]) === english[id]);
		});
		notes.push({
			'@category': 'format',
			'#text': `Keep each [!UICONTROL …] with its English label inside: the page shows the label of your glossary.${stayEnglish.length > 0 ? ` These stay English in your language's product: ${[...new Set(stayEnglish)].join(', ')}.` : ''}`,
		});
	}
	if (/\{\{|\]\(|\[!DNL/.test(text)) notes.push({ '@category': 'format', '#text': 'Keep {{menu-path}}, the link ids in (…) and [!DNL names] as they are.' });
	return notes;
}

/** A language's translations of every procedure as an XLIFF 2.0 document. */
export function exportXliff(content: Content, locale: Locale): string {
	const files = content.procedures.map((procedure) => {
		const statuses = new Map(stringStatuses(content, procedure, locale).map((status) => [status.key, status]));
		const units = expectedKeys(procedure.data).flatMap((key) => {
			const status = statuses.get(key);
			if (!status) return [];
			const notes = notesOf(content, procedure, locale, key, status.english);
			if (status.stale) {
				notes.push({
					'@category': 'stale',
					'#text':
						status.stale.before === null ? 'Translated from an older English text; check it against the English now.' : `The English changed since this was translated: ${formatDiff(wordDiff(status.stale.before, status.stale.after))}`,
				});
			}
			const segment: Record<string, unknown> = {
				'@state': status.text === undefined ? 'initial' : segmentStates[status.state ?? 'human'],
				...(status.text !== undefined && status.state && { '@subState': `${subStatePrefix}${status.state}` }),
				source: status.english,
				...(status.text !== undefined && { target: status.text }),
			};
			return [{ '@id': key, ...(notes.length > 0 && { notes: { note: notes } }), segment }];
		});
		return { '@id': procedure.id, '@original': localeFile(locale.code, procedure.id), unit: units };
	});
	return builder.build({ '?xml': { '@version': '1.0', '@encoding': 'UTF-8' }, xliff: { '@xmlns': xliffNamespace, '@version': '2.0', '@srcLang': 'en', '@trgLang': locale.code, file: files } });
}

export interface XliffProblem {
	/** `<procedure>` or `<procedure> <unit id>`. */
	where: string;
	message: string;
}

export interface XliffImport {
	/** Each procedure's texts and origins as they would be written (nothing when there are problems). */
	files: { procedureId: string; texts: ProcedureTexts; origin: Origin }[];
	problems: XliffProblem[];
	/** Strings whose target or state changed. */
	changed: string[];
}

interface Segment {
	'@state'?: string;
	'@subState'?: string;
	source?: unknown;
	target?: unknown;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : value === undefined ? undefined : null);

/**
 * Reads an XLIFF 2.0 document back into locale files. A target that is the text we have keeps
 * its origin as it was (so an export read back changes nothing); an edited target records the
 * English it was translated from (the unit's source) and becomes post-edited when it was the
 * machine's. What would not render is not checked here: the caller runs the checks on the result.
 */
export function importXliff(content: Content, locale: Locale, xml: string): XliffImport {
	const problems: XliffProblem[] = [];
	const changed: string[] = [];
	let document: { xliff?: { '@version'?: string; '@trgLang'?: string; file?: { '@id'?: string; unit?: { '@id'?: string; segment?: Segment[] }[] }[] } };
	try {
		document = parser.parse(xml, true) as typeof document;
	} catch (error) {
		return { files: [], changed, problems: [{ where: 'document', message: `not well-formed XML: ${(error as Error).message.split('\n')[0]}` }] };
	}
	const root = document.xliff;
	if (!root || root['@version'] !== '2.0') return { files: [], changed, problems: [{ where: 'document', message: 'not an XLIFF 2.0 document (<xliff version="2.0">)' }] };
	if (root['@trgLang'] !== locale.code) problems.push({ where: 'document', message: `the target language is ${root['@trgLang'] ?? 'missing'}, not ${locale.code}` });
	const files: XliffImport['files'] = [];
	for (const file of root.file ?? []) {
		const procedure = content.procedures.find((entry) => entry.id === file['@id']);
		if (!procedure) {
			problems.push({ where: file['@id'] ?? 'file', message: 'no procedure has this id' });
			continue;
		}
		const keys = expectedKeys(procedure.data);
		const english = content.words.en.procedures[procedure.id]!;
		const current = content.words[locale.code].procedures[procedure.id];
		const currentOrigin = content.words[locale.code].origins[procedure.id] ?? {};
		const values = new Map<string, string>();
		const origin: Origin = {};
		for (const unit of file.unit ?? []) {
			const key = unit['@id'] ?? '';
			const where = `${procedure.id} ${key}`;
			if (!keys.includes(key)) {
				problems.push({ where, message: 'no string of the procedure has this id' });
				continue;
			}
			const segment = unit.segment?.[0];
			const source = textOf(segment?.source);
			const target = textOf(segment?.target);
			if (!segment || unit.segment!.length !== 1 || source === null || target === null) {
				problems.push({ where, message: 'a unit holds one segment with a source and, if translated, a target, as plain text (no inline elements)' });
				continue;
			}
			if (target === undefined || target.trim() === '') continue;
			const englishNow = textAt(english, key)!;
			const named = segment['@subState']?.startsWith(subStatePrefix) ? segment['@subState'].slice(subStatePrefix.length) : undefined;
			const state = named === 'machine' || named === 'post-edited' || named === 'human' ? named : segment['@state'] === 'final' ? 'human' : segment['@state'] === 'reviewed' ? 'post-edited' : 'machine';
			const earlier = Object.hasOwn(currentOrigin, key) ? currentOrigin[key] : undefined;
			values.set(key, target);
			if (current && textAt(current, key) === target && earlier) {
				// Unchanged: as it was, unless the CAT tool's review changed the state.
				origin[key] = earlier.state === state ? earlier : { ...earlier, state };
				if (earlier.state !== state) changed.push(key);
				continue;
			}
			// Edited in the CAT tool: translated from the English it showed; the machine's text is kept.
			changed.push(key);
			const previous = current && textAt(current, key);
			const machine = earlier?.machine ?? (earlier?.state === 'machine' ? previous : undefined);
			origin[key] = {
				source: source ?? englishNow,
				state: earlier?.state === 'machine' && state === 'machine' ? 'post-edited' : state,
				hash: fingerprint(target),
				...(machine !== undefined && { machine }),
			};
		}
		files.push({ procedureId: procedure.id, texts: procedureTextsFrom(current?.revision ? { revision: current.revision } : {}, values, keys), origin: orderedLike(origin, keys) });
	}
	return { files: problems.length > 0 ? [] : files, problems, changed };
}

/** An origin with its keys in the order of the procedure's strings, as every tool writes it. */
export const orderedLike = (origin: Origin, keys: readonly string[]): Origin => Object.fromEntries(keys.flatMap((key) => (Object.hasOwn(origin, key) ? [[key, origin[key]!] as const] : [])));
