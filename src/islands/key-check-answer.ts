/** What the page shows for an answer of POST /api/key-check/ (src/server/key-check.ts). */
export interface ShownAnswer {
	/** The result block to show. */
	outcome: string;
	/** The values for the block's slots. */
	values: { hint: string; checkedAt: string; expiresAt: string; host: string };
	/** The store that was asked, if the answer names it: its host, and whether it is the demo store. */
	store?: { host: string; demo: boolean };
}

/** A time for people in the page's language, or '' for anything that is not one (never "Invalid Date"). */
export function formatTime(value: unknown, lang: string, options: Intl.DateTimeFormatOptions): string {
	if (typeof value !== 'string') return '';
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) return '';
	try {
		return date.toLocaleString(lang, options);
	} catch {
		return date.toISOString();
	}
}

const field = (data: unknown, name: string): unknown => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined);

/**
 * Reads the route's JSON answer. A status the page has no block for (a newer server, a proxy's
 * own JSON) shows the generic "failed" block rather than an empty panel.
 */
export function readAnswer(data: unknown, outcomes: readonly string[], lang: string): ShownAnswer {
	const status = field(data, 'status');
	const hint = field(data, 'keyHint');
	const store = field(data, 'store');
	const host = field(store, 'host');
	return {
		outcome: typeof status === 'string' && outcomes.includes(status) ? status : 'failed',
		values: {
			hint: typeof hint === 'string' ? hint : '',
			checkedAt: formatTime(field(data, 'checkedAt'), lang, { timeStyle: 'medium' }),
			expiresAt: formatTime(field(data, 'expiresAt'), lang, { dateStyle: 'long', timeStyle: 'short' }),
			host: typeof host === 'string' ? host : '',
		},
		...(typeof host === 'string' && { store: { host, demo: field(store, 'demo') === true } }),
	};
}
