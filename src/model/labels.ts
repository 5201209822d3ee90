import { madeOncePer } from './made-once';
import type { Glossary } from './texts';

// Each glossary's ids by label, made once: texts name thousands of labels per build.
const idsByLabel = madeOncePer((glossary: Glossary) => {
	const index = new Map<string, string[]>();
	for (const [id, label] of Object.entries(glossary)) index.set(label, [...(index.get(label) ?? []), id]);
	return index;
});

export type Resolved = { ok: true; id: string } | { ok: false; message: string };

/**
 * The UI control a `[!UICONTROL label]` means. Texts name controls by their English label; where
 * two controls share one (Commerce Admin's and Amazon Seller Central's "Sign in"), the controls
 * the step (or section) lists in the schema say which is meant.
 */
export function resolveControl(label: string, listed: readonly string[], englishGlossary: Glossary): Resolved {
	const candidates = idsByLabel(englishGlossary).get(label) ?? [];
	if (candidates.length === 1) return { ok: true, id: candidates[0]! };
	if (candidates.length === 0) return { ok: false, message: `unknown UI control [!UICONTROL ${label}]: the label must be one of locales/en/glossary.json` };
	const meant = candidates.filter((id) => listed.includes(id));
	if (meant.length === 1) return { ok: true, id: meant[0]! };
	return { ok: false, message: `[!UICONTROL ${label}] could be ${candidates.join(' or ')}: the step schema must list the one meant in this step's (or section's) controls` };
}
