import { STATUS_CODES, type ServerResponse } from 'node:http';
import { securityHeaders } from './security-headers';

type Headers = Record<string, string>;

function send(res: ServerResponse, status: number, type: string, body: string, headers: Headers) {
	res.statusCode = status;
	res.setHeader('Content-Type', type);
	res.setHeader('Cache-Control', 'no-store');
	for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
	// Node leaves out the body of an answer to HEAD by itself.
	res.end(body);
}

/** A short plain-text answer (errors, redirects) from the server itself. */
export const sendText = (res: ServerResponse, status: number, text: string, headers: Headers = {}) => send(res, status, 'text/plain; charset=utf-8', `${text}\n`, headers);

/** A JSON answer in the key check route's shape, for requests refused before they reach it. */
export const sendJson = (res: ServerResponse, status: number, data: unknown, headers: Headers = {}) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(data), headers);

/**
 * A whole HTTP/1.1 response as text, for a socket that has no ServerResponse (a request Node
 * could not parse, or that timed out, or CONNECT). It closes the connection.
 */
export function rawResponse(status: number, text: string, headers: Headers = {}): string {
	const body = `${text}\n`;
	const all = {
		...securityHeaders,
		...headers,
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(body)),
		'Cache-Control': 'no-store',
		Connection: 'close',
	};
	const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}`);
	return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
