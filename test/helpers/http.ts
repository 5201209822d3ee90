import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { expect } from 'vitest';

export interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	/** The body as sent (compressed, if it was). */
	body: Buffer;
	text: string;
}

/**
 * One request with node:http, which (unlike fetch) sends any method and any Host header. A new
 * connection each time, closed after the answer.
 */
export function send(origin: string, path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(`${origin}${path}`, { method, headers: { Connection: 'close', ...headers }, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				const body = Buffer.concat(chunks);
				resolve({ status: res.statusCode!, headers: res.headers, body, text: body.toString('utf8') });
			});
		});
		req.on('error', reject);
		req.end(body);
	});
}

export interface Exchange {
	/** Everything the server sent. */
	received: string;
	/** The status line's code, if a response came. */
	status: number | undefined;
	/** Response headers, names in lower case. */
	headers: Record<string, string>;
	/** Whether the server closed the connection before `waitMs`. */
	closed: boolean;
	/** How long after the last write it closed. */
	closedAfterMs: number;
}

/**
 * Writes `parts` to a fresh connection (`pauseMs` apart), then waits up to `waitMs` for the
 * server to close it: what a slow or broken client sees.
 */
export function exchange(origin: string, parts: string[], { waitMs = 10_000, pauseMs = 0 } = {}): Promise<Exchange> {
	const { hostname, port } = new URL(origin);
	return new Promise((resolve) => {
		const socket = connect(Number(port), hostname);
		let received = '';
		let lastWrite = performance.now();
		let timer: ReturnType<typeof setTimeout> | undefined;
		const finish = (closed: boolean) => {
			clearTimeout(timer);
			socket.destroy();
			const head = received.split('\r\n\r\n')[0]!.split('\r\n');
			const headers = Object.fromEntries(
				head.slice(1).flatMap((line) => {
					const colon = line.indexOf(':');
					return colon > 0 ? [[line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]] : [];
				}),
			);
			const status = head[0]!.match(/^HTTP\/1\.[01] (\d{3})/)?.[1];
			resolve({ received, status: status ? Number(status) : undefined, headers, closed, closedAfterMs: performance.now() - lastWrite });
		};
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => (received += chunk));
		socket.on('close', () => finish(true));
		socket.on('error', () => {});
		socket.on('connect', async () => {
			for (const [index, part] of parts.entries()) {
				if (index > 0 && pauseMs > 0) await new Promise((wait) => setTimeout(wait, pauseMs));
				if (socket.destroyed) return;
				socket.write(part);
				lastWrite = performance.now();
			}
			timer = setTimeout(() => finish(false), waitMs);
		});
	});
}

/** Every answer has a Content-Type and the security headers (src/server/security-headers.ts). */
export function expectTypeAndSecurityHeaders(headers: IncomingHttpHeaders | Record<string, string>, what: string) {
	expect(headers['content-type'], what).toMatch(/^[a-z]+\/[a-z+.-]+/);
	expect(headers['content-security-policy'], what).toContain("default-src 'self'");
	expect(headers['x-content-type-options'], what).toBe('nosniff');
	expect(headers['x-frame-options'], what).toBe('DENY');
}
