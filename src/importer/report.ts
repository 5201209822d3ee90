import type { Problem } from '../model/problems';

/** Something the importer met on one line of the page: repaired (warning) or refused (error). */
export interface Finding {
	/** `note`: worth knowing, nothing wrong (a new UI control, a new step). */
	severity: Problem['severity'] | 'note';
	kind: string;
	line: number;
	/** The locale key the line went to, when it has one. */
	key?: string;
	message: string;
}

/** What became of one line of the page. */
export type LineFate = { kind: 'front-matter' } | { kind: 'text'; keys: string[] } | { kind: 'markup'; what: string } | { kind: 'blank' };

/**
 * Accounts for every line of an imported page: which key its text went to, or which markup it
 * was (a callout's marker, a table's rule), so nothing can be dropped without the report saying so.
 */
export class LineAccount {
	private readonly fates = new Map<number, LineFate>();

	constructor(private readonly lines: readonly string[]) {}

	/** Lines `from`–`to` hold the text of `key` (a text may share a line with others: a table row). */
	text(from: number, to: number, key: string) {
		for (let line = from; line <= to; line++) {
			const fate = this.fates.get(line);
			if (fate?.kind === 'text') {
				if (!fate.keys.includes(key)) fate.keys.push(key);
			} else this.fates.set(line, { kind: 'text', keys: [key] });
		}
	}

	/** Lines `from`–`to` are markup that carries no text of their own (unless a text claims them). */
	markup(from: number, to: number, what: string) {
		for (let line = from; line <= to; line++) if (!this.fates.has(line)) this.fates.set(line, { kind: 'markup', what });
	}

	frontMatter(from: number, to: number) {
		for (let line = from; line <= to; line++) this.fates.set(line, { kind: 'front-matter' });
	}

	/** Every line's fate; a line nobody claimed that has words on it is a finding: it would be lost. */
	settle(findings: Finding[]): LineFate[] {
		return this.lines.map((text, index) => {
			const line = index + 1;
			const fate = this.fates.get(line);
			if (fate) return fate;
			if (/^[\s>]*$/.test(text)) return { kind: 'blank' };
			findings.push({ severity: 'error', kind: 'not-imported', line, message: `this line was not imported: "${text.trim()}"` });
			return { kind: 'markup', what: 'not imported' };
		});
	}
}

export interface ImportReport {
	file: string;
	findings: Finding[];
	lines: LineFate[];
}

/** The report as people read it: every line (ranges of the same fate joined) and what happened to it. */
export function formatReport(report: ImportReport): string[] {
	const byLine = new Map<number, Finding[]>();
	for (const finding of report.findings) byLine.set(finding.line, [...(byLine.get(finding.line) ?? []), finding]);
	const describe = (fate: LineFate) => (fate.kind === 'front-matter' ? 'front matter' : fate.kind === 'text' ? fate.keys.join(', ') : fate.kind === 'markup' ? fate.what : '');
	const out: string[] = [];
	let start = 0;
	for (let index = 0; index < report.lines.length; index++) {
		const fate = report.lines[index]!;
		const next = report.lines[index + 1];
		const line = index + 1;
		const joinable = next && !byLine.has(line) && !byLine.has(line + 1) && describe(next) === describe(fate) && next.kind === fate.kind;
		if (joinable) continue;
		const from = start + 1;
		start = index + 1;
		if (fate.kind === 'blank') continue;
		const range = from === line ? `${line}` : `${from}-${line}`;
		const findings = byLine.get(line) ?? [];
		const status = findings.some((finding) => finding.severity === 'error')
			? 'refused'
			: findings.some((finding) => finding.severity === 'warning')
				? 'repaired'
				: fate.kind === 'text'
					? 'imported'
					: fate.kind === 'front-matter'
						? 'read'
						: 'markup';
		out.push(`${range.padStart(7)}  ${status.padEnd(8)}  ${describe(fate)}`);
		for (const finding of findings) out.push(`${''.padStart(7)}  ${''.padEnd(8)}  ${finding.severity}: ${finding.message}`);
	}
	return out;
}
