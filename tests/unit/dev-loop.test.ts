import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ignoredUnder } from '../../src/lib/dev/watch-ignored';
import { contentProblemsPage, isPageRequest } from '../../src/lib/dev/problems-page';

describe("the dev server's watcher", () => {
  const root = resolve('/project');
  test('ignores the generated folders and the content directory (watched by our own watcher), and nothing else', () => {
    for (const p of [
      'dist/index.html',
      'bench-out/5000/content/claims/x.yaml',
      'test-results/a/b.png',
      'playwright-report/index.html',
      'bench-out',
      'content',
      'content/claims/x.yaml',
    ]) {
      expect(ignoredUnder(root, join(root, 'content'), join(root, p)), p).toBe(true);
    }
    for (const p of [
      'src/pages/index.astro',
      '.astro/data-store.json',
      'astro.config.ts',
      'src/dist-notes.ts',
      'content-notes.md',
      'permalinks.txt',
    ]) {
      expect(ignoredUnder(root, join(root, 'content'), join(root, p)), p).toBe(false);
    }
  });

  test('ignores a content directory outside the project, or inside a generated folder, all the same', () => {
    expect(ignoredUnder(root, '/tmp/corpus/content', '/tmp/corpus/content/claims/x.yaml')).toBe(true);
    const content = join(root, 'bench-out/corpus-5/content');
    expect(ignoredUnder(root, content, join(content, 'claims/x.yaml'))).toBe(true);
    expect(ignoredUnder(root, content, join(root, 'src/pages/index.astro'))).toBe(false);
  });
});

describe('the content problems page', () => {
  test('is served for pages only, not for Vite modules or assets', () => {
    for (const u of ['/', '/claims/x/', '/about', '/articles/x/index.html?x=1']) expect(isPageRequest(u), u).toBe(true);
    for (const u of [
      '/@vite/client',
      '/src/styles/site.css',
      '/node_modules/.vite/x.js',
      '/favicon.svg',
      '/api/claims.json',
    ])
      expect(isPageRequest(u), u).toBe(false);
  });

  test('lists every problem, escaped', () => {
    const html = contentProblemsPage(
      [
        'content/claims/a.yaml: claims (x).claimant: unknown source "<b>"',
        'content/topics/t.yaml: (entry): topic is never used',
      ],
      'content',
    );
    expect(html).toContain('<h1>2 content problem(s) in content</h1>');
    expect(html).toContain(
      '<li><code>content/claims/a.yaml: claims (x).claimant: unknown source &#34;&#60;b&#62;&#34;</code></li>',
    );
    expect(html).not.toContain('<b>');
    expect(html).toContain('<meta http-equiv="refresh" content="2">');
  });
});
