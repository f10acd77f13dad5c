import { describe, expect, test } from 'vitest';
import { apiClaimsSchema, apiEventsSchema } from '../../src/schemas/api';
import { claimsExport, eventsExport } from '../../src/lib/exports';
import { layoutEventGraph } from '../../src/lib/event-graph';
import { eventView } from '../../src/lib/event-views';
import { sortKey, yearOf } from '../../src/lib/dates';
import { ledgerFrom } from './helpers';

const ledger = ledgerFrom();
const ev = (id: string) => {
  const e = ledger.eventById.get(id);
  if (!e) throw new Error(`no event ${id}`);
  return e;
};
const claim = (id: string) => ledger.claimById.get(id)!;

describe('events', () => {
  // The list: each story an event with claims from two or more reports.
  test.each([
    'rosstat-mortality-data-halt',
    'isw-putin-averse-to-new-partial-mobilization',
    'slabunova-letter-to-putin',
    'peskov-denies-further-mobilization',
    'september-2022-mobilization-decree',
    'covert-mobilization-2022-2025',
  ])('%s is told by two or more reports', (id) => {
    expect(ev(id).tellings.length).toBeGreaterThanOrEqual(2);
  });

  test('covert mobilization spans the 2022 and the 2025 reports', () => {
    // Tellings oldest report first; a later report may tell it too.
    const reports = ev('covert-mobilization-2022-2025').tellings.map((t) => yearOf(t.article.data.published.date));
    expect(reports).toEqual([...reports].sort());
    expect(reports).toEqual(expect.arrayContaining(['2022', '2024', '2025']));
  });

  test('tellings are in report order, oldest first, lettered, each in text order', () => {
    const e = ev('rosstat-mortality-data-halt');
    expect(e.tellings.map((t) => [t.letter, t.article.id])).toEqual([
      ['A', 'hidden-war-deaths'],
      ['B', 'crypto-mobilization-popular-front'],
    ]);
    for (const t of e.tellings) expect(t.claims.map((c) => c.number)).toEqual([...t.claims.map((c) => c.number)].sort((a, b) => a - b));
  });

  test('each claim links back to its events', () => {
    expect(
      claim('putin-averse-to-partial-mobilization')
        .events.map((e) => e.id)
        .sort(),
    ).toEqual(['covert-mobilization-2022-2025', 'isw-putin-averse-to-new-partial-mobilization']);
  });

  test('events sit on the timeline in date order, each linked to its neighbours', () => {
    const dates = ledger.events.map((e) => sortKey(e.data.date.date));
    expect(dates).toEqual([...dates].sort());
    ledger.events.forEach((e, i) => {
      expect(e.previous).toBe(ledger.events[i - 1]);
      expect(e.next).toBe(ledger.events[i + 1]);
    });
  });
});

describe('origins and evidence', () => {
  test("a claim's origin is its claimant; a report's own voice is its outlet, or the report when the outlet is unknown", () => {
    expect(claim('putin-avoiding-new-partial-mobilization').origin).toMatchObject({ key: 'source:isw', kind: 'source' });
    expect(claim('kremlin-continues-covert-mobilization').origin).toMatchObject({ key: 'source:fakti', name: 'Fakti' });
    expect(claim('rosstat-ceased-reporting-deaths').origin).toMatchObject({
      key: 'report:hidden-war-deaths',
      kind: 'report',
      url: '/articles/hidden-war-deaths/',
    });
  });

  test('two reports relaying ISW are one origin, not corroboration', () => {
    const e = ev('isw-putin-averse-to-new-partial-mobilization');
    expect(e.evidence.label).toBe('single origin');
    expect(e.evidence.origins.map((o) => o.origin.name)).toEqual(['Institute for the Study of War']);
    expect(e.evidence.reasoning).toBe(
      'Single origin: the 2 claims that tell it, in 2 reports, all trace back to Institute for the Study of War, so they are one origin, not independent corroboration.',
    );
    // The claim in the later report is corroborated only by the same origin.
    expect(claim('putin-avoiding-new-partial-mobilization').evidence).toMatchObject({ label: 'single origin', filterValues: ['Single origin'] });
  });

  test('independent origins are counted and named', () => {
    const c = claim('russia-covert-mobilization-campaign').evidence;
    expect(c.label).toBe('independent origins');
    expect(c.origins.map((o) => o.origin.name).sort()).toEqual([
      'Glen Grant',
      'Wikipedia',
      'the report “Russia secretly mobilizes military as Kremlin fears recruitment backlash”',
    ]);
    expect(c.reasoning).toMatch(/^Corroborated by 3 independent origins: /);
    // Since the re-audit no claim denies or contradicts it.
    expect(c.reasoning).not.toMatch(/Disputed/);
    expect(c.filterValues).toEqual(['Independent origins']);
  });

  test('an event told from several origins is not called corroborated', () => {
    const e = ev('september-2022-mobilization-decree').evidence;
    expect(e.origins.length).toBeGreaterThan(1);
    expect(e.label).toBe('several origins');
    expect(e.reasoning).toMatch(/tracing to \d+ origins: /);
    expect(e.reasoning).not.toMatch(/independent/);
    expect(e.reasoning).toContain('Telling one event is not corroboration');
  });

  test('disputed: by whom, and how', () => {
    const d = claim('decree-allowed-300000').evidence;
    expect(d.disputedBy.map((x) => [x.claim.id, x.type, x.origin.name])).toEqual([['novaya-gazeta-point-7-one-million', 'contradicted', 'Novaya Gazeta']]);
    const g = claim('gerashchenko-russia-preparing-second-wave').evidence;
    expect(g.disputedBy.map((x) => [x.type, x.origin.name])).toEqual([['denied', 'Dmitry Peskov']]);
    // A denial does not make the denier disputed.
    expect(claim('peskov-refuted-this-claim').evidence.disputedBy.map((x) => x.type)).not.toContain('denied');
  });
});

