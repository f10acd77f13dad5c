import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sortKey } from '../../src/lib/model/dates';
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

// Over the real content only what holds for any valid corpus: no count, id or order of its own.
describe('ledger over the real corpus', () => {
  test('articles newest first, a tie by id', () => {
    const keys = real.articles.map((a) => `${sortKey(a.data.published.date)} ${a.id}`);
    for (let i = 1; i < keys.length; i++) {
      const [prev, next] = [real.articles[i - 1]!, real.articles[i]!];
      const order =
        sortKey(prev.data.published.date).localeCompare(sortKey(next.data.published.date)) ||
        next.id.localeCompare(prev.id);
      expect(order, `${keys[i - 1]} before ${keys[i]}`).toBeGreaterThan(0);
    }
  });
  test('every relation is seen from both ends, a same-event one across reports also as the same event elsewhere', () => {
    for (const c of real.claims) {
      for (const r of c.data.relations) {
        const other = real.claimById.get(r.claim)!;
        expect(
          c.related.some((g) => g.items.some((i) => i.claim === other)),
          `${c.id} → ${r.claim}`,
        ).toBe(true);
        expect(
          other.related.some((g) => g.items.some((i) => i.claim === c)),
          `${r.claim} ← ${c.id}`,
        ).toBe(true);
        if (r.type === 'same-event' && other.article !== c.article) {
          expect(c.sameEventElsewhere).toContain(other);
          expect(other.sameEventElsewhere).toContain(c);
        }
      }
    }
  });
  test('every claim has a context paragraph and a number', () => {
    for (const c of real.claims) {
      expect(c.context, c.id).toBeDefined();
      expect(c.number).toBeGreaterThan(0);
    }
  });
  test('every claim is listed under its report once, numbered 1, 2, 3… in text order', () => {
    expect(real.articles.reduce((n, a) => n + a.claims.length, 0)).toBe(real.claims.length);
    for (const a of real.articles) {
      expect(a.claims.length, a.id).toBeGreaterThan(0);
      expect(a.claims.map((c) => c.number)).toEqual(a.claims.map((_, i) => i + 1));
      for (const c of a.claims) expect(c.article).toBe(a);
    }
  });
});
