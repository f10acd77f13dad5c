import { describe, expect, test } from 'vitest';
import { attributionChain, describeDispute, evidenceExamples, relayLabel } from '../../src/lib/model/evidence';
import { exportClaim } from '../../src/lib/exports/api';
import { bibtex, citationText, cslJson } from '../../src/lib/exports/cite';
import { claimJsonLd } from '../../src/lib/exports/jsonld';
import { fixtureLedger } from './evidence-fixture';

// The evidence rules on small corpora of plain objects, one case each; the real content is not read.

describe('an inferred outlet is shown as inferred', () => {
  // An encyclopedia-like excerpt: its outlet is inferred from its form and it relays that outlet as a whole.
  const l = fixtureLedger({
    articles: [{ id: 'enc', outlet: { id: 'wiki', basis: 'inferred' }, relay: ['wiki'] }],
    sources: [{ id: 'wiki', kind: 'media outlet' }, { id: 'putin' }],
    claims: [
      { id: 'own', article: 'enc', via: ['wiki'] },
      { id: 'named', article: 'enc', claimant: 'putin', via: ['wiki'] },
    ],
  });
  const own = l.claimById.get('own')!;
  const named = l.claimById.get('named')!;

  test('in the chain and the origin', () => {
    expect(attributionChain(named).map((x) => x.label)).toEqual(['WIKI (inferred)']);
    expect(relayLabel(own.article)).toBe('WIKI (inferred)');
    expect(own.origin).toMatchObject({
      key: 'source:wiki',
      label: 'WIKI (inferred)',
      inferred: true,
      identified: false,
    });
    expect(own.evidence.reasoning).toBe('Single origin: WIKI (inferred). No claim corroborates it.');
    // A source the text names is not inferred, even in an inferred outlet's report.
    expect(named.origin).toMatchObject({ key: 'source:putin', inferred: false, identified: true });
  });

  test('in the exports, the citations and the JSON-LD', () => {
    const out = exportClaim(named);
    expect(out.via).toEqual([expect.objectContaining({ id: 'wiki', inferred: true })]);
    expect(exportClaim(own).origin).toMatchObject({ inferred: true, label: 'WIKI (inferred)' });
    expect(citationText(named)).toContain('WIKI (inferred)');
    expect(bibtex(named)).toContain('WIKI (inferred)');
    expect(JSON.stringify(cslJson(named))).toContain('WIKI (inferred)');
    // schema.org reads `publisher` as a fact: an inferred outlet is not given as one.
    expect(JSON.stringify(claimJsonLd(named))).not.toContain('publisher');
  });
});

describe("a relayed report's own voice", () => {
  const l = fixtureLedger({
    articles: [
      // The outlet is known only from page furniture; the text credits the relayed outlet.
      { id: 'relaying', outlet: { id: 'furniture', basis: 'inferred' }, relay: ['furniture', 'relayed'] },
      { id: 'plain', outlet: { id: 'furniture', basis: 'inferred' } },
      { id: 'stated', outlet: { id: 'paper', basis: 'stated' } },
    ],
    sources: [
      { id: 'furniture', kind: 'media outlet' },
      { id: 'relayed', kind: 'media outlet' },
      { id: 'paper', kind: 'media outlet' },
    ],
    claims: [
      { id: 'a', article: 'relaying', via: ['furniture', 'relayed'] },
      { id: 'b', article: 'plain' },
      { id: 'c', article: 'stated' },
    ],
  });
  test('originates at the relayed source, never at the outlet known from page furniture', () => {
    expect(l.claimById.get('a')!.origin).toMatchObject({ key: 'source:relayed', kind: 'relay', inferred: false });
    expect(attributionChain(l.claimById.get('a')!).map((x) => x.label)).toEqual(['FURNITURE (inferred)', 'RELAYED']);
  });
  test('with no relay, an inferred outlet gives way to the report, unattributed; a stated outlet is the origin', () => {
    expect(l.claimById.get('b')!.origin).toMatchObject({
      key: 'report:plain',
      kind: 'report',
      label: 'the report “Report plain” (unattributed)',
    });
    expect(l.claimById.get('c')!.origin).toMatchObject({ key: 'source:paper', identified: true });
  });
  test('an event names a report’s own voice by where it comes from, in words', () => {
    const e = fixtureLedger({
      articles: [
        { id: 'relaying', relay: ['relayed'] },
        { id: 'plain' },
        { id: 'stated', outlet: { id: 'paper', basis: 'stated' } },
        { id: 'named' },
      ],
      sources: [{ id: 'relayed', kind: 'media outlet' }, { id: 'paper', kind: 'media outlet' }, { id: 'grant' }],
      claims: [
        { id: 'a', article: 'relaying', via: ['relayed'], events: ['e'] },
        { id: 'b', article: 'plain', events: ['e'] },
        { id: 'c', article: 'stated', events: ['e'] },
        // Differences are drawn between related tellings: the named claimant's, with each of the others.
        {
          id: 'd',
          article: 'named',
          claimant: 'grant',
          events: ['e'],
          relations: ['a', 'b', 'c'].map((claim) => ({ claim, type: 'same-event' as const, note: 'n' })),
        },
      ],
      events: [{ id: 'e' }],
    }).eventById.get('e')!;
    const said = new Map(
      e.differences.filter((d) => d.kind === 'claimant').flatMap((d) => d.sides.map((s) => [s.claim.id, s.value])),
    );
    expect(Object.fromEntries(said)).toEqual({
      a: "the report's own voice, relaying RELAYED",
      b: "the report's own voice, credited to no one",
      c: "the report's own voice, its outlet PAPER's",
      d: 'GRANT',
    });
  });
});

