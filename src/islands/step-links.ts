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

/**
 * "Copy link" buttons of the steps, and focus for deep links. A button copies the step's short
 * link (/go/…), which opens the step in each reader's own language: support staff often write
 * to merchants in another language. The note under the step says so and offers the link to this
 * language's page instead (Procedure.astro renders it once; it moves to the step).
 */
export function enableStepLinks(): void {
	focusLinkedStep();
	addEventListener('hashchange', focusLinkedStep);
	const note = document.querySelector<HTMLElement>('[data-copy-note]');
	const said = note?.querySelector<HTMLElement>('[data-copy-said]');
	const copyLocal = note?.querySelector<HTMLButtonElement>('[data-copy-local]');
	if (!note || !said || !copyLocal) return;
	const tell = (key: 'neutral' | 'local' | 'failed') => {
		said.textContent = note.dataset[key] ?? '';
		copyLocal.hidden = key !== 'neutral';
		note.hidden = false;
		announce(said.textContent);
	};
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-link]')) {
		const label = button.querySelector<HTMLElement>('[data-copy-label]')!;
		const idle = label.textContent ?? '';
		let timer: ReturnType<typeof setTimeout> | undefined;
		button.hidden = false;
		button.addEventListener('click', async () => {
			const step = button.closest<HTMLElement>('[data-step]')!;
			step.querySelector('.step-heading')!.after(note);
			const copied = await copyText(new URL(button.dataset.copyLink ?? '', location.href).href);
			// Without clipboard access (e.g. plain http), the address bar gets the step's link to copy.
			if (!copied) history.replaceState(null, '', `#${step.dataset.step}`);
			label.textContent = (copied && note.dataset.copied) || idle;
			tell(copied ? 'neutral' : 'failed');
			clearTimeout(timer);
			timer = setTimeout(() => (label.textContent = idle), 2500);
		});
	}
	copyLocal.addEventListener('click', async () => {
		const step = note.closest<HTMLElement>('[data-step]');
		if (!step) return;
		const copied = await copyText(`${location.origin}${location.pathname}#${step.dataset.step}`);
		tell(copied ? 'local' : 'failed');
	});
}
