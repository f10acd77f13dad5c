import { unified } from '@astrojs/markdown-remark';
import rehypeClaimAnchors from '../plugins/rehype-claim-anchors';
import rehypeCitationMarks from '../plugins/rehype-citation-marks';
import rehypeHeadingIds from '../plugins/rehype-heading-ids';
import { claimUrl } from '../lib/urls';

/**
 * The Markdown processor reports are rendered with (`markdown.processor` in astro.config.mjs): its
 * plugins and their options, in one module, so the articles loader's cache key covers them
 * (render-key.ts hashes this file and every module it imports).
 */
export function markdownProcessor(): ReturnType<typeof unified> {
  return unified({
    // Smart punctuation is off: report text is kept verbatim, straight quotes included,
    // and claim quotes are matched against it character for character.
    smartypants: false,
    // CommonMark, as the validator reads it (`analyseMarkdown`, src/lib/content/text.ts): with
    // GitHub's extensions a report's "~5,000 and ~8,000" was struck through from one tilde to the
    // next, a bare address became a link the validator never saw, and a line of pipes a table.
    gfm: false,
    rehypePlugins: [[rehypeClaimAnchors, { claimUrl }], rehypeCitationMarks, rehypeHeadingIds],
  });
}
