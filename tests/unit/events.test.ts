import { describe, expect, test } from 'vitest';
import { apiClaimsSchema, apiEventsSchema } from '../../src/schemas/api';
import { claimsExport, eventsExport } from '../../src/lib/exports/api';
import { clipLabel, layoutEventGraph } from '../../src/lib/views/event-graph';
import { eventView } from '../../src/lib/views/event-views';
import { plural } from '../../src/lib/plural';
import { sortKey, yearOf } from '../../src/lib/model/dates';
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
    for (const t of e.tellings)
      expect(t.claims.map((c) => c.number)).toEqual([...t.claims.map((c) => c.number)].sort((a, b) => a - b));
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
  test("a claim's origin is its claimant; a relaying report's own voice is the relayed source, or the report when it relays no one", () => {
    expect(claim('putin-avoiding-new-partial-mobilization').origin).toMatchObject({
      key: 'source:isw',
      kind: 'source',
    });
    // Fakti is known only from page furniture; the report credits News.bg.
    expect(claim('kremlin-continues-covert-mobilization').origin).toMatchObject({
      key: 'source:news-bg',
      name: 'News.bg',
      kind: 'relay',
      inferred: false,
    });
    expect(claim('dnr-lnr-general-mobilization').origin).toMatchObject({
      key: 'source:wikipedia',
      label: 'Wikipedia (inferred)',
      inferred: true,
    });
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
    expect(claim('putin-avoiding-new-partial-mobilization').evidence).toMatchObject({
      label: 'single origin',
      filterValues: ['Single origin'],
    });
  });

  test('independent origins are counted and named', () => {
    const c = claim('saks-mobilization-huge-risk').evidence;
    expect(c.label).toBe('independent origins');
    expect(c.origins.map((o) => o.origin.name).sort()).toEqual(['Andrei Kolesnikov', 'Rainer Saks']);
    expect(c.reasoning).toMatch(/^Corroborated by 2 independent origins: /);
    expect(c.reasoning).not.toMatch(/Disputed/);
    expect(c.filterValues).toEqual(['Independent origins']);
  });

  test("a report's own voice and an inferred outlet are listed but not counted as independent", () => {
    const c = claim('russia-covert-mobilization-campaign').evidence;
    expect(c).toMatchObject({ label: 'single origin', independent: 1 });
    expect(c.origins.map((o) => o.origin.label)).toEqual(
      expect.arrayContaining([
        'Glen Grant',
        'Wikipedia (inferred)',
        'the report “Russia secretly mobilizes military as Kremlin fears recruitment backlash” (unattributed)',
      ]),
    );
  });

  test('an event told from several origins is not called corroborated', () => {
    const e = ev('september-2022-mobilization-decree').evidence;
    expect(e.origins.length).toBeGreaterThan(1);
    expect(e.label).toBe('several origins');
    expect(e.reasoning).toMatch(/the texts credit \d+ independent origins: /);
    expect(e.reasoning).not.toMatch(/Corroborated/);
    expect(e.reasoning).toContain('Telling one event is not corroboration');
  });

  test('disputed: by whom, and how', () => {
    const d = claim('putin-only-reservists-called-up').evidence;
    expect(d.disputedBy.map((x) => [x.claim.id, x.type, x.origin.name])).toEqual([
      ['chikov-doubts-decree', 'doubted', 'Pavel Chikov'],
    ]);
    // The party whose address is doubted does not dispute the doubt.
    expect(claim('chikov-doubts-decree').evidence.disputedBy).toEqual([]);
    expect(ev('september-2022-mobilization-decree').evidence.reasoning).toContain(
      'Disputed: Pavel Chikov doubts what Vladimir Putin says',
    );
    expect(ev('september-2022-mobilization-decree').evidence.reasoning).not.toMatch(
      /Vladimir Putin (doubts|contradicts|denies)/,
    );
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

  test('a different claimant; the relay chain once, per report; no date compared across said and about', () => {
    const kinds = (id: string) => ev(id).differences.map((d) => d.kind);
    expect(kinds('september-2022-mobilization-decree')).toEqual(
      expect.arrayContaining(['relay', 'claimant', 'figure']),
    );
    // One telling dates the decree (about), the other dates Novaya Gazeta's report (said): not compared.
    expect(kinds('september-2022-mobilization-decree')).not.toContain('about');
    expect(kinds('september-2022-mobilization-decree')).not.toContain('stated');
    const chain = ev('isw-putin-averse-to-new-partial-mobilization').differences;
    expect(chain.map((d) => [d.kind, d.sides.map((s) => s.value)])).toEqual([
      ['relay', ['relays no source as a whole', 'Fakti (inferred) → News.bg']],
    ]);
    // Kobak's "last month" (said) and "at the end of June" (about) are not set against each other.
    expect(kinds('rosstat-mortality-data-halt')).not.toContain('stated');
    expect(kinds('rosstat-mortality-data-halt')).not.toContain('about');
  });

  test('a different hedge for the same event', () => {
    const d = ev('rosstat-mortality-data-halt').differences.filter((x) => x.kind === 'hedge');
    expect(d.map((x) => x.sides.map((s) => `${s.claim.id}=${s.value}`))).toContainEqual([
      'statisticians-concealing-population-data=likely',
      'isw-concealment-hides-military-deaths=asserted',
    ]);
    // An explanation's hedge is not set against a flatly stated figure's.
    expect(ev('september-2022-mobilization-decree').differences.some((x) => x.kind === 'hedge')).toBe(false);
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
    expect(v.differs(claim('putin-only-reservists-called-up'), 'claimant')).toBe(true);
    expect(v.differs(claim('putin-only-reservists-called-up'), 'hedge')).toBe(false);
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
      ['B1', 'qualifies', 'A2', false],
      ['B3', 'contradicts', 'B2', true],
      ['A1', 'same-event', 'A2', false],
      ['A2', 'same-event', 'B2', false],
    ]);
    for (const n of g.nodes) {
      expect(n.x + g.nodeWidth).toBeLessThanOrEqual(g.width);
      expect(n.y + g.nodeHeight).toBeLessThanOrEqual(g.height);
      for (const line of n.lines) expect(line.length).toBeLessThanOrEqual(27);
    }
  });
});

