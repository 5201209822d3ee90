import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { madeOnce } from './made-once';
import type { Problem } from './problems';

export type KeyPath = readonly (string | number)[];

/** A parsed JSON or YAML file that can say on which line a key is. */
export interface DataFile {
	file: string;
	value: unknown;
	/** Line (1-based) of the deepest existing node along `path`. */
	lineOf(path: KeyPath): number;
}

export type ParseResult = { ok: true; data: DataFile; warnings?: Problem[] } | { ok: false; problems: Problem[] };

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	return starts;
}

function positionAt(starts: number[], offset: number): { line: number; column: number } {
	let line = 0;
	while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
	return { line: line + 1, column: offset - starts[line]! + 1 };
}

/** Strict JSON (no comments, no trailing commas); duplicate keys are errors, since one would be lost. */
export function parseJsonFile(file: string, text: string): ParseResult {
	const starts = lineStarts(text);
	const errors: ParseError[] = [];
	const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
	const problems: Problem[] = errors.map(({ error, offset }) => ({
		severity: 'error',
		kind: 'invalid-json',
		file,
		...positionAt(starts, offset),
		message: `invalid JSON: ${describeJsonError(printParseErrorCode(error))}`,
	}));
	if (!tree && problems.length === 0) {
		problems.push({ severity: 'error', kind: 'invalid-json', file, line: 1, column: 1, message: 'invalid JSON: the file is empty' });
	}
	if (tree) problems.push(...duplicateKeys(tree, file, starts));
	if (problems.length > 0 || !tree) return { ok: false, problems };
	return { ok: true, data: { file, value: JSON.parse(text), lineOf: jsonLines(text) } };
}

/**
 * Lines of a JSON file's keys. The syntax tree is made again when a line is asked for (a
 * problem to report), not kept: a site's thousands of files would hold it many times their size.
 */
function jsonLines(text: string): DataFile['lineOf'] {
	const located = madeOnce(() => ({ tree: parseTree(text)!, starts: lineStarts(text) }));
	return (path) => {
		const { tree, starts } = located();
		for (let depth = path.length; depth >= 0; depth--) {
			const node = findNodeAtLocation(tree, [...path.slice(0, depth)]);
			// A property's value node: report the line of its key.
			if (node) return positionAt(starts, node.parent?.type === 'property' ? node.parent.offset : node.offset).line;
		}
		return 1;
	};
}

function describeJsonError(code: string): string {
	const messages: Record<string, string> = {
		InvalidSymbol: 'unexpected character',
		ValueExpected: 'a value is missing',
		ColonExpected: 'a ":" is missing after a key',
		CommaExpected: 'a "," is missing between two entries',
		CloseBraceExpected: 'a "}" is missing',
		CloseBracketExpected: 'a "]" is missing',
		PropertyNameExpected: 'a key in double quotes is expected (is there a "," too many?)',
		EndOfFileExpected: 'text after the end of the JSON data',
		UnexpectedEndOfString: 'a string is not closed with "',
		UnexpectedEndOfComment: 'a comment is not closed',
		InvalidCommentToken: 'comments are not allowed',
		InvalidEscapeCharacter: 'invalid escape after "\\"',
		InvalidUnicode: 'invalid \\u escape',
		InvalidCharacter: 'invalid character in a string (a line break must be written \\n)',
	};
	return messages[code] ?? code;
}

function duplicateKeys(node: Node, file: string, starts: number[]): Problem[] {
	const problems: Problem[] = [];
	if (node.type === 'object') {
		const seen = new Set<string>();
		for (const property of node.children ?? []) {
			const key = property.children?.[0]?.value as string | undefined;
			if (key === undefined) continue;
			if (seen.has(key)) {
				problems.push({
					severity: 'error',
					kind: 'duplicate-key',
					file,
					...positionAt(starts, property.offset),
					message: `the key "${key}" appears twice in the same object; only the last one would be used`,
				});
			}
			seen.add(key);
		}
	}
	for (const child of node.children ?? []) problems.push(...duplicateKeys(child, file, starts));
	return problems;
}

export function parseYamlFile(file: string, text: string): ParseResult {
	const lineCounter = new LineCounter();
	const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
	if (document.errors.length > 0) {
		return {
			ok: false,
			problems: document.errors.map((error) => {
				const position = lineCounter.linePos(error.pos[0]);
				return {
					severity: 'error',
					kind: 'invalid-yaml',
					file,
					line: position.line,
					column: position.col,
					message: `invalid YAML: ${error.message.split('\n')[0]}`,
				};
			}),
		};
	}
	return { ok: true, data: { file, value: document.toJS(), lineOf: yamlLines(text) } };
}

/** Lines of a YAML file's keys, from a document made again when asked for (as jsonLines). */
function yamlLines(text: string): DataFile['lineOf'] {
	const located = madeOnce(() => {
		const lineCounter = new LineCounter();
		return { document: parseDocument(text, { lineCounter }), lineCounter };
	});
	return (path) => {
		const { document, lineCounter } = located();
		for (let depth = path.length; depth >= 0; depth--) {
			const node = document.getIn(path.slice(0, depth), true);
			if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
		}
		return 1;
	};
}

/** Parses by file extension. */
export function parseDataFile(file: string, text: string): ParseResult {
	return file.endsWith('.json') ? parseJsonFile(file, text) : parseYamlFile(file, text);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Offset of the first byte that is not valid UTF-8 (by decoding ever longer prefixes' line by line). */
function firstInvalidByte(bytes: Uint8Array): number {
	let start = 0;
	while (start < bytes.length) {
		let end = bytes.indexOf(0x0a, start);
		end = end === -1 ? bytes.length : end + 1;
		try {
			utf8.decode(bytes.subarray(start, end));
		} catch {
			return start;
		}
		start = end;
	}
	return bytes.length;
}

/**
 * The text of a data file, which must be UTF-8: a file saved in another encoding (Windows-1252)
 * would otherwise show "\ufffd" on the page. A byte order mark is removed with a warning.
 */
export function decodeDataFile(file: string, bytes: Uint8Array): { text?: string; problems: Problem[] } {
	const problems: Problem[] = [];
	let body = bytes;
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		problems.push({ severity: 'warning', kind: 'bom', file, line: 1, message: 'the file starts with a UTF-8 byte order mark (BOM): it was ignored; save the file as UTF-8 without BOM' });
		body = bytes.subarray(3);
	}
	try {
		return { text: utf8.decode(body), problems };
	} catch {
		const offset = firstInvalidByte(body);
		const line = body.subarray(0, offset).reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
		problems.push({ severity: 'error', kind: 'encoding', file, line, message: 'the file is not valid UTF-8 (saved as Windows-1252 or Latin-1?): save it as UTF-8' });
		return { problems };
	}
}

/** Reads and parses a data file: encoding, syntax and duplicate keys are checked here. */
export function readDataFile(root: string, file: string): ParseResult {
	const decoded = decodeDataFile(file, readFileSync(join(root, file)));
	if (decoded.text === undefined) return { ok: false, problems: decoded.problems };
	const parsed = parseDataFile(file, decoded.text);
	return parsed.ok ? { ...parsed, warnings: decoded.problems } : { ok: false, problems: [...decoded.problems, ...parsed.problems] };
}
