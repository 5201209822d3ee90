/**
 * Readable ids for what an import creates (steps, sections, text keys, links, menu paths), and
 * the matching that keeps them stable when a newer revision of the page is imported: a step
 * keeps its id if its text is the same or reworded, a removed step's id is never used again.
 */

const stopWords = new Set('a an the to of in on for and or your you it its is are be this that these those with from by at as if then when into onto only also can will may must was were has have not no all any each'.split(' '));

/** Lower-case ASCII words joined by hyphens, at most `max` words, little words left out. */
export function slugify(text: string, max = 4): string {
	const words = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.split(' ')
		.filter(Boolean);
	// A short name ("All Products", "Save and Apply") keeps all its words; a sentence loses its little ones.
	const significant = words.length <= max ? words : words.filter((word) => !stopWords.has(word));
	return (significant.length > 0 ? significant : words).slice(0, max).join('-');
}

/** `base`, or `base-2`, `base-3`… whichever is not taken; the id is then taken. */
export function claim(base: string, taken: Set<string>, fallback = 'text'): string {
	const root = base || fallback;
	let id = root;
	for (let n = 2; taken.has(id); n++) id = `${root}-${n}`;
	taken.add(id);
	return id;
}

const wordsOf = (text: string) =>
	new Set(
		text
			.toLowerCase()
			.split(/[^\p{L}\p{N}!]+/u)
			.filter(Boolean),
	);

/** How alike two texts are: twice the words they share over the words of both (Dice, 0 to 1). */
export function similarity(a: string, b: string): number {
	const left = wordsOf(a);
	const right = wordsOf(b);
	const common = [...left].filter((word) => right.has(word)).length;
	return (2 * common) / Math.max(1, left.size + right.size);
}

/** Reworded (not replaced) when at least this much stays. */
export const rewordedAt = 0.5;

/**
 * Which earlier entry each new one continues: the same text first, then the most alike text
 * (at least `rewordedAt`); among equals the one at the nearest place in its list (a page may
 * say "Click Save Config." three times). Each earlier entry is used once. Returns the earlier
 * ids by new index.
 */
export function matchEarlier(earlier: readonly { id: string; text: string }[], texts: readonly string[]): (string | undefined)[] {
	const place = (index: number, length: number) => (length > 1 ? index / (length - 1) : 0);
	const pairs = texts
		.flatMap((text, index) =>
			earlier.map((entry, at) => ({
				index,
				id: entry.id,
				score: entry.text === text ? 2 : similarity(text, entry.text),
				distance: Math.abs(place(index, texts.length) - place(at, earlier.length)),
			})),
		)
		.filter((pair) => pair.score >= rewordedAt)
		.sort((a, b) => b.score - a.score || a.distance - b.distance);
	const result: (string | undefined)[] = texts.map(() => undefined);
	const used = new Set<string>();
	for (const pair of pairs) {
		if (result[pair.index] || used.has(pair.id)) continue;
		result[pair.index] = pair.id;
		used.add(pair.id);
	}
	return result;
}

/**
 * A step's id from its action or its UI control: the control its verb acts on ("click Save
 * Config" → save-config, "enter the Email Address" → enter-email-address, "go to … > Amazon Sales
 * Channel" → open-amazon-sales-channel); without a control, its first words.
 */
export function stepIdFrom(sentence: readonly ({ word: string } | { control: string })[]): string {
	let verb: string | undefined;
	let distance = 0;
	let first: { verb: string | undefined; control: string } | undefined;
	// "For Product ID, choose …": the step is about the field it starts with.
	const [lead, field] = sentence;
	if (lead && 'word' in lead && /^(for|in|under)$/i.test(lead.word) && field && 'control' in field) {
		const action = sentence.find((part) => 'word' in part && (plainVerbs.has(part.word.toLowerCase()) || actionVerbs.has(part.word.toLowerCase())));
		return idOf(action && 'word' in action ? action.word.toLowerCase() : undefined, field.control);
	}
	for (const part of sentence) {
		if ('word' in part) {
			const word = part.word.toLowerCase();
			if (plainVerbs.has(word) || goVerbs.has(word) || actionVerbs.has(word)) {
				verb = word;
				distance = 0;
			} else distance++;
			continue;
		}
		const found = { verb: verb && distance <= 3 ? verb : undefined, control: part.control };
		if (found.verb) return idOf(found.verb, part.control);
		first ??= { verb: undefined, control: part.control };
	}
	if (first) return idOf(verb, first.control);
	return slugify(sentence.map((part) => ('word' in part ? part.word : part.control)).join(' '), 4);
}

function idOf(verb: string | undefined, control: string): string {
	const name = slugify(control, 5);
	if (!verb || plainVerbs.has(verb) || name.startsWith(`${verb}-`)) return name;
	return `${goVerbs.has(verb) ? 'open' : verb}-${name}`.split('-').slice(0, 5).join('-');
}

// Verbs that say nothing the control's name does not ("click Save Config" → save-config),
// verbs that go somewhere (→ open-…), and verbs that say what is done to the control.
const plainVerbs = new Set(['click', 'tap', 'press', 'select', 'choose', 'pick']);
const goVerbs = new Set(['go', 'open', 'navigate', 'return']);
const actionVerbs = new Set(['enter', 'type', 'paste', 'copy', 'expand', 'set', 'add', 'review', 'check', 'find', 'save', 'sign', 'log', 'confirm', 'accept', 'upload', 'download', 'edit', 'delete', 'remove', 'change', 'map', 'connect']);