describe('graph labels and counts', () => {
  test('a long label is cut between characters as a reader sees them, never inside an emoji or an accent', () => {
    // Cut by UTF-16 code unit, 27 characters from here would end inside the fourth emoji ("\uD83D…").
    const label = `A1 · Dmitry Peskov ${'😀'.repeat(12)}`;
    const cut = clipLabel(label);
    expect(cut).toBe(`A1 · Dmitry Peskov ${'😀'.repeat(7)}…`);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    // A family emoji and a letter with a combining accent are one character each.
    expect(clipLabel(`${'👩🏽‍🚀'.repeat(30)}`)).toBe(`${'👩🏽‍🚀'.repeat(26)}…`);
    expect(clipLabel(`${'e\u0301'.repeat(28)}`)).toBe(`${'e\u0301'.repeat(26)}…`);
    expect(clipLabel('A1 · Alpha')).toBe('A1 · Alpha');
  });

  test('a count of one takes the singular: "Told by 1 report, in 1 claim"', () => {
    expect(plural(1, 'report')).toBe('1 report');
    expect(plural(2, 'report')).toBe('2 reports');
    expect(plural(0, 'claim')).toBe('0 claims');
  });
});

describe('event exports', () => {
  test('events.json matches its schema and names every telling', () => {
    const out = apiEventsSchema.parse(eventsExport(ledger));
    expect(out.count).toBe(ledger.events.length);
    // Every event, whatever the corpus: one telling per report, in the ledger's order, its claims
    // labelled by the report's letter and their place in the telling (A1, A2, B1…).
    for (const ev of ledger.events) {
      const exported = out.events.find((e) => e.id === ev.id)!;
      expect(exported.tellings.map((t) => t.claims.map((c) => c.label))).toEqual(
        ev.tellings.map((t) => t.claims.map((_, i) => `${t.letter}${i + 1}`)),
      );
      expect(exported.tellings.map((t) => t.claims.map((c) => c.id))).toEqual(
        ev.tellings.map((t) => t.claims.map((c) => c.id)),
      );
      expect(exported.evidence.disputed).toBe(ev.evidence.disputedBy.length > 0);
      expect(exported.url).toMatch(new RegExp(`/events/${ev.id}/$`));
    }
    expect(out.events.some((e) => e.tellings.length >= 2)).toBe(true);
  });
  test('claims.json gives each claim its events, origin and evidence', () => {
    const c = apiClaimsSchema
      .parse(claimsExport(ledger))
      .claims.find((x) => x.id === 'putin-avoiding-new-partial-mobilization')!;
    expect(c.events.map((e) => e.id)).toEqual(['isw-putin-averse-to-new-partial-mobilization']);
    expect(c.origin.key).toBe('source:isw');
    // Its retelling in the other report is the same event from the same origin, not corroboration.
    expect(c.evidence.origins.map((o) => o.claims)).toEqual([['putin-avoiding-new-partial-mobilization']]);
  });
});