describe('corroboration needs independent origins', () => {
  const l = fixtureLedger({
    articles: [{ id: 'r1' }, { id: 'r2' }],
    sources: [
      { id: 'isw', kind: 'think tank' },
      { id: 'experts', kind: 'group of people' },
      { id: 'channels', kind: 'group of channels' },
      { id: 'grant', affiliation: 'foundation' },
      { id: 'foundation', kind: 'think tank' },
      { id: 'kremlin', kind: 'government body' },
      { id: 'peskov', affiliation: 'kremlin' },
      { id: 'kobak' },
    ],
    claims: [
      // One source quoted twice, in two reports.
      { id: 'isw-1', article: 'r1', claimant: 'isw', relations: [{ claim: 'isw-2', type: 'corroborates', note: 'n' }] },
      { id: 'isw-2', article: 'r2', claimant: 'isw' },
      // Unnamed experts, then a named expert the report counts among them.
      { id: 'experts-say', article: 'r1', claimant: 'experts' },
      {
        id: 'grant-says',
        article: 'r1',
        claimant: 'grant',
        relations: [{ claim: 'experts-say', type: 'corroborates', note: 'n' }],
      },
      // A spokesman and the body he speaks for.
      {
        id: 'kremlin-says',
        article: 'r1',
        claimant: 'kremlin',
        relations: [{ claim: 'peskov-says', type: 'corroborates', note: 'n' }],
      },
      { id: 'peskov-says', article: 'r2', claimant: 'peskov' },
      // One group id in two reports: not one body, and not shown independent either.
      {
        id: 'experts-elsewhere',
        article: 'r2',
        claimant: 'experts',
        relations: [{ claim: 'experts-say', type: 'corroborates', note: 'n' }],
      },
      // Unnamed channels say what a named source says: listed, not counted.
      {
        id: 'channels-say',
        article: 'r2',
        claimant: 'channels',
        relations: [{ claim: 'kobak-says', type: 'corroborates', note: 'n' }],
      },
      // Two named, unrelated sources.
      {
        id: 'kobak-says',
        article: 'r2',
        claimant: 'kobak',
        relations: [{ claim: 'isw-1', type: 'corroborates', note: 'n' }],
      },
    ],
  });
  const ev = (id: string) => l.claimById.get(id)!.evidence;

  test('unnamed channels are a group: listed among the origins, never counted', () => {
    expect(l.claimById.get('channels-say')!.origin).toMatchObject({ key: 'source:channels@r2', identified: false });
    // Kobak and ISW are two origins; the channels beside them add none.
    expect(ev('kobak-says').independent).toBe(2);
    expect(ev('kobak-says').origins.map((g) => g.origin.key)).toContain('source:channels@r2');
    // The channels' claim with Kobak's beside it: one origin the texts credit by name.
    expect(ev('channels-say')).toMatchObject({ label: 'single origin', independent: 1 });
  });

  test('one source quoted twice is one origin', () => {
    expect(ev('isw-2')).toMatchObject({ label: 'single origin', independent: 1 });
    expect(ev('isw-2').origins).toHaveLength(1);
  });
  test('a named member of an unnamed group is not a second origin', () => {
    expect(ev('grant-says')).toMatchObject({ label: 'single origin', independent: 1 });
    expect(ev('grant-says').reasoning).toContain('Not counted as independent: EXPERTS');
  });
  test('a member and the body he speaks for are one origin', () => {
    expect(ev('peskov-says')).toMatchObject({ label: 'single origin', independent: 1 });
    expect(ev('peskov-says').reasoning).toContain('PESKOV and KREMLIN are one origin (one body)');
  });
  test('one group id used in two reports is two origins, neither counted', () => {
    expect(ev('experts-elsewhere').origins.map((o) => o.origin.key)).toEqual(
      expect.arrayContaining(['source:experts@r1', 'source:experts@r2']),
    );
    expect(ev('experts-elsewhere').label).toBe('single origin');
  });
  test('two named, unrelated sources are independent', () => {
    expect(ev('kobak-says')).toMatchObject({ label: 'independent origins', independent: 2 });
    // Its own origin is named apart: no claim reads as corroborated by its own claimant.
    expect(ev('kobak-says').reasoning).toMatch(
      /^2 independent origins: its own, KOBAK, and ISW \(1 claim in 1 report\), whose claims corroborate it\./,
    );
  });
});

