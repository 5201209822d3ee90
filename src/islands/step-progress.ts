import { announce } from './announce';
import { openFoldsWithoutCss } from './folds';
import { ProgressStore, progressKey } from './progress-store';

/** Texts rendered by the server for every count, so the browser needs no i18n code. */
interface ProgressTexts {
	/** By number of steps done: "Steps done: 3 of 9". */
	status: string[];
	/** By step index: "Continue at step 4". */
	continueAt: string[];
	confirmReset: string;
}

/** What the live key check (key-check.ts) found: steps now known to be done, and steps to do again. */
export interface KeyChecked {
	done: string[];
	redo: string[];
}

/**
 * <step-progress>: tick steps off. Ticks are kept per procedure (all languages share them) and
 * the panel says how far the reader is, where to continue, and when all is done; the outline
 * marks the steps done.
 */
class StepProgress extends HTMLElement {
	connectedCallback(): void {
		const procedureId = this.dataset.procedure ?? '';
		const texts = JSON.parse(this.dataset.texts ?? '') as ProgressTexts;
		const checks = [...this.querySelectorAll<HTMLInputElement>('input[data-step-check]')];
		const stepIds = checks.map((check) => check.value);
		const store = new ProgressStore(procedureId, stepIds);
		const part = (name: string) => this.querySelector<HTMLElement>(`[data-progress-${name}]`)!;
		const meter = part('meter') as HTMLProgressElement;
		const continueLink = part('continue') as HTMLAnchorElement;
		const outline = this.querySelectorAll<HTMLElement>('[data-outline-step]');

		const render = () => {
			for (const check of checks) {
				check.checked = store.isDone(check.value);
				check.closest('[data-step]')?.toggleAttribute('data-done', check.checked);
			}
			for (const entry of outline) entry.toggleAttribute('data-done', store.isDone(entry.dataset.outlineStep!));
			const next = store.nextStep;
			part('status').textContent = texts.status[store.doneCount] ?? '';
			part('count').textContent = `${store.doneCount}/${stepIds.length}`;
			meter.value = store.doneCount;
			continueLink.hidden = store.doneCount === 0 || next === undefined;
			if (next) {
				continueLink.href = `#${next}`;
				continueLink.textContent = texts.continueAt[stepIds.indexOf(next)] ?? '';
			}
			part('complete').hidden = next !== undefined;
			part('reset').hidden = store.doneCount === 0;
			part('storage-off').hidden = store.persistent;
		};
		const changed = () => {
			render();
			announce(texts.status[store.doneCount] ?? '');
		};

		for (const check of checks) {
			check.hidden = false;
			check.addEventListener('change', () => {
				store.set(check.value, check.checked);
				changed();
			});
			// The title is the box's label: selecting its text to copy it must not tick the step.
			check.labels?.[0]?.addEventListener('click', (event) => {
				if (!getSelection()?.isCollapsed) event.preventDefault();
			});
		}
		part('reset').addEventListener('click', () => {
			if (confirm(texts.confirmReset)) {
				store.reset();
				changed();
			}
		});
		// The live key check's answer; its own announcement says what it means, so this stays quiet.
		this.addEventListener('key-checked', (event) => {
			const { done, redo } = (event as CustomEvent<KeyChecked>).detail;
			store.setEach(done, true);
			store.setEach(redo, false);
			render();
		});
		// Another tab (or language) of the same procedure ticked something.
		addEventListener('storage', (event) => {
			if (event.key === progressKey(procedureId)) {
				store.load();
				render();
			}
		});
		part('panel').hidden = false;
		render();
		openFoldsWithoutCss();
	}
}

customElements.define('step-progress', StepProgress);