describe('differences', () => {
  test('a different number for the same thing, with both sides', () => {
    const d = ev('september-2022-mobilization-decree').differences.find((x) => x.kind === 'figure')!;
    expect(d.label).toBe('Number: people the decree allows to be called up');
    expect(d.sides.map((s) => [s.claim.id, s.value])).toEqual([
      ['decree-allowed-300000', '300,000 people'],
      ['novaya-gazeta-point-7-one-million', 'up to 1,000,000 men'],
    ]);
  });

  test('a date given in one telling and not the other; a different claimant; a different chain', () => {
    const kinds = (id: string) => ev(id).differences.map((d) => d.kind);
    expect(kinds('september-2022-mobilization-decree')).toEqual(expect.arrayContaining(['claimant', 'chain', 'date', 'figure']));
    const date = ev('september-2022-mobilization-decree').differences.find((d) => d.kind === 'date')!;
    expect(date.sides.map((s) => s.value)).toEqual(['about September 2022', '22 September 2022']);
    const chain = ev('isw-putin-averse-to-new-partial-mobilization').differences;
    expect(chain.map((d) => [d.kind, d.sides.map((s) => s.value)])).toEqual([['chain', ['named directly by the report', 'through Fakti → News.bg']]]);
  });

  test('a different hedge for the same event', () => {
    const d = ev('september-2022-mobilization-decree').differences.find((x) => x.kind === 'hedge')!;
    expect(d.sides.map((s) => `${s.claim.id}=${s.value}`)).toEqual([
      'decree-allowed-300000=possible',
      'novaya-gazeta-point-7-one-million=asserted',
      'putin-only-reservists-called-up=asserted',
    ]);
    // The same hedge in two reports is no difference.
    expect(
      ev('putin-volunteer-recruitment-drive-2025').differences.some(
        (x) => x.kind === 'hedge' && x.sides.some((s) => s.claim.id === 'putin-seeks-more-volunteers-news-bg'),
      ),
    ).toBe(false);
  });

  test('the fields that differ are marked on both sides', () => {
    const v = eventView(ev('september-2022-mobilization-decree'));
    expect(v.differs(claim('decree-allowed-300000'), 'figures')).toBe(true);
    expect(v.differs(claim('novaya-gazeta-point-7-one-million'), 'figures')).toBe(true);
    expect(v.differs(claim('putin-only-reservists-called-up'), 'hedge')).toBe(true);
    expect(v.differs(claim('chikov-doubts-decree'), 'figures')).toBe(false);
  });
});

describe('relation graph', () => {
  test('a box per claim in a column per report, an arrow per relation, inside the drawing', () => {
    const e = ev('september-2022-mobilization-decree');
    const g = layoutEventGraph(e);
    expect(g.nodes).toHaveLength(e.claims.length);
    expect(g.columns.map((c) => c.letter)).toEqual(['A', 'B']);
    expect(g.edges.map((x) => [x.from.label, x.type, x.to.label, x.dashed])).toEqual([
      ['B1', 'contradicts', 'A1', true],
      ['B3', 'contradicts', 'B2', true],
      ['A1', 'same-event', 'B2', false],
    ]);
    for (const n of g.nodes) {
      expect(n.x + g.nodeWidth).toBeLessThanOrEqual(g.width);
      expect(n.y + g.nodeHeight).toBeLessThanOrEqual(g.height);
      for (const line of n.lines) expect(line.length).toBeLessThanOrEqual(27);
    }
  });
});

describe('event exports', () => {
  test('events.json matches its schema and names every telling', () => {
    const out = apiEventsSchema.parse(eventsExport(ledger));
    expect(out.count).toBe(ledger.events.length);
    const decree = out.events.find((e) => e.id === 'september-2022-mobilization-decree')!;
    expect(decree.tellings.map((t) => t.claims.map((c) => c.label))).toEqual([['A1'], ['B1', 'B2', 'B3']]);
    expect(decree.evidence.disputed).toBe(true);
    expect(decree.url).toMatch(/\/events\/september-2022-mobilization-decree\/$/);
  });
  test('claims.json gives each claim its events, origin and evidence', () => {
    const c = apiClaimsSchema.parse(claimsExport(ledger)).claims.find((x) => x.id === 'putin-avoiding-new-partial-mobilization')!;
    expect(c.events.map((e) => e.id)).toEqual(['isw-putin-averse-to-new-partial-mobilization']);
    expect(c.origin.key).toBe('source:isw');
    expect(c.evidence.origins.map((o) => o.claims.sort())).toEqual([['putin-averse-to-partial-mobilization', 'putin-avoiding-new-partial-mobilization']]);
  });
});
