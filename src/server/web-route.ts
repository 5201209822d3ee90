import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { KeyCheckRequest } from './key-check';
import { sendText } from './responses';

/** A route that reads a request as KeyCheckRequest (a web Request is one) and answers a web Response. */
export type WebRoute = (request: KeyCheckRequest, clientAddress: string) => Promise<Response>;

/** What the route reads of Node's request, without building a web Request (and its streams). */
function requestView(req: IncomingMessage): KeyCheckRequest {
	const method = req.method ?? 'GET';
	return {
		method,
		headers: {
			get(name) {
				const value = req.headers[name.toLowerCase()];
				return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
			},
		},
		body: method === 'GET' || method === 'HEAD' ? null : req,
	};
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
	res.statusCode = response.status;
	response.headers.forEach((value, name) => res.setHeader(name, value));
	res.end(await response.text());
}

/**
 * Serves a route on our Node server directly, without Astro's handler around it (which builds a
 * web Request, and more, for every request). The client's address is the one site-server.ts
 * determined and put into X-Forwarded-For.
 */
export function serveWebRoute(route: WebRoute): RequestListener {
	return (req, res) => {
		const forwardedFor = req.headers['x-forwarded-for'];
		route(requestView(req), typeof forwardedFor === 'string' ? forwardedFor : '')
			.then((response) => writeResponse(response, res))
			.catch((error: unknown) => {
				console.error(`${req.method} ${req.url}: ${error instanceof Error ? error.message : 'failed'}`);
				if (res.headersSent) res.destroy();
				else sendText(res, 500, 'Internal server error.');
			});
	};
}