describe('a dispute has a direction', () => {
  const l = fixtureLedger({
    articles: [{ id: 'r1' }, { id: 'r2' }],
    sources: [{ id: 'putin' }, { id: 'chikov' }, { id: 'peskov' }, { id: 'gerashchenko' }],
    claims: [
      { id: 'address', article: 'r1', claimant: 'putin', events: ['decree'] },
      {
        id: 'doubt',
        article: 'r2',
        claimant: 'chikov',
        hedge: 'doubted',
        events: ['decree'],
        relations: [{ claim: 'address', type: 'contradicts', note: 'n' }],
      },
      { id: 'plan', article: 'r1', claimant: 'gerashchenko' },
      {
        id: 'denial',
        article: 'r2',
        claimant: 'peskov',
        kind: 'denial',
        hedge: 'denied',
        relations: [{ claim: 'plan', type: 'denies', note: 'n' }],
      },
    ],
    events: [{ id: 'decree' }],
  });
  const c = (id: string) => l.claimById.get(id)!;

  test('the party whose statement is doubted is not a disputer', () => {
    expect(c('address').evidence.disputedBy.map((d) => [d.claim.id, d.type])).toEqual([['doubt', 'doubted']]);
    expect(c('doubt').evidence.disputedBy).toEqual([]);
    expect(c('address').evidence.reasoning).toContain(
      'Disputed: CHIKOV doubts what PUTIN says (“Statement address.”).',
    );
    // The page lists the disputes apart, under the reasoning without them.
    const { basis, reasoning } = c('address').evidence;
    expect(basis).not.toContain('Disputed');
    expect(reasoning.startsWith(basis)).toBe(true);
    expect(reasoning.length).toBeGreaterThan(basis.length);
  });
  test('an unnamed group says in the plural', () => {
    const dispute = c('address').evidence.disputedBy[0]!;
    const group = {
      ...dispute.target.claimant,
      data: { ...dispute.target.claimant.data, kind: 'group of people' as const },
    };
    expect(describeDispute({ ...dispute, target: { ...dispute.target, claimant: group } })).toBe(
      'CHIKOV doubts what PUTIN say (“Statement address.”)',
    );
    expect(describeDispute(dispute)).toBe('CHIKOV doubts what PUTIN says (“Statement address.”)');
  });
  test('a denial disputes what it denies, not the other way round', () => {
    expect(c('plan').evidence.disputedBy.map((d) => [d.claim.id, d.type])).toEqual([['denial', 'denied']]);
    expect(c('denial').evidence.disputedBy).toEqual([]);
  });
  test('an event names who disputes which telling', () => {
    const e = l.eventById.get('decree')!;
    expect(e.evidence.disputedBy.map((d) => `${d.origin.name} ${d.type} ${d.target.claimant.data.name}`)).toEqual([
      'CHIKOV doubted PUTIN',
    ]);
    expect(e.evidence.reasoning).not.toMatch(/PUTIN (doubts|contradicts|denies)/);
  });
});

