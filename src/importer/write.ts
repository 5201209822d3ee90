import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isMap, isScalar, parseDocument, visit } from 'yaml';
import type { Procedure } from '../model/procedure';
import type { Glossary, ProcedureTexts } from '../model/texts';
import { uiControlsFile } from '../model/ui-controls';

/** Leaves out what the schema fills in by itself (empty lists, `false`, level 2), so the file reads short. */
function compact(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(compact);
	if (typeof value !== 'object' || value === null) return value;
	const entries = Object.entries(value).flatMap(([key, field]) => {
		if (field === undefined || field === false || (Array.isArray(field) && field.length === 0)) return [];
		if (typeof field === 'object' && field !== null && !Array.isArray(field) && Object.keys(field).length === 0) return [];
		if (key === 'level' && field === 2) return [];
		if (key === 'english' && field === 'imported') return [];
		return [[key, compact(field)] as const];
	});
	return Object.fromEntries(entries);
}

const header = (page: string) =>
	[
		` Structure of the procedure imported from the Experience League page ${page}. Words live in locales/<lang>/.`,
		' Made by `npm run import:page`; import the page again to follow a newer revision: step ids stay.',
		' Step ids are permanent: support staff link to them. Rename one with `npm run rename-step`.',
	].join('\n');

/** The step schema as YAML: lists of plain ids on one line (`controls: [a, b]`), blocks one per line. */
export function procedureYaml(procedure: Procedure): string {
	const document = new Document(compact(procedure));
	visit(document, {
		Seq(_key, node) {
			if (node.items.every((item) => isScalar(item)) && node.items.length <= 12) node.flow = true;
		},
	});
	document.commentBefore = header(procedure.source?.file ?? 'page');
	return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function writeProcedure(root: string, id: string, procedure: Procedure, texts: ProcedureTexts): string[] {
	const files = [`content/procedures/${id}.yaml`, `locales/en/${id}.json`];
	writeFileSync(join(root, files[0]!), procedureYaml(procedure));
	writeFileSync(join(root, files[1]!), jsonText(texts));
	return files;
}

/** Adds new UI controls to the English glossary and to content/ui-controls.yaml (comments kept). */
export function addControls(root: string, controls: readonly { id: string; label: string; place: string }[]): string[] {
	if (controls.length === 0) return [];
	const glossaryFile = join(root, 'locales/en/glossary.json');
	const glossary = JSON.parse(readFileSync(glossaryFile, 'utf8')) as Glossary;
	for (const control of controls) glossary[control.id] = control.label;
	writeFileSync(glossaryFile, jsonText(glossary));
	const placesFile = join(root, uiControlsFile);
	const document = parseDocument(readFileSync(placesFile, 'utf8'));
	const map = document.get('controls', true);
	if (!isMap(map)) throw new Error(`${uiControlsFile} has no "controls" map`);
	for (const control of controls) map.set(control.id, control.place);
	writeFileSync(placesFile, document.toString({ lineWidth: 0 }));
	return ['locales/en/glossary.json', uiControlsFile];
}
