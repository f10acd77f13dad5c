import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toString } from 'hast-util-to-string';
import { CSP } from '../../src/lib/site';
import { readCorpus } from '../../src/lib/content/read';
import { validateCorpus } from '../../src/lib/content/validate';
import { buildSite, tempFolder } from './build-site';
import { $$, DIST, htmlPages, readSite, siteDigests } from './dist';
import { idProblems, scriptProblems } from './page-checks';

const ROOT = join(import.meta.dirname, '../..');

describe('Content-Security-Policy', () => {
  test('the policy allows no inline or eval script, only wasm for search', () => {
    const script = CSP.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(CSP).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  });
  test('every page carries it, and has no inline script or style to exempt', () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      const metas = $$(page, 'meta[http-equiv="Content-Security-Policy"]');
      if (metas.length !== 1 || metas[0]!.properties['content'] !== CSP)
        problems.push(`${page}: CSP meta missing or different`);
      for (const s of $$(page, 'script:not([src])'))
        if (s.properties['type'] !== 'application/ld+json')
          problems.push(`${page}: inline script "${toString(s).slice(0, 40)}"`);
      if ($$(page, 'style, [style]').length) problems.push(`${page}: inline style`);
      for (const a of $$(page, '*'))
        for (const k of Object.keys(a.properties))
          if (/^on[A-Z]/.test(k)) problems.push(`${page}: inline handler ${k}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('scripts and ids', () => {
  test('every page has only the site’s own scripts and JSON-LD blocks that parse as JSON', () => {
    expect(htmlPages().length).toBeGreaterThan(100);
    expect(scriptProblems(DIST)).toEqual([]);
  });
  test('on report pages every id is a claim anchor or one of the page’s own ("p_…"), and none repeats', () => {
    const { claims } = JSON.parse(readSite('/api/claims.json')) as { claims: { id: string }[] };
    const retired = validateCorpus(readCorpus(join(ROOT, 'content'))).redirects.map((r) => r.from);
    expect(idProblems(DIST, new Set([...claims.map((c) => c.id), ...retired]))).toEqual([]);
  });
});

describe('reproducible build', () => {
  test('two builds of the same content are byte-identical', () => {
    const out = join(tempFolder('repro'), 'second');
    const r = buildSite(out);
    expect(r.status, r.output).toBe(0);
    // The search index too, as `npm run build` makes it after Astro.
    const index = spawnSync('npm', ['run', 'index', '--', out], { cwd: ROOT, encoding: 'utf8', timeout: 150_000 });
    expect(index.status, index.stderr).toBe(0);
    const first = siteDigests(DIST);
    const second = siteDigests(out);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    const differing = Object.keys(first).filter((f) => first[f] !== second[f]);
    expect(differing).toEqual([]);
    expect(readSite('/index.html').length).toBeGreaterThan(0);
  });
});
