import type { ValidationContext } from '../types';

// A scheme is letters, digits, "+", "-" or "." before a colon; browsers drop tabs and line breaks
// inside a URL and spaces or control characters before it, so those cannot hide one.
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const INVISIBLE = /[\t\n\r]|^[\u0000-\u0020]+/g;

/**
 * Why a link or image destination in a report is unsafe, or null if it is fine. Links may go to
 * `http(s)`, `mailto` or a path on this site; images only to this site (an image from elsewhere
 * is a request to another origin on every reading, and the CSP would block it anyway).
 */
export function unsafeUrl(kind: 'link' | 'image', url: string): string | null {
  const clean = url.replace(INVISIBLE, '');
  const scheme = SCHEME.exec(clean)?.[1]?.toLowerCase();
  const offSite = scheme !== undefined || clean.startsWith('//');
  if (kind === 'image') return offSite ? `image "${url}" is not on this site: only site-relative images (e.g. /images/x.png) are allowed` : null;
  if (scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto') return null;
  return `link "${url}" uses "${scheme}:": only http(s), mailto and site-relative links are allowed`;
}

/** Phase 2: report bodies: no raw HTML, no unsafe links or off-site images, not empty, not twice. */
export function checkBodies(ctx: ValidationContext): void {
  // The same report saved under two ids would be published twice and counted as two reports.
  const firstWithText = new Map<string, string>();
  for (const f of ctx.raw.articles) {
    const analysis = ctx.analysis.get(f.id);
    if (!analysis) continue;
    for (const h of analysis.html) {
      ctx.problems.add(f.file, 'body', `raw HTML is not allowed in a report (body line ${h.line}: ${h.value.slice(0, 40)})`);
    }
    for (const l of analysis.links) {
      const reason = unsafeUrl(l.kind, l.url);
      if (reason) ctx.problems.add(f.file, 'body', `${reason} (body line ${l.line})`);
    }
    if (analysis.blocks.length === 0 && analysis.other.length === 0) {
      ctx.problems.add(f.file, 'body', 'the report has no text: the body after the frontmatter is empty');
      continue;
    }
    // By a digest of the text (white space folded), made when the body was analysed.
    const first = firstWithText.get(analysis.textDigest);
    if (first) ctx.problems.add(f.file, 'body', `has the same text as ${first}: a report is published once, so keep one of the two`);
    else firstWithText.set(analysis.textDigest, f.file);
  }
}
