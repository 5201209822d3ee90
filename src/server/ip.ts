import { BlockList, isIP } from 'node:net';

/**
 * An IP address as text, normalized: IPv4 as is, IPv6 in lower case without a zone, and an
 * IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, what a dual-stack socket reports for an IPv4
 * client) as the IPv4 address it carries. Undefined for anything that is not an address.
 */
export function normalizeIp(text: string): string | undefined {
	const address = text.trim().replace(/%.*$/, '').toLowerCase();
	const version = isIP(address);
	if (version === 4) return address;
	if (version !== 6) return undefined;
	const groups = ipv6Groups(address);
	if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
		return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
	}
	return address;
}

/** The eight 16-bit groups of an IPv6 address that isIP() accepted (without a zone). */
function ipv6Groups(address: string): number[] {
	// A dotted IPv4 tail (`::ffff:1.2.3.4`) is two groups.
	const dotted = address.match(/^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
	const text = dotted ? `${dotted[1]}${((Number(dotted[2]) << 8) | Number(dotted[3])).toString(16)}:${((Number(dotted[4]) << 8) | Number(dotted[5])).toString(16)}` : address;
	const [head = '', tail] = text.split('::');
	const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
	const front = parse(head);
	if (tail === undefined) return front;
	const back = parse(tail);
	return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * The rate limit's key for a client: an IPv4 address itself, an IPv6 address its /64 network.
 * One IPv6 subscriber usually holds a whole /64 (often more) and could otherwise take a new
 * address for every request. Anything that is not an address is its own key.
 */
export function rateLimitKey(address: string): string {
	const normalized = normalizeIp(address);
	if (!normalized) return address;
	if (isIP(normalized) === 4) return normalized;
	return `${ipv6Groups(normalized)
		.slice(0, 4)
		.map((group) => group.toString(16))
		.join(':')}::/64`;
}

/** Whether an address (as normalizeIp gives it) is on this machine's loopback interface. */
export function isLoopback(address: string): boolean {
	const normalized = normalizeIp(address);
	if (!normalized) return false;
	return isIP(normalized) === 4 ? normalized.startsWith('127.') : ipv6Groups(normalized).every((group, index) => group === (index === 7 ? 1 : 0));
}

/** A set of networks: `10.0.0.0/8`, `2001:db8::/32`, or a single address. */
export interface NetworkList {
	/** The networks as configured, for the log. */
	readonly text: string;
	has(address: string): boolean;
}

/** Why a network is not one, or undefined when it is. */
function networkProblem(network: string): string | undefined {
	const [address = '', prefix, extra] = network.split('/');
	const version = isIP(address);
	if (!version || extra !== undefined) return `"${network}" is not an address or network such as 10.0.0.0/8 or 2001:db8::/32`;
	const max = version === 4 ? 32 : 128;
	if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= max)) return `"${network}" needs a prefix length from 0 to ${max}`;
	return undefined;
}

/**
 * Parses a comma-separated list of networks. Throws with the first entry that is not one (these
 * are network addresses, not secrets, so the message may quote them).
 */
export function parseNetworkList(text: string): NetworkList {
	const networks = text
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	if (networks.length === 0) throw new Error('must list at least one network');
	const list = new BlockList();
	for (const network of networks) {
		const problem = networkProblem(network);
		if (problem) throw new Error(problem);
		const [address = '', prefix] = network.split('/');
		const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
		list.addSubnet(address, prefix === undefined ? (type === 'ipv4' ? 32 : 128) : Number(prefix), type);
	}
	return {
		text: networks.join(','),
		has(address) {
			const normalized = normalizeIp(address);
			if (!normalized) return false;
			return list.check(normalized, isIP(normalized) === 4 ? 'ipv4' : 'ipv6');
		},
	};
}
