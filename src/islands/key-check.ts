import { announce } from './announce';
import { readAnswer, type ShownAnswer } from './key-check-answer';
import type { KeyChecked } from './step-progress';
import { watchTiming } from './watch-timing';

const ids = (list: string | undefined) => list?.split(' ').filter(Boolean) ?? [];

/**
 * <key-check>: asks our server what the store says about the key and shows the answer, and which
 * store said it. Every text is in the HTML, one hidden block per outcome; this only picks the
 * block and fills in the key hint, times and host. Through <step-progress>, a valid key ticks
 * the steps up to the confirmed one, and a missing, invalid or expired one unticks the steps
 * to do again.
 */
class KeyCheck extends HTMLElement {
	connectedCallback(): void {
		const part = (name: string) => this.querySelector<HTMLElement>(`[data-key-check-${name}]`)!;
		const runButtons = this.querySelectorAll<HTMLButtonElement>('[data-key-check-run]');
		const watchButton = part('watch');
		const blocks = this.querySelectorAll<HTMLElement>('[data-key-check-result]');
		// The statuses an answer may name: those with a block of their own (rate-limited is HTTP 429's).
		const answerOutcomes = [...blocks].map((block) => block.dataset.keyCheckResult!).filter((outcome) => outcome !== 'rate-limited');
		const storeNotes = this.querySelectorAll<HTMLElement>('[data-key-check-store]');
		let checking = false;
		let shown: string | undefined;
		// Each start of watch mode is a new round; a stopped round's timers and answers are ignored.
		let round = 0;
		let watching = false;
		let timer: ReturnType<typeof setTimeout> | undefined;

		const show = (outcome: string, values: Record<string, string>, speak: boolean) => {
			for (const block of blocks) {
				const hide = block.dataset.keyCheckResult !== outcome;
				// The focused "Try again" button is about to disappear: keep the focus in the panel.
				if (hide && block.contains(document.activeElement)) runButtons[0]!.focus();
				block.hidden = hide;
				if (hide) continue;
				for (const slot of block.querySelectorAll<HTMLElement>('[data-slot]')) slot.textContent = values[slot.dataset.slot!] ?? '';
				for (const part of block.querySelectorAll<HTMLElement>('[data-with-hint]')) part.hidden = !values.hint;
				for (const part of block.querySelectorAll<HTMLElement>('[data-without-hint]')) part.hidden = Boolean(values.hint);
				// While watching, only a change is worth saying.
				if (speak && (!watching || outcome !== shown)) announce(block.firstElementChild!.textContent!.trim());
			}
			shown = outcome;
		};

		const check = async (): Promise<string | undefined> => {
			if (checking) return undefined;
			checking = true;
			const startedIn = round;
			part('busy').hidden = false;
			let outcome = 'failed';
			let values: Record<string, string> = {};
			let store: ShownAnswer['store'];
			try {
				// Our server bounds the store's time; this bounds ours, so the page never waits forever.
				const response = await fetch('/api/key-check/', {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ procedure: this.dataset.procedure }),
					signal: AbortSignal.timeout(20_000),
				});
				if (response.status === 429) outcome = 'rate-limited';
				else if ([200, 502, 504].includes(response.status)) {
					({ outcome, values, store } = readAnswer(await response.json(), answerOutcomes, document.documentElement.lang));
				}
			} catch {
				// No answer from our own server (offline, or a host without the API): the text says what to do.
			}
			checking = false;
			part('busy').hidden = true;
			// An answer that arrives after watching stopped is shown, but the stop stays the last word.
			show(outcome, values, startedIn === round);
			for (const note of storeNotes) {
				note.hidden = !store || note.dataset.keyCheckStore !== (store.demo ? 'demo' : 'real');
				note.querySelector('[data-slot]')!.textContent = values.host ?? '';
			}
			const block = this.querySelector<HTMLElement>(`[data-key-check-result="${outcome}"]`);
			const detail: KeyChecked = { done: ids(block?.dataset.done), redo: ids(block?.dataset.redo) };
			this.dispatchEvent(new CustomEvent('key-checked', { bubbles: true, detail }));
			return outcome;
		};

		const setWatching = (on: boolean, stoppedByItself = false) => {
			round++;
			clearTimeout(timer);
			watching = on;
			watchButton.setAttribute('aria-pressed', String(on));
			part('watching').hidden = !on;
			part('stopped').hidden = !stoppedByItself;
			if (stoppedByItself) announce(part('stopped').textContent!);
		};

		const watch = async (thisRound: number, delay: number, until: number) => {
			const outcome = await check();
			if (thisRound !== round) return;
			if (outcome === 'valid') return setWatching(false);
			if (Date.now() + delay > until) return setWatching(false, true);
			timer = setTimeout(() => void watch(thisRound, Math.min(delay * 2, watchTiming.maxDelayMs), until), delay);
		};

		for (const button of runButtons) button.addEventListener('click', () => void check());
		watchButton.addEventListener('click', () => {
			if (watching) return setWatching(false);
			setWatching(true);
			void watch(round, watchTiming.firstDelayMs, Date.now() + watchTiming.minutes * 60_000);
		});
		// A page in the background stops watching: nobody is looking, and the store has some rest.
		document.addEventListener('visibilitychange', () => {
			if (document.hidden && watching) setWatching(false, true);
		});
		part('panel').hidden = false;
	}
}

customElements.define('key-check', KeyCheck);