describe('an event compares like with like', () => {
  const l = fixtureLedger({
    articles: [
      { id: 'r1', published: '2025-07-01' },
      { id: 'r2', outlet: { id: 'fakti', basis: 'inferred' }, relay: ['fakti', 'newsbg'], published: '2025-07-07' },
    ],
    sources: [
      { id: 'kobak' },
      { id: 'isw', kind: 'think tank' },
      { id: 'fakti', kind: 'media outlet' },
      { id: 'newsbg', kind: 'media outlet' },
    ],
    claims: [
      // "Last month" (when he said it) against "at the end of June" (when it happened): not comparable.
      {
        id: 'k1',
        article: 'r1',
        claimant: 'kobak',
        events: ['e'],
        stated: { date: '2025-06', basis: 'inferred', note: 'n' },
        relations: [{ claim: 'k2', type: 'same-event', note: 'n' }],
      },
      {
        id: 'k2',
        article: 'r2',
        claimant: 'kobak',
        via: ['fakti', 'newsbg'],
        events: ['e'],
        about: { date: '2025-06', basis: 'stated' },
      },
      // About against about: overlapping dates agree, disjoint ones differ.
      {
        id: 'a1',
        article: 'r1',
        claimant: 'isw',
        events: ['e'],
        about: { date: '2025-07', basis: 'stated' },
        relations: [
          { claim: 'a2', type: 'same-event', note: 'n' },
          { claim: 'a3', type: 'same-event', note: 'n' },
        ],
      },
      {
        id: 'a2',
        article: 'r2',
        claimant: 'isw',
        via: ['fakti', 'newsbg'],
        events: ['e'],
        about: { date: '2025-07-05', basis: 'inferred', note: 'n' },
      },
      {
        id: 'a3',
        article: 'r2',
        claimant: 'isw',
        via: ['fakti', 'newsbg'],
        events: ['e'],
        about: { date: '2025-05', basis: 'stated' },
      },
      // A flatly stated figure against a hedged explanation: their hedges are of different parts.
      {
        id: 'f1',
        article: 'r1',
        claimant: 'isw',
        kind: 'figure',
        events: ['e'],
        relations: [{ claim: 'f2', type: 'same-event', note: 'n' }],
      },
      {
        id: 'f2',
        article: 'r2',
        claimant: 'isw',
        kind: 'assessment',
        hedge: 'possible',
        via: ['fakti', 'newsbg'],
        events: ['e'],
      },
    ],
    events: [{ id: 'e' }],
  });
  const e = l.eventById.get('e')!;

  test('said with said, about with about', () => {
    const dates = e.differences.filter((d) => d.kind === 'about' || d.kind === 'stated');
    expect(dates.map((d) => [d.label, d.sides.map((s) => `${s.claim.id}=${s.value}`)])).toEqual([
      ['Date (when it happened)', ['a1=July 2025', 'a3=May 2025']],
    ]);
  });
  test('hedges only between claims of one kind', () => {
    expect(e.differences.filter((d) => d.kind === 'hedge')).toEqual([]);
  });
  test('the report-level relay chain once, not per claim', () => {
    const relay = e.differences.filter((d) => d.kind === 'relay');
    expect(relay.map((d) => d.sides.map((s) => s.value))).toEqual([
      ['relays no source as a whole', 'FAKTI (inferred) → NEWSBG'],
    ]);
    // Each claim's own chain is empty after the relay: no chain difference, and no claim marked for it.
    expect(e.differences.some((d) => d.kind === 'chain')).toBe(false);
    expect([...e.differing].some((x) => x.endsWith(':relay'))).toBe(false);
  });
  test('the origin count is of origins the texts credit', () => {
    expect(e.evidence).toMatchObject({ label: 'several origins', independent: 2 });
  });
});

describe("the about page's worked examples come from the data", () => {
  const l = fixtureLedger({
    articles: [
      { id: 'relaying', outlet: { id: 'furniture', basis: 'inferred' }, relay: ['furniture', 'relayed'] },
      { id: 'r2' },
    ],
    sources: [
      { id: 'furniture', kind: 'media outlet' },
      { id: 'relayed', kind: 'media outlet' },
      { id: 'experts', kind: 'group of people' },
      { id: 'grant' },
      { id: 'putin' },
      { id: 'chikov' },
    ],
    claims: [
      { id: 'own', article: 'relaying', via: ['furniture', 'relayed'] },
      { id: 'experts-say', article: 'r2', claimant: 'experts' },
      {
        id: 'grant-says',
        article: 'r2',
        claimant: 'grant',
        relations: [{ claim: 'experts-say', type: 'corroborates', note: 'n' }],
      },
      { id: 'address', article: 'r2', claimant: 'putin' },
      {
        id: 'doubt',
        article: 'r2',
        claimant: 'chikov',
        hedge: 'doubted',
        relations: [{ claim: 'address', type: 'contradicts', note: 'n' }],
      },
    ],
  });
  test('one example per rule, each showing what its paragraph says', () => {
    const x = evidenceExamples(l);
    expect(x.origin?.id).toBe('own');
    expect(x.origin?.origin.label).toBe('RELAYED');
    expect([x.independence?.claim.id, x.independence?.uncounted.name]).toEqual(['grant-says', 'EXPERTS']);
    expect(x.independence?.claim.evidence.independent).toBe(1);
    expect([x.dispute?.claim.id, x.dispute?.type, x.dispute?.target.id]).toEqual(['doubt', 'doubted', 'address']);
  });
  test('none where the data has no such case', () => {
    expect(
      evidenceExamples(fixtureLedger({ articles: [{ id: 'r' }], sources: [], claims: [{ id: 'c', article: 'r' }] })),
    ).toEqual({
      origin: undefined,
      independence: undefined,
      dispute: undefined,
    });
  });
});
