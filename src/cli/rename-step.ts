import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { jsonText } from '../importer/write';
import { localeFile, proceduresDir, readProcedures } from '../model/content';
import { locales } from '../model/locales';
import { id as idSchema, stepsOf } from '../model/procedure';

// npm run rename-step -- <procedure> <old-id> <new-id>
// Support staff link to step ids, so a step is renamed once and on purpose: the old id stays as
// `formerly`, and links to it keep landing on the step (its anchor and its /go/ link).
const { positionals } = parseArgs({ allowPositionals: true });
const root = process.cwd();
const fail = (message: string): never => {
	console.error(`rename-step: ${message}`);
	process.exit(2);
};
const [procedureId = '', from = '', to = ''] = positionals;
if (!procedureId || !from || !to) fail('npm run rename-step -- <procedure> <old-id> <new-id>');
if (!idSchema.safeParse(to).success) fail(`"${to}" is not an id: use lower-case letters, digits and hyphens`);
const procedure = readProcedures(root).find((entry) => entry.id === procedureId) ?? fail(`no procedure "${procedureId}" in ${proceduresDir}`);
const steps = stepsOf(procedure.data);
const step = steps.find((candidate) => candidate.id === from) ?? fail(`${procedureId} has no step "${from}"`);
const taken = new Set([...steps.flatMap((candidate) => [candidate.id, ...candidate.formerly]), ...procedure.data.sections.map((section) => section.id), ...procedure.data.retiredIds]);
if (taken.has(to)) fail(`"${to}" is or was the id of a step or section of ${procedureId}: links to it would land on the wrong place`);

// The schema, comments kept: the step itself, then the places that name a step by its id.
const file = `${proceduresDir}/${procedureId}.yaml`;
const document = parseDocument(readFileSync(join(root, file), 'utf8'));
visit(document, {
	Map(_key, node) {
		if (node.get('id') !== from) return undefined;
		node.set('id', to);
		node.set('formerly', document.createNode([...step.formerly, from], { flow: true }));
		return visit.SKIP;
	},
});
const renameIn = (path: (string | number)[]) => {
	const node = document.getIn(path, true);
	if (isScalar(node) && node.value === from) node.value = to;
	if (isSeq(node)) for (const item of node.items) if (isScalar(item) && item.value === from) item.value = to;
};
renameIn(['keyCheck', 'confirms']);
const recovery = document.getIn(['keyCheck', 'recovery'], true);
if (isMap(recovery)) for (const pair of recovery.items) renameIn(['keyCheck', 'recovery', String(isScalar(pair.key) ? pair.key.value : pair.key)]);
procedure.data.revisions.forEach((_revision, index) => renameIn(['revisions', index, 'changedSteps']));
writeFileSync(join(root, file), document.toString({ lineWidth: 0, flowCollectionPadding: false }));

// Every language's texts of the step move to the new key, where they were.
const written = [file];
for (const locale of locales) {
	const texts = localeFile(locale.code, procedureId);
	if (!existsSync(join(root, texts))) continue;
	const data = JSON.parse(readFileSync(join(root, texts), 'utf8')) as { steps?: Record<string, unknown> };
	if (!data.steps || !Object.hasOwn(data.steps, from)) continue;
	data.steps = Object.fromEntries(Object.entries(data.steps).map(([key, value]) => [key === from ? to : key, value]));
	writeFileSync(join(root, texts), jsonText(data));
	written.push(texts);
}
console.log(`Renamed step ${from} to ${to} in ${written.join(', ')}.\nLinks to #${from} and /go/${procedureId}/${from}/ keep landing on it.`);
