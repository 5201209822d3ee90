import { z } from 'astro/zod';

/** Ids of steps, sections, links, menu paths, UI controls and text keys: lower-case words joined by hyphens. */
export const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens');
