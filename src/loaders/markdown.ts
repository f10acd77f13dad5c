import {
  rehypeHeadingIds as astroHeadingIds,
  unified,
  type MarkdownHeading,
  type MarkdownRenderer,
  type RehypePlugins,
  type UnifiedProcessorOptions,
} from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified as pipeline } from 'unified';
import { visit } from 'unist-util-visit';
import { pathToFileURL } from 'node:url';
import { VFile } from 'vfile';
import rehypeClaimAnchors from '../plugins/rehype-claim-anchors';
import rehypeCitationMarks from '../plugins/rehype-citation-marks';
import rehypeHeadingIds from '../plugins/rehype-heading-ids';
import { claimUrl } from '../lib/urls';

/**
 * How reports are rendered: Astro's unified processor with these options. Smart punctuation is
 * off: report text is kept verbatim, straight quotes included, and claim quotes are matched
 * against it character for character. CommonMark, as the validator reads it (`analyseMarkdown`,
 * src/lib/content/text.ts): with GitHub's extensions a report's "~5,000 and ~8,000" was struck
 * through from one tilde to the next, a bare address became a link the validator never saw, and a
 * line of pipes a table.
 */
export const MARKDOWN_OPTIONS = {
  smartypants: false,
  gfm: false,
  // Heading ids first, from the report's own words: after rehype-claim-anchors a heading holding a
  // quote would also hold the claim link, whose hidden preview is the claim's statement, and its id
  // would change (and links to the section break) whenever that statement was edited.
  rehypePlugins: [rehypeHeadingIds, [rehypeClaimAnchors, { claimUrl }], rehypeCitationMarks] as RehypePlugins,
} as const;

// Nodes whose rendering needs a step of Astro's pipeline that the lean one leaves out: raw HTML
// (rehype-raw), images (Astro's image collection), code blocks (syntax highlighting), and links:
// a link can end up inside another (an autolink in a link's text, or the claim link that
// rehype-claim-anchors adds after a quote ending in a link's text), which HTML does not allow and
// rehype-raw's parse takes apart as a browser would.
const NEEDS_ASTRO = new Set(['html', 'image', 'imageReference', 'code', 'link', 'linkReference']);

/** Whether a parsed report holds anything only Astro's full pipeline renders as Astro would. */
function needsAstro(tree: Root): boolean {
  let found = false;
  visit(tree, (node) => {
    if (NEEDS_ASTRO.has(node.type)) found = true;
    return found ? false : undefined;
  });
  return found;
}

/**
 * Astro's pipeline for these options (`createMarkdownProcessor` in @astrojs/markdown-remark) less
 * the steps that change nothing in a report without raw HTML, images, code or links: image
 * collection, syntax highlighting and rehype-raw, which parses every rendered tree again as HTML to
 * take in raw HTML nodes (a third of the rendering at 5,000 reports, and validation refuses raw
 * HTML in a report). The steps kept are Astro's, in Astro's order. It holds for these options
 * only (CommonMark, no smart punctuation, no remark plugins): see `leanApplies`.
 */
export function leanPipeline() {
  const p = pipeline().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true, passThrough: [] });
  for (const entry of MARKDOWN_OPTIONS.rehypePlugins) {
    const [plugin, options] = Array.isArray(entry) ? entry : [entry];
    // Astro also takes a plugin by package name; these are imported, so the render key sees them.
    if (typeof plugin === 'string')
      throw new Error(`markdown.ts: import the rehype plugin "${plugin}" rather than naming it`);
    p.use(plugin, options);
  }
  return p.use(astroHeadingIds).use(rehypeStringify, { allowDangerousHtml: true });
}

/** The lean pipeline, made by `leanPipeline`. */
export type LeanPipeline = ReturnType<typeof leanPipeline>;

/**
 * Whether the lean pipeline renders as Astro's does for these options: with GitHub's extensions,
 * smart punctuation or a remark plugin, Astro's pipeline has steps the lean one lacks.
 */
export function leanApplies(): boolean {
  const options: UnifiedProcessorOptions = MARKDOWN_OPTIONS;
  return !(
    options.gfm !== false ||
    options.smartypants !== false ||
    options.remarkPlugins?.length ||
    options.remarkRehype
  );
}

/**
 * A report's render options, as the articles loader renders it on either thread: the claims it
 * anchors as render frontmatter (read by rehype-claim-anchors) and its file.
 */
export const reportRenderOptions = (
  claimAnchors: unknown[],
  file: string,
): { frontmatter: Record<string, unknown>; fileURL: URL } => ({
  frontmatter: { claimAnchors },
  fileURL: pathToFileURL(file),
});

/**
 * A report rendered with the lean pipeline as the articles loader renders it, on either thread;
 * undefined if it holds what only Astro's pipeline renders (see `renderLean`). The body is
 * rendered after a line break, as Astro's `renderMarkdown` received it after the render
 * frontmatter: the Markdown parser drops a byte-order mark only at the very start of a text, so
 * one that begins a report's body stays what it was, text.
 */
export const renderReportLean = (
  lean: LeanPipeline,
  body: string,
  claimAnchors: unknown[],
  file: string,
): Promise<Rendered | undefined> => renderLean(lean, `\n${body}`, reportRenderOptions(claimAnchors, file));

/** A render's result as Astro's renderer gives it. */
type Rendered = Awaited<ReturnType<MarkdownRenderer['render']>>;

/**
 * Renders Markdown with the lean pipeline, as Astro's renderer would with these options (`opts`:
 * its render frontmatter and file); undefined when the text holds raw HTML, an image, a code block
 * or a link, which only Astro's pipeline renders as Astro does.
 */
export async function renderLean(
  lean: LeanPipeline,
  content: string,
  opts: { frontmatter?: Record<string, unknown>; fileURL?: URL } = {},
): Promise<Rendered | undefined> {
  const frontmatter = opts.frontmatter ?? {};
  const file = new VFile({ value: content, path: opts.fileURL, data: { astro: { frontmatter } } });
  const tree = lean.parse(file);
  if (needsAstro(tree)) return undefined;
  try {
    const code = String(lean.stringify(await lean.run(tree, file), file));
    const astroData = (file.data as { astro?: { headings?: MarkdownHeading[] } }).astro;
    return {
      code,
      metadata: { headings: astroData?.headings ?? [], localImagePaths: [], remoteImagePaths: [], frontmatter },
    };
  } catch (err) {
    // As Astro's renderer reports a failed render: the file named, then the plugin's message.
    if (err instanceof Error) err.message = `Failed to parse Markdown file "${file.path}":\n${err.message}`;
    throw err;
  }
}

/**
 * The Markdown processor reports are rendered with (`markdown.processor` in astro.config.mjs): its
 * plugins and their options, in one module, so the articles loader's cache key covers them
 * (render-key.ts hashes this file and every module it imports). It is Astro's `unified()`
 * processor with a faster renderer: a report is parsed once, and rendered by the lean pipeline
 * above unless it holds raw HTML, an image, a code block or a link, which go through Astro's own. The two
 * give the same bytes (`tests/unit/markdown-render.test.ts`, over every report of the real and
 * fixture corpora).
 */
export function markdownProcessor(): ReturnType<typeof unified> {
  const astro = unified(MARKDOWN_OPTIONS);
  return {
    ...astro,
    async createRenderer(shared): Promise<MarkdownRenderer> {
      const full = await astro.createRenderer(shared);
      if (!leanApplies()) return full;
      const lean = leanPipeline();
      return {
        async render(content, opts) {
          return (await renderLean(lean, content, opts)) ?? full.render(content, opts);
        },
      };
    },
  };
}
