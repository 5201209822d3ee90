import type { ServerResponse } from 'node:http';

/** Only our own scripts, styles and connections; no inline code, no framing, no plugins. */
export const securityHeaders: Record<string, string> = {
	'Content-Security-Policy': [
		"default-src 'self'",
		// 'wasm-unsafe-eval': the search (Pagefind) compiles its WebAssembly module from our own
		// file. It allows WebAssembly compilation only, not eval() or inline scripts.
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self'",
		"img-src 'self' data:",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	].join('; '),
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export function setSecurityHeaders(res: ServerResponse): void {
	for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
}
