/**
 * A value made on first use and kept: the schemas of nested blocks refer to each other (so they
 * are made lazily) but must not be made again for every block a build parses.
 */
export function madeOnce<T>(make: () => T): () => T {
	let made: { value: T } | undefined;
	return () => (made ??= { value: make() }).value;
}
