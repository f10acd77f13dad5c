import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCorpus } from '../../src/lib/content/read';
import { CONTENT } from './helpers';

// The reports must be the seed texts word for word: every line of a body is a line of its seed
// (headings keep the seed's words), in the seed's order, and every seed line left out is
// accounted for in the provenance.
const SEEDS = join(import.meta.dirname, '../../../shared/seeds');
const articles = readCorpus(CONTENT).articles;

// ../shared/seeds sits beside the repository on every machine and in CI; a missing seed fails.
describe('reports are verbatim', () => {
  test.each(articles.map((a) => [a.id, a] as const))('%s', (_id, a) => {
    const data = a.data as { provenance: { seed: string; omitted: string[] }; title: string };
    const seedLines = readFileSync(join(SEEDS, data.provenance.seed), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const bodyLines = (a.body ?? '')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => l.replace(/^## /, ''));
    let i = 0;
    const skipped: string[] = [];
    for (const line of bodyLines) {
      while (i < seedLines.length && seedLines[i] !== line) skipped.push(seedLines[i++]!);
      expect(i, `body line not found in order in the seed: ${line.slice(0, 80)}`).toBeLessThan(seedLines.length);
      i++;
    }
    skipped.push(...seedLines.slice(i));
    // What was skipped is the headline (kept as title) or listed in the provenance.
    const provenance = data.provenance.omitted.join(' ');
    for (const s of skipped) {
      const accounted = s.trim() === data.title || provenance.includes(s.trim().slice(0, 20));
      expect(accounted, `seed line left out but not in provenance: ${s}`).toBe(true);
    }
  });
});
