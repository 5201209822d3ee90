import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { jsonText } from '../importer/write';
import { locales } from '../model/locales';
import { fingerprint } from '../model/origin';

/**
 * Writes `count` procedures into the project at `root` (a scratch copy: never the project itself),
 * each a copy of Store integration in all six languages with its own id, page and title, so
 * that a build of a guide's size can be measured (`npm run bench`).
 */
export function generateProcedures(root: string, count: number): string[] {
	const read = (file: string) => readFileSync(join(root, file), 'utf8');
	const schema = read('content/procedures/store-integration.yaml');
	const ids: string[] = [];
	for (let n = 1; n <= count; n++) {
		const id = `generated-${String(n).padStart(4, '0')}`;
		ids.push(id);
		const exlId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
		writeFileSync(join(root, `content/procedures/${id}.yaml`), schema.replace('file: store-integration.md', `file: ${id}.md`).replace(/exlId: \S+/, `exlId: ${exlId}`));
		for (const locale of locales) {
			const texts = JSON.parse(read(`locales/${locale.code}/store-integration.json`)) as { title: string; description: string };
			texts.title = `${texts.title} ${n}`;
			texts.description = `${texts.description} (${n})`;
			writeFileSync(join(root, `locales/${locale.code}/${id}.json`), jsonText(texts));
			if (locale.code === 'en') continue;
			const origin = JSON.parse(read(`locales/${locale.code}/store-integration.origin.json`)) as Record<string, { source: string; hash: string }>;
			const english = JSON.parse(read('locales/en/store-integration.json')) as { title: string; description: string };
			origin.title = { ...origin.title!, source: `${english.title} ${n}`, hash: fingerprint(texts.title) };
			origin.description = { ...origin.description!, source: `${english.description} (${n})`, hash: fingerprint(texts.description) };
			writeFileSync(join(root, `locales/${locale.code}/${id}.origin.json`), jsonText(origin));
		}
	}
	return ids;
}

// npx tsx src/cli/generate-procedures.ts <scratch project root> <count>
if (import.meta.url === `file://${process.argv[1]}`) {
	const { positionals } = parseArgs({ allowPositionals: true });
	const [root, count] = positionals;
	if (!root || !count || !/^\d+$/.test(count)) {
		console.error('generate-procedures: <scratch project root> <count>');
		process.exit(2);
	}
	if (join(root) === join(process.cwd())) {
		console.error('generate-procedures: write into a copy of the project, not the project itself');
		process.exit(2);
	}
	console.log(`${generateProcedures(root, Number(count)).length} procedures written into ${root}`);
}
