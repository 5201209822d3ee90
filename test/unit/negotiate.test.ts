import { describe, expect, it } from 'vitest';
import { matchLocale, parseAcceptLanguage, pickLocale } from '../../src/view/negotiate';

describe('parseAcceptLanguage', () => {
	it('orders tags by quality, keeping the header order among equals, and drops q=0 and *', () => {
		expect(parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', 'de']);
		expect(parseAcceptLanguage('nl;q=0.5, it, de;q=0')).toEqual(['it', 'nl']);
		expect(parseAcceptLanguage('')).toEqual([]);
	});
});

describe('matchLocale', () => {
	it.each([
		['de-AT', 'de'],
		['fr-CA', 'fr'],
		['nl-BE', 'nl'],
		['EN-gb', 'en'],
		['zh-TW', 'zh-TW'],
		['zh-Hant-HK', 'zh-TW'],
		['zh-HK', 'zh-TW'],
		['zh', 'zh-TW'],
	])('%s → %s', (tag, code) => {
		expect(matchLocale(tag)?.code).toBe(code);
	});

	it.each(['zh-CN', 'zh-Hans', 'zh-SG', 'ja', 'pt-BR'])('%s has no match', (tag) => {
		expect(matchLocale(tag)).toBeUndefined();
	});
});

describe('pickLocale', () => {
	it('takes the first language the site has, English otherwise', () => {
		expect(pickLocale(['ja', 'zh-CN', 'it-IT', 'de']).code).toBe('it');
		expect(pickLocale(['ja']).code).toBe('en');
		expect(pickLocale([]).code).toBe('en');
	});
});
