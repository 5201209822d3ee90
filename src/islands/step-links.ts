import { announce } from './announce';

async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}

/**
 * Deep links: the step title in the address gets the focus (the :target style highlights the
 * step). Step titles are focusable (tabindex -1), so Chromium does this by itself; this covers
 * browsers that only scroll.
 */
function focusLinkedStep(): void {
	const id = decodeURIComponent(location.hash.slice(1));
	const title = id ? document.getElementById(id) : null;
	if (title?.closest('[data-step]')) title.focus({ preventScroll: true });
}

/** "Copy link" buttons of the steps, and focus for deep links. */
export function enableStepLinks(): void {
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-link]')) {
		const label = button.querySelector<HTMLElement>('[data-copy-label]')!;
		const idle = label.textContent ?? '';
		let timer: ReturnType<typeof setTimeout> | undefined;
		button.hidden = false;
		button.addEventListener('click', async () => {
			const hash = button.dataset.copyLink ?? '';
			const copied = await copyText(`${location.origin}${location.pathname}${hash}`);
			// Without clipboard access (e.g. plain http), the address bar gets the step's link to copy.
			if (!copied) history.replaceState(null, '', hash);
			const message = copied ? button.dataset.copied : button.dataset.failed;
			label.textContent = message ?? idle;
			announce(message ?? '');
			clearTimeout(timer);
			timer = setTimeout(() => (label.textContent = idle), 2500);
		});
	}
	focusLinkedStep();
	addEventListener('hashchange', focusLinkedStep);
}
