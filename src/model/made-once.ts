/**
 * A value made on first use, then kept: for what may never be needed (a file's syntax tree,
 * asked for only to say on which line a problem is) and for schemas that refer to each other.
 */
export function madeOnce<T>(make: () => T): () => T {
	let made: { value: T } | undefined;
	return () => (made ??= { value: make() }).value;
}
