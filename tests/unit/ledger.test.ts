import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ledgerFrom } from './helpers';

const fixture = ledgerFrom(join(import.meta.dirname, '../fixtures/content-base'));
const real = ledgerFrom();

describe('ledger over the fixture corpus', () => {
  test('resolves claimant, chain and topics', () => {
    const c = fixture.claimById.get('alpha-plan-500000')!;
    expect(c.claimant.id).toBe('alpha');
    expect(c.via.map((s) => s.id)).toEqual(['beta']);
    expect(c.topics.map((t) => t.id)).toEqual(['topic-x']);
    expect(c.article.id).toBe('a-one');
  });
  test('backlinks: made, relayed, articles citing, affiliation members', () => {
    const alpha = fixture.sourceById.get('alpha')!;
    const beta = fixture.sourceById.get('beta')!;
    expect(alpha.made.map((c) => c.id)).toEqual(['alpha-plan-500000', 'count-refused']);
    expect(beta.relayed.map((c) => c.id)).toEqual(['alpha-plan-500000']);
    expect(beta.made.map((c) => c.id)).toEqual(['beta-summonses']);
    expect(beta.articles.map((a) => a.id).sort()).toEqual(['a-one', 'b-two']);
    expect(fixture.sourceById.get('gamma')!.members.map((s) => s.id)).toEqual(['alpha']);
  });
  test('a relation is seen from both ends with the inverse label', () => {
    const from = fixture.claimById.get('count-refused')!;
    const to = fixture.claimById.get('beta-summonses')!;
    expect(from.related).toEqual([{ label: 'Corroborates', items: [{ claim: to, note: 'Fixture relation.' }] }]);
    expect(to.related).toEqual([{ label: 'Corroborated by', items: [{ claim: from, note: 'Fixture relation.' }] }]);
  });
  test('claims are numbered in text order and carry their paragraph as context', () => {
    const a = fixture.articleById.get('a-one')!;
    expect(a.claims.map((c) => [c.number, c.id])).toEqual([
      [1, 'alpha-plan-500000'],
      [2, 'count-refused'],
    ]);
    const before = 'The agency reports that the count was refused. ';
    expect(a.claims[1]!.context).toEqual({ before, after: '', block: 2, start: before.length });
  });
  test('timeline and figures', () => {
    expect(fixture.timeline.map((i) => [i.date.date, i.role, i.claim.id])).toEqual([
      ['2022-05-13', 'about', 'beta-summonses'],
      ['2025-07', 'stated', 'alpha-plan-500000'],
    ]);
    expect(fixture.figures.map((f) => f.figure.value)).toEqual([500000]);
  });
});

describe('ledger over the real corpus', () => {
  test('articles newest first', () => {
    // Ordered by the first day each date can mean; a tie (both 2025 reports from 7 July 2025) by id.
    expect(real.articles.map((a) => a.data.published.date)).toEqual([
      '2025-07-07',
      '2025-07-07/..',
      '2024-05-31/..',
      '2022-10/2022-12',
      '2022-05-13/2022-09-22',
    ]);
  });
  test('the statistics halt is linked across both 2025 reports', () => {
    const fakti = real.claimById.get('meduza-rosstat-stopped-mortality-data')!;
    expect(fakti.sameEventElsewhere.map((c) => c.article.id)).toEqual(['hidden-war-deaths', 'hidden-war-deaths']);
    const other = real.claimById.get('rosstat-ceased-reporting-deaths')!;
    expect(other.sameEventElsewhere.map((c) => c.id)).toContain('meduza-rosstat-stopped-mortality-data');
  });
  test("Peskov's denials are linked as denials of the second-wave claims", () => {
    const gerashchenko = real.claimById.get('gerashchenko-russia-preparing-second-wave')!;
    const deniedBy = gerashchenko.related.find((g) => g.label === 'Denied by');
    expect(deniedBy?.items.map((i) => i.claim.claimant.id)).toEqual(['dmitry-peskov']);
  });
  test('every claim has a context paragraph and a number', () => {
    for (const c of real.claims) {
      expect(c.context, c.id).toBeDefined();
      expect(c.number).toBeGreaterThan(0);
    }
  });
  test('counts per report', () => {
    expect(Object.fromEntries(real.articles.map((a) => [a.id, a.claims.length]))).toEqual({
      'crypto-mobilization-popular-front': 31,
      'hidden-war-deaths': 17,
      'partial-mobilization-encyclopedia': 31,
      'covert-mobilization-victory-day': 21,
      'second-mobilization-rumours': 28,
    });
  });
});
