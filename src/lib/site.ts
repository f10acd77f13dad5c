import { SITE_NAME, SITE_TAGLINE } from '../site.config';
import { aboutUrl, articlesUrl, claimsUrl, eventsUrl, figuresUrl, sourcesUrl, timelineUrl, topicsUrl } from './urls';
// The name and subject are the owner's settings, in src/site.config.ts.
export { SITE_NAME, SITE_SUBJECT, SITE_TAGLINE } from '../site.config';

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
 * site is static files; `frame-ancestors` cannot be set that way and is left to the server.
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
