import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { loadContent } from '../../src/model/check';
import { createTranslator } from '../../src/view/translator';
import { projectRoot } from './project';

/** The project's content and site strings, as the build has them. */
export async function loadSite(root = projectRoot) {
	const content = loadContent(root);
	return { content, t: await createTranslator(content) };
}

type AstroComponent = Parameters<AstroContainer['renderToString']>[0];

/** Renders a component with Astro's Container API and returns a DOM to query. */
export async function render(component: AstroComponent, props: Record<string, unknown>) {
	const container = await AstroContainer.create();
	const html = await container.renderToString(component, { props });
	return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

/** What a reader sees as text: the DOM's text without CSS-hidden variants of UI labels. */
export function visibleText(element: Element, adminLanguage: 'local' | 'en' = 'local'): string {
	const clone = element.cloneNode(true) as Element;
	for (const hidden of clone.querySelectorAll(adminLanguage === 'local' ? '.ui-label-en' : '.ui-label-local')) hidden.remove();
	for (const hidden of clone.querySelectorAll('[hidden], [aria-hidden="true"], .sr-only')) hidden.remove();
	return clone.textContent ?? '';
}
