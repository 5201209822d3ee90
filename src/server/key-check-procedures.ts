import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'astro/zod';
import type { ProcedureEntry } from '../model/content';
import { keyCheckSchema } from '../model/procedure';

/**
 * What the key check route needs of the procedures (which one has a key check, and its steps),
 * written beside our server's bundle at build time: the server reads no content/ at run time.
 */
export const keyCheckProceduresFile = 'key-check-procedures.json';

const keyCheckProceduresSchema = z.array(z.object({ id: z.string(), data: z.object({ keyCheck: keyCheckSchema.optional() }) }));
export type KeyCheckProcedure = z.infer<typeof keyCheckProceduresSchema>[number];

export function writeKeyCheckProcedures(file: string, procedures: readonly ProcedureEntry[]): void {
	const withCheck: KeyCheckProcedure[] = procedures.flatMap(({ id, data }) => (data.keyCheck ? [{ id, data: { keyCheck: data.keyCheck } }] : []));
	writeFileSync(file, JSON.stringify(withCheck));
}

export const readKeyCheckProcedures = (file: string): KeyCheckProcedure[] => keyCheckProceduresSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
