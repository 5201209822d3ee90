/**
 * Reads the Experience League markdown of a help page into its parts, with line numbers:
 * front matter, title, intro paragraphs, the section heading and its lead, the numbered steps
 * (with their indented paragraphs, bullets and images) and the closing "next" line.
 * Only the shape these procedure pages have; anything else is reported, not guessed.
 */

export interface Located {
	text: string;
	/** 1-based line in the markdown file. */
	line: number;
}

export interface ExlImage extends Located {
	/** `text` is the alt text; `src` the image path. */
	src: string;
}

export interface ExlStep extends Located {
	paragraphs: Located[];
	bullets: Located[];
	images: ExlImage[];
}

export interface ExlDocument {
	frontMatter: Record<string, string>;
	title?: Located;
	intro: Located[];
	section?: { heading: Located; lead: Located[] };
	steps: ExlStep[];
	closing?: Located;
	/** Lines that fit none of the parts above. */
	unrecognized: Located[];
}

/** `![alt](src){attributes}`, spaces inside the brackets allowed (the machine translation adds some). */
export const imagePattern = /^!\[([^\]]*)\]\(([^)\s]+)\)(\s*\{[^{}]*\})?/;

export function parseExperienceLeague(markdown: string): ExlDocument {
	const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
	const document: ExlDocument = { frontMatter: {}, intro: [], steps: [], unrecognized: [] };
	let index = 0;

	if (lines[0] === '---') {
		for (index = 1; index < lines.length && lines[index] !== '---'; index++) {
			const match = lines[index]!.match(/^([\w-]+):\s*(.*)$/);
			if (match) document.frontMatter[match[1]!] = match[2]!.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
		}
		index++;
	}

	for (; index < lines.length; index++) {
		const raw = lines[index]!;
		const line = index + 1;
		const text = raw.trim();
		if (!text) continue;
		const step = document.steps[document.steps.length - 1];
		const numbered = raw.match(/^\d+\.\s+(.*)$/);
		if (raw.startsWith('# ') && !document.title) {
			document.title = { text: raw.slice(2).trim(), line };
		} else if (raw.startsWith('## ') && !document.section && document.steps.length === 0) {
			document.section = { heading: { text: raw.slice(3).trim(), line }, lead: [] };
		} else if (numbered) {
			document.steps.push({ text: numbered[1]!.trim(), line, paragraphs: [], bullets: [], images: [] });
		} else if (step && /^\s+/.test(raw) && !document.closing) {
			const image = text.match(imagePattern);
			if (text.startsWith('- ')) step.bullets.push({ text: text.slice(2).trim(), line });
			else if (image) step.images.push({ text: image[1]!, src: image[2]!, line });
			else step.paragraphs.push({ text, line });
		} else if (step) {
			if (document.closing) document.unrecognized.push({ text, line });
			else document.closing = { text, line };
		} else if (document.section) {
			document.section.lead.push({ text, line });
		} else if (document.title) {
			document.intro.push({ text, line });
		} else {
			document.unrecognized.push({ text, line });
		}
	}
	return document;
}
