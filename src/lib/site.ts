/** The site's name, used in titles, feeds and citations. */
export const SITE_NAME = 'Claim Ledger';

/** Main navigation, in order. */
export const NAV: readonly { href: string; label: string }[] = [
  { href: '/articles/', label: 'Reports' },
  { href: '/claims/', label: 'Claims' },
  { href: '/sources/', label: 'Sources' },
  { href: '/topics/', label: 'Topics' },
  { href: '/timeline/', label: 'Timeline' },
  { href: '/events/', label: 'Events' },
  { href: '/figures/', label: 'Figures' },
  { href: '/about/', label: 'About' },
];

/**
 * The Content-Security-Policy of every page. Scripts come only from this site and never inline
 * (Astro writes every script to a file: see `assetsInlineLimit` in astro.config.ts); pagefind's
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
