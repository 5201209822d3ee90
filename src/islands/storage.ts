// localStorage that never throws: private modes and blocked storage just forget.
export function readStored(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}

/** Whether the value was stored; when storage is unavailable it lasts until the page is left. */
export function writeStored(key: string, value: string): boolean {
	try {
		localStorage.setItem(key, value);
		return true;
	} catch {
		return false;
	}
}

/** Whether this page may store anything at all (false in some private modes and when blocked). */
export function canStore(): boolean {
	const probe = 'walkthroughs:probe';
	const stored = writeStored(probe, probe);
	try {
		localStorage.removeItem(probe);
	} catch {
		// Nothing was stored.
	}
	return stored;
}
