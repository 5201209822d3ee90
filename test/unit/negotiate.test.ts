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
		['zh-Hant-CN', 'zh-TW'],
	])('%s → %s', (tag, code) => {
		expect(matchLocale(tag)?.code).toBe(code);
	});

	it.each(['zh-CN', 'zh-Hans', 'zh-SG', 'zh-MY', 'zh-Hans-CN', 'zh-Hans-HK', 'ZH-cn', 'ja', 'pt-BR'])('%s has no match', (tag) => {
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

describe('Chinese readers', () => {
	it.each([
		// Chrome, Edge and Firefox set up for Simplified Chinese.
		['zh-CN,zh;q=0.9', 'en'],
		['zh-CN,zh;q=0.9,en;q=0.8', 'en'],
		['zh-CN,zh;q=0.9,de;q=0.8,en;q=0.7', 'de'],
		['zh-SG,zh;q=0.9', 'en'],
		['zh-Hans-CN,zh-Hans;q=0.9,zh;q=0.8', 'en'],
		// A bare zh before the Simplified tag still comes from a Simplified reader.
		['zh;q=0.9,zh-CN;q=0.8', 'en'],
		// Only "Chinese": Traditional is closer than English.
		['zh', 'zh-TW'],
		['zh,en;q=0.5', 'zh-TW'],
		// Traditional readers, and readers of both who put Traditional first.
		['zh-TW,zh;q=0.9', 'zh-TW'],
		['zh-HK,zh;q=0.9', 'zh-TW'],
		['zh-Hant,zh-CN;q=0.9,zh;q=0.8', 'zh-TW'],
	])('%s → %s', (header, code) => {
		expect(pickLocale(parseAcceptLanguage(header)).code).toBe(code);
	});
});
