import { launchChromium } from './chromium';
import { startSiteProcess } from './site-process';

/** Bytes on the wire (headers and body as sent) of one kind of file. */
export interface WireBytes {
	headers: number;
	body: number;
	files: number;
}

export interface WireWeight {
	/** URL path of the page, e.g. `/en/amazon-api-key/`. */
	path: string;
	html: WireBytes;
	css: WireBytes;
	js: WireBytes;
}

const kinds = { document: 'html', stylesheet: 'css', script: 'js' } as const;
const isKind = (type: string): type is keyof typeof kinds => type in kinds;

/**
 * What loading each page costs on the wire: the built site of project `root` served as `npm start`
 * serves it, opened in Chromium (empty cache, its own Accept-Encoding, which includes br), counting
 * the HTML, CSS and JS requested until the load event. Undefined when there is no Chromium.
 */
export async function measureWireWeight(root: string, paths: readonly string[]): Promise<WireWeight[] | undefined> {
	const browser = await launchChromium();
	if (!browser) return undefined;
	const site = await startSiteProcess(root);
	try {
		const weights: WireWeight[] = [];
		for (const path of paths) {
			const context = await browser.newContext();
			const page = await context.newPage();
			const weight: WireWeight = { path, html: { headers: 0, body: 0, files: 0 }, css: { headers: 0, body: 0, files: 0 }, js: { headers: 0, body: 0, files: 0 } };
			const counted: Promise<void>[] = [];
			page.on('requestfinished', (request) => {
				const type = request.resourceType();
				if (!isKind(type)) return;
				counted.push(
					request.sizes().then((sizes) => {
						const bytes = weight[kinds[type]];
						bytes.headers += sizes.responseHeadersSize;
						bytes.body += sizes.responseBodySize;
						bytes.files++;
					}),
				);
			});
			await page.goto(site.origin + path, { waitUntil: 'load' });
			page.removeAllListeners('requestfinished');
			await Promise.all(counted);
			weights.push(weight);
			await context.close();
		}
		return weights;
	} finally {
		await browser.close();
		site.stop();
	}
}
