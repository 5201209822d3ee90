import { z } from 'astro/zod';

/**
 * The store's side of the live key check (see key-status-contract.md beside this file):
 * `GET {store}/rest/V1/amazon-sales-channel/key-status` with `Authorization: Bearer <token>`.
 */
export const keyStatusPath = '/rest/V1/amazon-sales-channel/key-status';

/** What the store answers. Anything else is not an answer we understand (→ `unreachable`). */
export const keyStatusAnswerSchema = z
	.object({
		/** Whether a production API key is saved in the Services Connector configuration. */
		present: z.boolean(),
		/** What `KeyValidationInterface::execute($extension, 'production')` returned. */
		valid: z.boolean(),
		/** When the key stops (or stopped) working, if the store knows; ISO 8601 with offset. */
		expires_at: z.string().datetime({ offset: true }).nullable(),
		/** The last characters of the key (at most 4), never the key itself. */
		key_hint: z
			.string()
			.regex(/^[\x21-\x7e]{1,4}$/, 'at most 4 printable characters')
			.nullable(),
	})
	.refine((answer) => answer.present === (answer.key_hint !== null), { path: ['key_hint'], message: 'a hint exactly when a key is present' });

export type KeyStatusAnswer = z.infer<typeof keyStatusAnswerSchema>;

/** What the store says about its key. */
export const storeStatuses = ['valid', 'missing', 'invalid', 'expired'] as const;
/** What a check can find: the store's word, or why there is none. */
export const keyCheckStatuses = [...storeStatuses, 'unreachable', 'timeout'] as const;

export type StoreStatus = (typeof storeStatuses)[number];
export type KeyCheckStatus = (typeof keyCheckStatuses)[number];

/** The status an answer means at `now`: an invalid key whose expiry has passed has expired. */
export function statusOf(answer: KeyStatusAnswer, now: Date): StoreStatus {
	if (!answer.present) return 'missing';
	if (answer.valid) return 'valid';
	const expiresAt = answer.expires_at === null ? undefined : Date.parse(answer.expires_at);
	return expiresAt !== undefined && expiresAt <= now.getTime() ? 'expired' : 'invalid';
}
