import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { ServerConfig } from './config';
import { isLoopback } from './ip';

/** Who may ask for the key check, and who is told the key's last characters. */
export interface KeyCheckAccess {
	/** Whether the Host header names this site (see createKeyCheckAccess). */
	hostAllowed(host: string | null): boolean;
	/** Whether the client's network is on the allow-list (always, without one). */
	networkAllowed(address: string): boolean;
	/** Whether the Authorization header holds the configured credentials (always, without any). */
	authorized(authorization: string | null): boolean;
	/** The WWW-Authenticate challenge, when credentials are configured. */
	challenge: string | undefined;
	/**
	 * Whether answers may include the key's last four characters: only to people the server
	 * knows may see them, because access control is configured (and was passed), or because the
	 * server is reachable from this machine only.
	 */
	showsKeyHint: boolean;
}

export type AccessConfig = Pick<ServerConfig, 'host' | 'siteUrl' | 'trustProxyHops'> & Pick<ServerConfig['keyCheck'], 'credentials' | 'allow'>;

/**
 * Whether everyone who can reach the server is on this machine: it listens on loopback only
 * and no proxy forwards to it (a proxy on the same machine would bring the internet along).
 */
export function isLocalOnly({ host, trustProxyHops }: Pick<ServerConfig, 'host' | 'trustProxyHops'>): boolean {
	return trustProxyHops === 0 && (host === 'localhost' || (isIP(host) !== 0 && isLoopback(host)));
}

const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header (`Example.com:4321` → `example.com`, `[::1]:80` → `[::1]`). */
function hostNameOf(host: string): string | undefined {
	try {
		return new URL(`http://${host}`).hostname;
	} catch {
		return undefined;
	}
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function basicAuthCheck(credentials: { user: string; password: string }) {
	// Hashes have one length whatever was sent, so timingSafeEqual compares in constant time.
	const expected = sha256(`${credentials.user}:${credentials.password}`);
	return (authorization: string | null) => {
		const token = authorization?.match(/^Basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i)?.[1];
		if (!token) return false;
		return timingSafeEqual(sha256(Buffer.from(token, 'base64').toString('utf8')), expected);
	};
}

/**
 * The key check's access rules:
 * - Host: when SITE_URL is set, its host name; when the server is local only, also the
 *   loopback names. A page that rebinds its own DNS name to this server (DNS rebinding) sends
 *   its own name, so it is refused. Without either, any Host (a deployment should set SITE_URL).
 * - Network (KEY_CHECK_ALLOW) and HTTP basic auth (KEY_CHECK_AUTH), each only when configured.
 */
export function createKeyCheckAccess(config: AccessConfig): KeyCheckAccess {
	const { allow } = config;
	const localOnly = isLocalOnly(config);
	const names = new Set([...(config.siteUrl ? [config.siteUrl.hostname] : []), ...(localOnly ? loopbackNames : [])]);
	const checkAuth = config.credentials && basicAuthCheck(config.credentials);
	return {
		hostAllowed: (host) => {
			if (names.size === 0) return true;
			const name = host === null ? undefined : hostNameOf(host);
			return name !== undefined && names.has(name);
		},
		networkAllowed: (address) => !allow || allow.has(address),
		authorized: (authorization) => !checkAuth || checkAuth(authorization),
		challenge: checkAuth && 'Basic realm="Key check", charset="UTF-8"',
		showsKeyHint: Boolean(checkAuth || allow) || localOnly,
	};
}
