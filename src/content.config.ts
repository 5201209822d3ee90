import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { procedureSchema } from './model/procedure';

// The key check route runs on the server, where content/ is not at hand: the collection bundles
// the procedures into the build for it. Pages and tools read content/ through src/model/content.ts.
const procedures = defineCollection({
	loader: glob({ pattern: '*.yaml', base: './content/procedures' }),
	schema: procedureSchema,
});

export const collections = { procedures };
