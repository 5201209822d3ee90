/** The key check's watch mode: re-checks after 2 s, 4 s, 8 s… at most 30 s apart, for 5 minutes. */
export const watchTiming = { firstDelayMs: 2_000, maxDelayMs: 30_000, minutes: 5 };
