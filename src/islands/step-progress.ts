import { announce } from './announce';
import { ProgressStore, progressKey } from './progress-store';

/** Texts rendered by the server for every count, so the browser needs no i18n code. */
interface ProgressTexts {
	/** By number of steps done: "Steps done: 3 of 9". */
	status: string[];
	/** By step index: "Continue at step 4". */
	continueAt: string[];
	confirmReset: string;
}

/**
 * <step-progress>: tick steps off. Ticks are kept per procedure (all languages share them) and
 * the panel says how far the reader is, where to continue, and when all is done.
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

		const render = () => {
			for (const check of checks) {
				check.checked = store.isDone(check.value);
				check.closest('[data-step]')?.toggleAttribute('data-done', check.checked);
			}
			const next = store.nextStep;
			part('status').textContent = texts.status[store.doneCount] ?? '';
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
		}
		part('reset').addEventListener('click', () => {
			if (confirm(texts.confirmReset)) {
				store.reset();
				changed();
			}
		});
		// The live key check (key-check.ts) found the key valid: the step it confirms is done.
		// Its own announcement says so, so this one stays quiet.
		this.addEventListener('step-confirmed', (event) => {
			const stepId = (event as CustomEvent<string>).detail;
			if (stepIds.includes(stepId)) {
				store.set(stepId, true);
				render();
			}
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
	}
}

customElements.define('step-progress', StepProgress);
