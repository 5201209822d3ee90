import { normalizeIp } from './ip';

/**
 * The address of the client that sent a request, as our side can know it.
 *
 * With `trustedHops` = 0 that is the socket's peer. Behind n reverse proxies that each append
 * the address they saw to X-Forwarded-For (nginx's `$proxy_add_x_forwarded_for`, most load
 * balancers), the n-th entry from the right is the one our first proxy added about the client:
 * everything left of it was written by the client itself and proves nothing. That entry counts
 * only if it is an IP address; otherwise (a proxy that does not append, a header too short)
 * the socket's peer is the client as far as we know.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string | undefined {
	const peer = socketAddress === undefined ? undefined : normalizeIp(socketAddress);
	if (trustedHops === 0 || forwardedFor === undefined) return peer;
	// Node joins repeated X-Forwarded-For headers with ", "; an array only comes from elsewhere.
	const entries = [forwardedFor].flat().join(',').split(',');
	const entry = entries.length >= trustedHops ? entries[entries.length - trustedHops]! : '';
	return normalizeIp(entry) ?? peer;
}
