import { pickLocale } from '../view/negotiate';
import { localePath } from '../view/urls';

/**
 * On a static host every unknown address gets the 404 page, a short link to a step its
 * procedure does not have too: this sends the reader on to that procedure's steps to choose
 * from, in the browser's language. (Our server answers such links with that page itself.)
 */
export function showStepsOfShortLink(): void {
	const known = document.querySelector<HTMLElement>('[data-procedures]')?.dataset.procedures?.split(' ') ?? [];
	const procedure = location.pathname.match(/^\/go\/([a-z0-9-]+)\//)?.[1];
	if (procedure && known.includes(procedure)) location.replace(localePath(pickLocale(navigator.languages), procedure, 'step-not-found'));
}
