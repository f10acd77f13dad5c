import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable } from 'unified';
import { VFile } from 'vfile';

/** Renders Markdown through remark → rehype with the given rehype plugins, as Astro's unified processor does. */
export async function render(
  markdown: string,
  plugins: Pluggable[],
  frontmatter: Record<string, unknown> = {},
): Promise<string> {
  const file = new VFile({ value: markdown, path: 'fixture.md', data: { astro: { frontmatter } } });
  const out = await unified().use(remarkParse).use(remarkRehype).use(plugins).use(rehypeStringify).process(file);
  return String(out);
}
