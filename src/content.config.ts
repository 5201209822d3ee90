import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { procedureSchema } from './model/procedure';

// One YAML file per procedure; its file name is the procedure id used in URLs and locale file names.
const procedures = defineCollection({
	loader: glob({ pattern: '*.yaml', base: './content/procedures' }),
	schema: procedureSchema,
});

export const collections = { procedures };
