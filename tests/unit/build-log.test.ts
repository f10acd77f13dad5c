import { describe, expect, test } from 'vitest';
import type { AstroLoggerMessage } from 'astro';
import buildLog, { LISTED } from '../../src/integrations/build-log.mjs';

// Events as Astro's page generation writes them (node_modules/astro/dist/core/build/generate.js;
// tests/unit/astro-internals.test.ts checks that it still does): a page's start, then "(cached)"
// or "(restored)" at once for a reused page, or its render time later for a rendered one.
const start = (path: string): AstroLoggerMessage => ({
  label: null,
  level: 'info',
  message: `  \u001b[32m├─\u001b[39m \u001b[2m${path}\u001b[22m`,
  newLine: false,
});
const end = (text: string): AstroLoggerMessage => ({
  label: 'SKIP_FORMAT',
  level: 'info',
  message: ` \u001b[32m${text}\u001b[39m`,
  newLine: true,
});
const line = (
  message: string,
  label: string | null = null,
  level: AstroLoggerMessage['level'] = 'info',
): AstroLoggerMessage => ({ label, level, message, newLine: true });

function run(events: AstroLoggerMessage[]): AstroLoggerMessage[] {
  const out: AstroLoggerMessage[] = [];
  const log = buildLog({}, { write: (e) => out.push(e) });
  for (const e of events) log.write(e);
  log.flush();
  return out;
}

describe('the build log', () => {
  test('reused pages are counted, not listed; rendered pages, their times and every other line pass as they are', () => {
    const rendered = start('/claims/edited/index.html');
    const events = [
      line('\n generating static routes ', 'SKIP_FORMAT'),
      start('/claims/a/index.html'),
      end('(cached)'),
      rendered,
      start('/claims/b/index.html'),
      end('(restored)'),
      start('/claims/c/index.html'),
      end('(cached)'),
      // The rendered page's time comes after other pages' lines (eight pages in flight).
      end('(+12ms)'),
      line('a warning', 'build', 'warn'),
      line('✓ Completed in 16.07s.'),
    ];
    expect(run(events)).toEqual([
      events[0],
      rendered,
      events[8],
      {
        label: null,
        level: 'info',
        message: '  └─ 3 page(s) unchanged since the last build, not rendered again',
        newLine: true,
      },
      events[9],
      events[10],
    ]);
  });

  test('with nothing reused the output is Astro’s, line for line', () => {
    const events = [
      start('/a/index.html'),
      end('(+3ms)'),
      start('/b/index.html'),
      start('/c/index.html'),
      end('(+1ms)'),
      end('(+2ms)'),
      line('done'),
    ];
    expect(run(events)).toEqual(events);
  });

  test('a rendered page’s start is written within the tick, before anything its rendering prints', async () => {
    const out: AstroLoggerMessage[] = [];
    const log = buildLog({}, { write: (e) => out.push(e) });
    const rendered = start('/claims/edited/index.html');
    log.write(rendered);
    expect(out).toEqual([]);
    await Promise.resolve();
    expect(out).toEqual([rendered]);
    // Its end, when it comes, is not taken for a reused page's.
    log.write(end('(+12ms)'));
    expect(out).toEqual([rendered, end('(+12ms)')]);
  });

  test('errors pass through as they are', () => {
    const events = [
      start('/a/index.html'),
      line('1 content problem(s) in content:\ncontent/x.yaml: title: required', 'claim-ledger', 'error'),
    ];
    expect(run(events)).toEqual(events);
  });

  test('past the first rendered pages, the rest are counted: each listed page keeps its end, no other end is written', async () => {
    const out: AstroLoggerMessage[] = [];
    const log = buildLog({}, { write: (e) => out.push(e) });
    const total = LISTED + 50;
    const starts = Array.from({ length: total }, (_, i) => start(`/claims/c${i}/index.html`));
    // Eight in flight, as Astro renders them: each page's end comes once the page eight later has started.
    for (let i = 0; i < total; i++) {
      log.write(starts[i]!);
      await Promise.resolve();
      if (i >= 8) log.write(end(`(+${i - 8}ms)`));
    }
    // Astro's form for a page that took a minute or more too.
    for (let i = total - 8; i < total; i++) log.write(end(i % 2 ? `(+${i}ms)` : `(+1m ${i % 60}s)`));
    log.write(start('/claims/reused/index.html'));
    log.write(end('(cached)'));
    log.write(line('✓ Completed in 16.07s.'));
    const listedStarts = out.filter((e) => e.newLine === false);
    expect(listedStarts).toEqual(starts.slice(0, LISTED));
    expect(out.filter((e) => e.label === 'SKIP_FORMAT')).toHaveLength(LISTED);
    expect(out.slice(-3)).toEqual([
      line(`  └─ ${(total - LISTED).toLocaleString('en')} more page(s) rendered, not listed one by one`),
      line('  └─ 1 page(s) unchanged since the last build, not rendered again'),
      line('✓ Completed in 16.07s.'),
    ]);
  });
});
