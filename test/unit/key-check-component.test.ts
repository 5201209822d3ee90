import { describe, expect, it } from 'vitest';
import Procedure from '../../src/components/Procedure.astro';
import { locales } from '../../src/model/locales';
import { buildProcedureView } from '../../src/view/procedure-view';
import { loadSite, render } from '../helpers/site';

const { content, t } = await loadSite();
const { procedures } = content;
const procedure = procedures.find((entry) => entry.id === 'amazon-api-key')!;
const renderIn = (code: string, entry = procedure) => render(Procedure, { view: buildProcedureView(content, entry, code), t: t(code) });

describe.each(locales.map((locale) => locale.code))('the key check in %s', (code) => {
	it('sits in the step keyCheck.confirms names, hidden until its script runs, with a link to it at the top', async () => {
		const document = await renderIn(code);
		const keyCheck = document.querySelectorAll('key-check');
		expect(keyCheck).toHaveLength(1);
		expect(keyCheck[0]!.closest('li[data-step]')!.getAttribute('data-step')).toBe('verify');
		expect(keyCheck[0]!.querySelector('[data-key-check-panel]')!.hasAttribute('hidden')).toBe(true);
		expect(document.querySelector('.key-check-shortcut a')!.getAttribute('href')).toBe('#verify');
	});

	it('has one block for each outcome, every text rendered, with slots only for the browser’s values', async () => {
		const document = await renderIn(code);
		const blocks = [...document.querySelectorAll('[data-key-check-result]')];
		expect(blocks.map((block) => block.getAttribute('data-key-check-result'))).toEqual(['valid', 'missing', 'invalid', 'expired', 'unreachable', 'timeout', 'rate-limited', 'failed']);
		for (const block of blocks) {
			expect(block.hasAttribute('hidden')).toBe(true);
			// eslint-disable-next-line no-control-regex -- a NUL would be a slot left unfilled.
			expect(block.textContent, block.getAttribute('data-key-check-result')!).not.toMatch(/\{\{|\u0000|keyCheck\./);
		}
		const slots = (status: string) => [...document.querySelectorAll(`[data-key-check-result="${status}"] [data-slot]`)].map((slot) => slot.getAttribute('data-slot'));
		// A sentence with the key hint, and one for an answer without it (key-check.ts shows one).
		const variants = (status: string, attribute: string) => [...document.querySelectorAll(`[data-key-check-result="${status}"] [${attribute}] [data-slot]`)].map((slot) => slot.getAttribute('data-slot'));
		expect(slots('valid')).toEqual(['hint', 'checkedAt', 'checkedAt']);
		expect(variants('valid', 'data-with-hint')).toEqual(['hint', 'checkedAt']);
		expect(variants('valid', 'data-without-hint')).toEqual(['checkedAt']);
		expect(document.querySelector('[data-key-check-result="valid"] [data-without-hint]')!.hasAttribute('hidden')).toBe(true);
		expect(slots('missing')).toEqual(['checkedAt']);
		expect(slots('expired').sort()).toEqual(['checkedAt', 'checkedAt', 'expiresAt', 'hint']);
		expect(slots('timeout')).toEqual(['checkedAt']);
	});

	it('links each failed status to the recovery steps of the step schema, in order', async () => {
		const document = await renderIn(code);
		const links = (status: string) => [...document.querySelectorAll(`[data-key-check-result="${status}"] ol a`)].map((link) => link.getAttribute('href'));
		for (const status of ['missing', 'invalid', 'expired'] as const) {
			expect(links(status)).toEqual(procedure.data.keyCheck!.recovery[status]!.map((id) => `#${id}`));
		}
	});
});

describe('a procedure without a key check', () => {
	it('has no key check panel and no link to one', async () => {
		const { keyCheck: _, ...data } = procedure.data;
		const document = await renderIn('en', { id: procedure.id, data });
		expect(document.querySelector('key-check')).toBeNull();
		expect(document.querySelector('.key-check-shortcut')).toBeNull();
	});

	it('follows the schema when recovery sends elsewhere', async () => {
		const data = { ...procedure.data, keyCheck: { confirms: 'save-config', recovery: { missing: ['add-the-key', 'paste-key'] } } };
		const document = await renderIn('de', { id: procedure.id, data });
		expect(document.querySelector('key-check')!.closest('li[data-step]')!.getAttribute('data-step')).toBe('save-config');
		expect([...document.querySelectorAll('[data-key-check-result="missing"] ol a')].map((link) => link.getAttribute('href'))).toEqual(['#add-the-key', '#paste-key']);
		expect(document.querySelectorAll('[data-key-check-result="invalid"] ol')).toHaveLength(0);
	});
});
