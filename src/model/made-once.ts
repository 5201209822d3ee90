/**
 * A value made on first use, then kept: for what may never be needed (a file's syntax tree,
 * asked for only to say on which line a problem is) and for schemas that refer to each other.
 */
export function madeOnce<T>(make: () => T): () => T {
	let made: { value: T } | undefined;
	return () => (made ??= { value: make() }).value;
}

/**
 * What `make` finds for an object, made the first time it is asked for that object, then kept
 * as long as the object lives: for indexes of data that is read once and never changed.
 */
export function madeOncePer<K extends object, V>(make: (key: K) => V): (key: K) => V {
	const made = new WeakMap<K, V>();
	return (key) => {
		if (!made.has(key)) made.set(key, make(key));
		return made.get(key)!;
	};
}
