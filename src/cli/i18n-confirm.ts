import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { jsonText } from '../importer/write';
import { readContent } from '../model/content';
import { localeByCode, sourceLocale } from '../model/locales';
import { fingerprint, originFile, type Origin } from '../model/origin';
import { formatProblem } from '../model/problems';
import { stringStatuses } from '../model/translation-state';
import { orderedLike } from '../translation/xliff';
import { expectedKeys } from '../model/texts';

// npm run i18n:confirm -- --lang <lang> [--procedure <id>] <key>… | --edited | --stale
// Records that a translation fits the English as it is now: after editing a string, or to say a
// stale string still fits. An edited machine translation becomes post-edited; its machine text is kept.
const { values, positionals } = parseArgs({ allowPositionals: true, options: { lang: { type: 'string' }, procedure: { type: 'string' }, edited: { type: 'boolean' }, stale: { type: 'boolean' } } });
const root = process.cwd();
const fail = (message: string): never => {
	console.error(`i18n:confirm: ${message}`);
	process.exit(2);
};
const locale = localeByCode(values.lang ?? '') ?? fail(`--lang must be one of the site's languages, not "${values.lang ?? ''}"`);
if (locale === sourceLocale) fail('English is the source: confirm a translation');
if (positionals.length === 0 && !values.edited && !values.stale) fail('which strings? name their keys (steps.log-in.text), or --edited (every string edited since recorded), or --stale (every stale string, as it is)');
const { content, problems } = readContent(root);
const errors = problems.filter((problem) => problem.severity === 'error');
if (errors.length > 0) fail(`the locale files have errors: fix them first\n${errors.map(formatProblem).join('\n')}`);
const procedures = content.procedures.filter((procedure) => !values.procedure || procedure.id === values.procedure);
if (procedures.length === 0) fail(`no procedure "${values.procedure}"`);

const confirmed: string[] = [];
const unknown = new Set(positionals);
for (const procedure of procedures) {
	const origin: Origin = { ...content.words[locale.code].origins[procedure.id] };
	let changed = false;
	for (const status of stringStatuses(content, procedure, locale)) {
		const named = positionals.includes(status.key);
		if (named) unknown.delete(status.key);
		if (!(named || (values.edited && status.edited) || (values.stale && status.stale) || (named && status.unrecorded))) continue;
		if (status.text === undefined) {
			console.error(`${procedure.id} ${status.key}: not translated: nothing to confirm`);
			continue;
		}
		const earlier = origin[status.key];
		const edited = earlier !== undefined && status.edited;
		origin[status.key] = {
			source: status.english,
			state: !earlier ? 'human' : earlier.state === 'machine' && edited ? 'post-edited' : earlier.state,
			hash: fingerprint(status.text),
			...(earlier?.machine !== undefined && { machine: earlier.machine }),
		};
		confirmed.push(`${procedure.id} ${status.key}`);
		changed = true;
	}
	if (changed) writeFileSync(join(root, originFile(locale.code, procedure.id)), jsonText(orderedLike(origin, expectedKeys(procedure.data))));
}
if (unknown.size > 0) fail(`no string ${[...unknown].join(', ')} in ${procedures.map((procedure) => procedure.id).join(', ')}`);
console.log(confirmed.length > 0 ? `Recorded against the English as it is now:\n  ${confirmed.join('\n  ')}` : 'Nothing to record.');
