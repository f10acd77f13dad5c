import { SITE_NAME, SITE_TAGLINE } from '../site.config';
import { aboutUrl, articlesUrl, claimsUrl, eventsUrl, figuresUrl, sourcesUrl, timelineUrl, topicsUrl } from './urls';
// The name and subject are the owner's settings, in src/site.config.ts.
export { SITE_NAME, SITE_SCOPE, SITE_SUBJECT, SITE_TAGLINE } from '../site.config';

/** What the share card (`public/og.png`, made by `scripts/og-image.mjs`) shows, for its alt text. */
export const SHARE_IMAGE_ALT = `${SITE_NAME}: ${SITE_TAGLINE}. News reports, every claim sourced, dated and citable.`;

/** Main navigation, in order. */
export const NAV: readonly { href: string; label: string }[] = [
  { href: articlesUrl(), label: 'Reports' },
  { href: claimsUrl(), label: 'Claims' },
  { href: sourcesUrl(), label: 'Sources' },
  { href: topicsUrl(), label: 'Topics' },
  { href: timelineUrl(), label: 'Timeline' },
  { href: eventsUrl(), label: 'Events' },
  { href: figuresUrl(), label: 'Figures' },
  { href: aboutUrl(), label: 'About' },
];

/**
 * The Content-Security-Policy of every page. Scripts come only from this site and never inline
 * (Astro writes every script to a file: see `assetsInlineLimit` in astro.config.mjs); pagefind's
 * WebAssembly needs 'wasm-unsafe-eval' and nothing more. Delivered as a <meta> tag, since the
 * site is static files, and as a header where the host reads `_headers` (see `HEADER_CSP`).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The same policy as a response header, with what only a header can say: no site may frame these
 * pages. As a header it also governs pagefind's worker script, which a page's <meta> tag does not
 * reach; the worker needs nothing the pages do not (its WebAssembly, fetches from this site).
 */
export const HEADER_CSP = `${CSP}; frame-ancestors 'none'`;

/**
 * The security headers every response of the site should carry, for hosts that read them from the
 * build (`_headers`, see src/lib/host-headers.ts) and for the README's web server example.
 */
export const SECURITY_HEADERS: readonly (readonly [name: string, value: string])[] = [
  ['Content-Security-Policy', HEADER_CSP],
  ['X-Content-Type-Options', 'nosniff'],
  // Links out to the reports' outlets say which site sent the reader, not which page.
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // For browsers that predate `frame-ancestors`.
  ['X-Frame-Options', 'DENY'],
  // The site uses none of these.
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];
