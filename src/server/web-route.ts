import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { sendText } from './responses';

/** A route written for web Requests (key-check.ts), and who the client is. */
export type WebRoute = (request: Request, clientAddress: string) => Promise<Response>;

function webRequest(req: IncomingMessage): Request {
	const headers = new Headers();
	for (const [name, value] of Object.entries(req.headers)) {
		for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
	}
	const method = req.method ?? 'GET';
	const hasBody = method !== 'GET' && method !== 'HEAD';
	// The URL's host is not trusted for anything: the route reads the Host header itself.
	return new Request(`http://localhost${req.url ?? '/'}`, {
		method,
		headers,
		...(hasBody && { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' }),
	});
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
	res.statusCode = response.status;
	response.headers.forEach((value, name) => res.setHeader(name, value));
	res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Serves a web route on our Node server directly, without Astro's handler around it (which
 * builds the same Request, and more, for every request). The client's address is the one
 * site-server.ts determined and put into X-Forwarded-For.
 */
export function serveWebRoute(route: WebRoute): RequestListener {
	return (req, res) => {
		const forwardedFor = req.headers['x-forwarded-for'];
		route(webRequest(req), typeof forwardedFor === 'string' ? forwardedFor : '')
			.then((response) => writeResponse(response, res))
			.catch((error: unknown) => {
				console.error(`${req.method} ${req.url}: ${error instanceof Error ? error.message : 'failed'}`);
				if (res.headersSent) res.destroy();
				else sendText(res, 500, 'Internal server error.');
			});
	};
}
