import type { IncomingMessage, RequestListener } from 'node:http';
import type { createKeyCheckHandler, KeyCheckRequest } from './key-check';
import { sendText } from './responses';

/** What the route reads of Node's request: no web Request and streams built for each check. */
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

/**
 * The key check route on our Node server, without Astro's handler around it (which builds a web
 * Request and Response, and more, for every request). The client's address is the one
 * site-server.ts determined and put into X-Forwarded-For.
 */
export function serveKeyCheck(keyCheck: ReturnType<typeof createKeyCheckHandler>): RequestListener {
	return (req, res) => {
		const forwardedFor = req.headers['x-forwarded-for'];
		keyCheck(requestView(req), typeof forwardedFor === 'string' ? forwardedFor : '')
			.then(({ status, headers, body }) => {
				res.statusCode = status;
				for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
				res.end(body);
			})
			.catch((error: unknown) => {
				console.error(`${req.method} ${req.url}: ${error instanceof Error ? error.message : 'failed'}`);
				if (res.headersSent) res.destroy();
				else sendText(res, 500, 'Internal server error.');
			});
	};
}
