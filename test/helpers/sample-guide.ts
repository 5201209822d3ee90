import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importEnglish, type EnglishImport } from '../../src/importer/english';
import { addControls, writeProcedure } from '../../src/importer/write';
import { loadContent } from '../../src/model/check';
import { readContent, type Content } from '../../src/model/content';
import { copyOfProjectData, projectRoot } from './project';

export const samplePages = ['listing-rule', 'store-settings', 'connect-seller-account'] as const;
export const sampleFile = (dir: string, page: string) => `test/fixtures/exl/sample-guide/${dir}/${page}.md`;

/** The guide file the sample pages belong to. */
export const sampleGuideYaml = 'title: Sample guide\nurl: https://experienceleague.adobe.com/docs/commerce-channels/sample/\n';

/** Imports one English page of the sample guide into `root` (a scratch copy) as `npm run import:page` does. */
export function importSamplePage(root: string, page: string, markdown = readFileSync(join(projectRoot, sampleFile('en', page)), 'utf8'), revision?: string): EnglishImport {
	const { content } = readContent(root);
	const earlier = content.procedures.find((procedure) => procedure.id === page);
	const texts = earlier && content.words.en.procedures[page];
	const result = importEnglish({
		markdown,
		file: sampleFile('en', page),
		id: page,
		guide: 'sample-guide',
		revision,
		earlier: earlier && texts ? { procedure: earlier, texts } : undefined,
		glossary: content.words.en.glossary,
		uiControls: content.uiControls,
		knownPages: new Set(),
	});
	if (result.procedure && result.texts) {
		writeProcedure(root, page, result.procedure, result.texts);
		addControls(root, result.newControls);
	}
	return result;
}

let imported: { root: string; content: Content; results: Record<string, EnglishImport> } | undefined;

/** A scratch copy of the project with the three English procedures of the sample guide imported. */
export function importedSampleGuide() {
	if (imported) return imported;
	const root = copyOfProjectData();
	writeFileSync(join(root, 'content/guides/sample-guide.yaml'), sampleGuideYaml);
	const results = Object.fromEntries(samplePages.map((page) => [page, importSamplePage(root, page, undefined, '1111111111111111111111111111111111111111')]));
	imported = { root, content: loadContent(root), results };
	return imported;
}
