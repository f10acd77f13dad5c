import { describe, expect, test } from 'vitest';
import { apiClaimsSchema, apiEventsSchema } from '../../src/schemas/api';
import { claimsExport, eventsExport } from '../../src/lib/exports/api';
import { clipLabel, layoutEventGraph } from '../../src/lib/views/event-graph';
import { eventView } from '../../src/lib/views/event-views';
import { plural } from '../../src/lib/plural';
import { sortKey, yearOf } from '../../src/lib/model/dates';
import { tellingLetter } from '../../src/lib/model/events';
import { LEDGER_FIXTURE, ledgerFrom } from './helpers';

// The rules of events, origins, evidence and differences, on the fixture corpus
// (tests/fixtures/ledger): every id and expected value below is written for that corpus.
const ledger = ledgerFrom(LEDGER_FIXTURE);
const ev = (id: string) => {
  const e = ledger.eventById.get(id);
  if (!e) throw new Error(`no event ${id}`);
  return e;
};
const claim = (id: string) => {
  const c = ledger.claimById.get(id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
};

describe('events', () => {
  test.each(['decree-event', 'single-origin-event', 'data-halt', 'long-campaign'])(
    '%s is told by two or more reports',
    (id) => {
      expect(ev(id).tellings.length).toBeGreaterThanOrEqual(2);
    },
  );

  test('the covert campaign spans the 2022 and the 2025 reports', () => {
    // Tellings oldest report first: the harbour (September 2022), autumn (late 2022) and summit (2025) reports.
    const reports = ev('long-campaign').tellings.map((t) => yearOf(t.article.data.published.date));
    expect(reports).toEqual(['2022', '2022', '2025']);
  });

  test('tellings are in report order, oldest first, lettered, each in text order', () => {
    expect(ev('data-halt').tellings.map((t) => [t.letter, t.article.id])).toEqual([
      ['A', 'r-autumn'],
      ['B', 'r-summit'],
    ]);
    const e = ev('long-campaign');
    expect(e.tellings.map((t) => [t.letter, t.article.id, t.claims.map((c) => c.id)])).toEqual([
      ['A', 'r-harbour', ['reed-covert-campaign']],
      ['B', 'r-autumn', ['ridge-averse', 'autumn-covert-campaign']],
      ['C', 'r-summit', ['summit-covert-goes-on']],
    ]);
    for (const t of e.tellings)
      expect(t.claims.map((c) => c.number)).toEqual([...t.claims.map((c) => c.number)].sort((a, b) => a - b));
  });

  test('each claim links back to its events', () => {
    expect(
      claim('ridge-averse')
        .events.map((e) => e.id)
        .sort(),
    ).toEqual(['long-campaign', 'single-origin-event']);
  });

  test('events sit on the timeline in date order, each linked to its neighbours', () => {
    const dates = ledger.events.map((e) => sortKey(e.data.date.date));
    expect(dates).toEqual([...dates].sort());
    ledger.events.forEach((e, i) => {
      expect(e.previous).toBe(ledger.events[i - 1]);
      expect(e.next).toBe(ledger.events[i + 1]);
    });
    expect(ledger.events.map((e) => e.id)).toEqual([
      'long-campaign',
      'decree-event',
      'single-origin-event',
      'data-halt',
    ]);
  });
});

describe('origins and evidence', () => {
  test("a claim's origin is its claimant; a relaying report's own voice is the relayed source, or the report when it relays no one", () => {
    expect(claim('ridge-avoiding').origin).toMatchObject({ key: 'source:ridge-institute', kind: 'source' });
    // Summit News is known only from page furniture; the report relays East Agency.
    expect(claim('summit-covert-goes-on').origin).toMatchObject({
      key: 'source:east-agency',
      name: 'East Agency',
      kind: 'relay',
      inferred: false,
    });
    expect(claim('valley-silent-mobilization').origin).toMatchObject({
      key: 'source:valley-wiki',
      label: 'Valley Wiki (inferred)',
      inferred: true,
    });
    expect(claim('autumn-covert-campaign').origin).toMatchObject({
      key: 'report:r-autumn',
      kind: 'report',
      url: '/articles/r-autumn/',
    });
  });

  test('two reports relaying the Ridge Institute are one origin, not corroboration', () => {
    const e = ev('single-origin-event');
    expect(e.evidence.label).toBe('single origin');
    expect(e.evidence.origins.map((o) => o.origin.name)).toEqual(['Ridge Institute']);
    expect(e.evidence.reasoning).toBe(
      'Single origin: the 2 claims that tell it, in 2 reports, all trace back to Ridge Institute, so they are one origin, not independent corroboration.',
    );
    // The claim in the later report is corroborated only by the same origin.
    expect(claim('ridge-avoiding').evidence).toMatchObject({
      label: 'single origin',
      filterValues: ['Single origin'],
    });
  });

  test('independent origins are counted and named', () => {
    const c = claim('reed-covert-campaign').evidence;
    expect(c.label).toBe('independent origins');
    expect(c.origins.map((o) => o.origin.name).sort()).toEqual(['Anna Reed', 'Ridge Institute']);
    expect(c.reasoning).toMatch(/^2 independent origins: its own, Anna Reed, and Ridge Institute \(/);
    expect(c.reasoning).not.toMatch(/Disputed/);
    expect(c.filterValues).toEqual(['Independent origins']);
  });

  test("a report's own voice and an inferred outlet are listed but not counted as independent", () => {
    const c = claim('autumn-covert-campaign').evidence;
    expect(c).toMatchObject({ label: 'single origin', independent: 1 });
    expect(c.origins.map((o) => o.origin.label).sort()).toEqual([
      'Boris Moss',
      'Valley Wiki (inferred)',
      'the report “Autumn report on a second wave” (unattributed)',
    ]);
  });

  test('an event told from several origins is not called corroborated', () => {
    const e = ev('decree-event').evidence;
    expect(e.origins.map((o) => o.origin.name).sort()).toEqual(['Anna Reed', 'Ivan Lake', 'River Gazette']);
    expect(e.label).toBe('several origins');
    expect(e.reasoning).toMatch(/^Told by 2 reports in 5 claims; the texts credit 3 independent origins: /);
    expect(e.reasoning).not.toMatch(/Corroborated/);
    expect(e.reasoning).toContain('Telling one event is not corroboration');
  });

  test('disputed: by whom, and how', () => {
    const d = claim('lake-only-reservists').evidence;
    expect(d.disputedBy.map((x) => [x.claim.id, x.type, x.origin.name])).toEqual([
      ['reed-doubts-decree', 'doubted', 'Anna Reed'],
    ]);
    // The party whose address is doubted does not dispute the doubt.
    expect(claim('reed-doubts-decree').evidence.disputedBy).toEqual([]);
    expect(ev('decree-event').evidence.reasoning).toContain(
      'Disputed: Anna Reed doubts what Ivan Lake says (“Ivan Lake said only reservists are called up.”)',
    );
    expect(ev('decree-event').evidence.reasoning).not.toMatch(/Ivan Lake (doubts|contradicts|denies)/);
    const g = claim('reed-second-wave').evidence;
    expect(g.disputedBy.map((x) => [x.type, x.origin.name])).toEqual([['denied', 'Ivan Lake']]);
    // A denial does not make the denier disputed.
    expect(claim('lake-no-talks').evidence.disputedBy).toEqual([]);
  });
});

describe('differences', () => {
  test('a different number for the same thing, with both sides', () => {
    const d = ev('decree-event').differences.find((x) => x.kind === 'figure')!;
    expect(d.label).toBe('Number: people the decree allows to be called up');
    expect(d.sides.map((s) => [s.claim.id, s.value])).toEqual([
      ['decree-allows-300000', '300,000 people'],
      ['gazette-one-million', 'up to 1,000,000 men'],
    ]);
  });

  test('a different claimant; the relay chain once, per report; no date compared across said and about', () => {
    const kinds = (id: string) => ev(id).differences.map((d) => d.kind);
    // One relay line; a claimant line per pair of related claims; the number. The decree's date
    // (about, in A) is not set against the River Gazette's report's (said, in B).
    expect(kinds('decree-event')).toEqual(['relay', 'claimant', 'claimant', 'figure']);
    expect(
      ev('decree-event')
        .differences.filter((d) => d.kind === 'claimant')
        .map((d) => d.sides.map((s) => s.value)),
    ).toEqual([
      ['Ivan Lake', 'River Gazette'],
      ['Ivan Lake', 'Anna Reed'],
    ]);
    const chain = ev('single-origin-event').differences;
    expect(chain.map((d) => [d.kind, d.sides.map((s) => s.value)])).toEqual([
      ['relay', ['relays no source as a whole', 'Summit News (inferred) → East Agency']],
    ]);
    // Moss's "said" (late 2022) and the Ridge Institute's "about" (June 2025) are not set against each other.
    expect(kinds('data-halt')).toEqual(['relay', 'hedge', 'claimant']);
  });

  test('a different hedge for the same event', () => {
    const d = ev('data-halt').differences.filter((x) => x.kind === 'hedge');
    expect(d.map((x) => x.sides.map((s) => `${s.claim.id}=${s.value}`))).toEqual([
      ['moss-data-hidden=likely', 'ridge-deaths-hidden=asserted'],
    ]);
    // An assessment's hedge ("doubted") is not set against an event's ("asserted").
    expect(ev('decree-event').differences.some((x) => x.kind === 'hedge')).toBe(false);
    // The same hedge in two reports is no difference.
    expect(ev('single-origin-event').differences.some((x) => x.kind === 'hedge')).toBe(false);
  });

  test('the fields that differ are marked on both sides', () => {
    const v = eventView(ev('decree-event'));
    expect(v.differs(claim('decree-allows-300000'), 'figures')).toBe(true);
    expect(v.differs(claim('gazette-one-million'), 'figures')).toBe(true);
    expect(v.differs(claim('lake-only-reservists'), 'claimant')).toBe(true);
    expect(v.differs(claim('lake-only-reservists'), 'hedge')).toBe(false);
    expect(v.differs(claim('reed-doubts-decree'), 'figures')).toBe(false);
    expect(v.differs(claim('lake-decree-signed'), 'claimant')).toBe(false);
  });
});

describe('relation graph', () => {
  test('a box per claim in a column per report, an arrow per relation, inside the drawing', () => {
    const e = ev('decree-event');
    const g = layoutEventGraph(e);
    expect(g.nodes).toHaveLength(5);
    expect(g.columns.map((c) => c.letter)).toEqual(['A', 'B']);
    expect(g.edges.map((x) => [x.from.label, x.type, x.to.label, x.dashed])).toEqual([
      ['B1', 'qualifies', 'A2', false],
      ['B2', 'contradicts', 'A3', true],
      ['A1', 'same-event', 'A2', false],
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
    const c = apiClaimsSchema.parse(claimsExport(ledger)).claims.find((x) => x.id === 'ridge-avoiding')!;
    expect(c.events.map((e) => e.id)).toEqual(['single-origin-event']);
    expect(c.origin.key).toBe('source:ridge-institute');
    // Its retelling in the other report is the same event from the same origin, not corroboration.
    expect(c.evidence.origins.map((o) => o.claims)).toEqual([['ridge-avoiding']]);
  });
});

describe('telling letters', () => {
  test('A to Z, then AA, AB…: a letter for every telling, however many', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(tellingLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    const letters = Array.from({ length: 1000 }, (_, i) => tellingLetter(i));
    expect(new Set(letters).size).toBe(1000);
    expect(letters.every((l) => /^[A-Z]+$/.test(l))).toBe(true);
  });
});
