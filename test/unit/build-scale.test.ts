import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { routeCosts, scratchProject } from '../../src/cli/build-cost';
import { benchSizes } from '../../src/cli/build-scale';
import { generateProcedures } from '../../src/cli/generate-procedures';
import { loadContent } from '../../src/model/check';
import { lintLocales } from '../../src/translation/lint-locales';
import { projectRoot } from '../helpers/project';

describe('generated procedures for the build at scale', () => {
	const scratch = scratchProject(projectRoot);
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));

	it('are procedures of their own in all six languages that pass every check', () => {
		const ids = generateProcedures(scratch, 3);
		expect(ids).toEqual(['generated-0001', 'generated-0002', 'generated-0003']);
		const content = loadContent(scratch);
		const generated = content.procedures.filter((procedure) => ids.includes(procedure.id));
		expect(generated).toHaveLength(3);
		expect(new Set(generated.map((procedure) => procedure.data.source?.exlId)).size).toBe(3);
		expect(content.words['de'].procedures['generated-0002']?.title).toMatch(/ 2$/);
		expect(lintLocales(scratch).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
	});
});

describe('bench sizes and route costs', () => {
	it('builds the real site first, then 100 and 1,000 procedures unless told otherwise', () => {
		expect(benchSizes({})).toEqual([0, 100, 1000]);
		expect(benchSizes({ BENCH_PROCEDURES: '10, 50' })).toEqual([0, 10, 50]);
		expect(() => benchSizes({ BENCH_PROCEDURES: '10,lots' })).toThrow(/BENCH_PROCEDURES.*"10,lots"/);
	});

	it("sums Astro's time per page under the route that heads it", () => {
		const log = [
			'17:00:01 ▶ src/pages/[lang]/[procedure].astro',
			'17:00:01   ├─ /en/a/index.html (+12ms)',
			'17:00:01   └─ /de/a/index.html (+1.50s)',
			'17:00:02 ▶ src/pages/go/[procedure]/[step].astro',
			'17:00:02   └─ /go/a/b/index.html (+3ms)',
		].join('\n');
		expect(routeCosts(log)).toEqual({
			'src/pages/[lang]/[procedure].astro': { pages: 2, ms: 1512 },
			'src/pages/go/[procedure]/[step].astro': { pages: 1, ms: 3 },
		});
	});
});
