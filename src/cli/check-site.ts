import { join } from 'node:path';
import { checkSite } from './site-check';

// `npm run check:site [dir]`: the built site (dist/client unless given) is valid HTML and its
// internal links resolve. `npm test` runs it on the site the browser tests built.
const dir = process.argv[2] ?? join(process.cwd(), 'dist/client');
const { pages, links, problems } = await checkSite(dir, new URL(process.env.SITE_URL ?? 'http://localhost:4321'));
for (const problem of problems) console.log(problem);
console.log(`${pages} pages, ${links} internal links and files: ${problems.length === 0 ? 'all valid, all resolve' : `${problems.length} problems`}`);
process.exitCode = problems.length === 0 ? 0 : 1;
