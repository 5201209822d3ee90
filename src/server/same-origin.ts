/** The request headers that say where a browser request comes from. */
export interface OriginHeaders {
	origin: string | null | undefined;
	host: string | null | undefined;
	secFetchSite: string | null | undefined;
}

/**
 * Whether a state-changing request comes from a page of this very server. Browsers send
 * `Origin` with every POST and `Sec-Fetch-Site` where they support it; a request with neither
 * is not from our page, and anything from another site (a CSRF attempt) fails one of the two.
 * Compared by host, because the server may sit behind TLS it cannot see.
 */
export function isSameOrigin({ origin, host, secFetchSite }: OriginHeaders): boolean {
	if (secFetchSite && secFetchSite !== 'same-origin') return false;
	if (!origin || !host || origin === 'null') return false;
	try {
		return new URL(origin).host === host.toLowerCase();
	} catch {
		return false;
	}
}
