import { describe, expect, test } from 'vitest';
import { parseHeadersFile } from '../../src/lib/exports/host-headers';
import { $$, htmlPages, readSite, siteFiles } from './dist';

// dist/_headers (read by Netlify and Cloudflare Pages): the same Content-Security-Policy as every
// page's <meta> tag, plus what only a header can carry, on every path of the site.

const rules = () => parseHeadersFile(readSite('/_headers'));
const directives = (policy: string): string[] =>
  policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);

describe('_headers', () => {
  test('one rule, for every path of the site', () => {
    expect(rules().map((r) => r.pattern)).toEqual(['/*']);
  });

  test("its Content-Security-Policy is every page's meta policy plus frame-ancestors 'none'", () => {
    const header = rules()[0]!.headers.get('Content-Security-Policy')!;
    const metas = new Set(
      htmlPages().map((p) => String($$(p, 'meta[http-equiv="Content-Security-Policy"]')[0]?.properties['content'])),
    );
    expect(metas.size).toBe(1);
    const meta = [...metas][0]!;
    expect(directives(meta)).not.toContain("frame-ancestors 'none'");
    expect(directives(header)).toEqual([...directives(meta), "frame-ancestors 'none'"]);
    // Pagefind's worker is a script of the site, under the same rule: it needs its WebAssembly
    // and fetches from the site, which the policy allows.
    expect(siteFiles().some((f) => f.startsWith('/pagefind/') && f.endsWith('worker.js'))).toBe(true);
    expect(directives(header)).toEqual(
      expect.arrayContaining(["script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "connect-src 'self'"]),
    );
  });

  test('the other security headers', () => {
    const h = rules()[0]!.headers;
    expect(h.get('X-Content-Type-Options')).toBe('nosniff');
    expect(h.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(h.get('X-Frame-Options')).toBe('DENY');
    expect(h.get('Permissions-Policy')).toBe('camera=(), microphone=(), geolocation=()');
    expect(h.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
  });
});
