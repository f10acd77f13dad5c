import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const dir = process.env['CONTENT_DIR'] ?? '../../../content';

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '*.md', base: `${dir}/articles` }) }),
};
