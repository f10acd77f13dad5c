import { describe, expect, test } from 'vitest';
import { DISTANCING_WORDS, HEDGE_WORDS, hasNumberToken, lintCorpus, quotedNumbers } from '../../src/lib/content/lints';
import type { ArticleEntry, ClaimEntry } from '../../src/lib/content/validate';
import { articleSchema } from '../../src/schemas/article';
import { claimSchema } from '../../src/schemas/claim';

// The lints on plain objects; the bad-content fixtures (tests/fixtures/bad-content/lint-*) run the
// same rules through the whole validator.

const article = (relay: string[] = [], published = '2025-07-07'): ArticleEntry => ({
  id: 'r',
  file: 'content/articles/r.md',
  body: '',
  blocks: [],
  data: articleSchema.parse({
    title: 'R',
    outlet: { id: null, basis: 'unknown', note: 'n' },
    published: { date: published, basis: 'stated' },
    relay: { chain: relay, note: 'n' },
    provenance: { seed: 'r.txt', omitted: [], normalised: [] },
    topics: ['t'],
    summary: 's',
  }),
});
const claim = (over: Record<string, unknown>): ClaimEntry => ({
  article: 'r',
  file: 'content/claims/r.yaml',
  location: undefined,
  context: undefined,
  number: 0,
  data: claimSchema.parse({
    id: 'c',
    quote: 'The count was refused.',
    statement: 'The count was refused.',
    kind: 'event',
    claimant: 'x',
    hedge: 'asserted',
    topics: ['t'],
    ...over,
  }),
});
const lint = (claims: ClaimEntry[], a: ArticleEntry = article()): string[] =>
  lintCorpus({ articles: [a], claims, sources: [], sourceIds: new Set(['x', 'y']), articleIds: new Set(['r']) }).map(
    (p) => `${p.field}: ${p.reason}`,
  );

describe('hedge words', () => {
  test.each([
    'Ukraine claims to have shot down',
    'The Armed Forces of Ukraine claim that',
    'This is seen as part of',
    'Putin appears to be seeking',
    'is seemingly trying',
    'rumors of a second draft',
    'reportedly said',
    'it could be a war of defense',
    'might be killed or injured',
  ])('"%s" is a hedge', (q) => expect(HEDGE_WORDS.test(q)).toBe(true));
  test.each(['On 4 October 2022, a video appeared', 'There is no doubt that', 'Rosstat refused'])('"%s" is not', (q) =>
    expect(HEDGE_WORDS.test(q)).toBe(false),
  );
  test('an asserted claim with a hedge word fails; the same claim as alleged passes', () => {
    expect(
      lint([claim({ quote: 'Ukraine claims 177 drones.', figures: [{ value: 177, unit: 'drones', counts: 'd' }] })]),
    ).toEqual(['claims (c).hedge: the quote says "claims", so the claim cannot be "asserted" [hedge-words]']);
    expect(
      lint([
        claim({
          quote: 'Ukraine claims 177 drones.',
          hedge: 'alleged',
          figures: [{ value: 177, unit: 'drones', counts: 'd' }],
        }),
      ]),
    ).toEqual([]);
  });
});

describe('distancing words', () => {
  test.each([
    ['the alleged broad support', 'the alleged support', true],
    ['the alleged broad support', 'the broad support', false],
    ['is not currently discussing', 'is not discussing now', true],
    ['is not currently discussing', 'is not discussing', false],
    ['attempts to "conceal" losses', 'tries to hide losses', true],
    ['attempts to "conceal" losses', 'hides losses', false],
    ['the so-called “crypto-mobilization“', 'the covert mobilization', false],
  ])('"%s" → "%s": kept %s', (quote, statement, kept) => {
    const w = DISTANCING_WORDS.find((d) => d.word.test(quote))!;
    expect(w.kept.test(statement)).toBe(kept);
  });
});

describe('numbers in quotes', () => {
  test('quantities are found; dates, years, reference marks and model names are not', () => {
    expect(quotedNumbers('On the night of July 5-6, four S-300 missiles and 157 drones [19] in 2025')).toEqual([
      { text: '157', value: 157 },
    ]);
    expect(quotedNumbers('On 19 February 2022, up to 30,000 as of August 2022')).toEqual([
      { text: '30,000', value: 30000 },
    ]);
    expect(quotedNumbers('We lost 27 million people; over 140 million')).toEqual([
      { text: '27 million', value: 27e6 },
      { text: '140 million', value: 140e6 },
    ]);
    expect(quotedNumbers('“is to draft 500,000-700,000,”')).toEqual([
      { text: '500,000', value: 500000 },
      { text: '700,000', value: 700000 },
    ]);
  });
  test('decimals with scale words are read whole, not as their integer part', () => {
    expect(quotedNumbers('1.9 million people, 5.2 billion rubles and 1.2 thousand letters')).toEqual([
      { text: '1.9 million', value: 1900000 },
      { text: '5.2 billion', value: 5200000000 },
      { text: '1.2 thousand', value: 1200 },
    ]);
    expect(quotedNumbers('a budget of 0.75 trillion')).toEqual([{ text: '0.75 trillion', value: 750000000000 }]);
  });
  test('both ends of a range are numbers; a scale word after the second applies to a smaller first', () => {
    expect(quotedNumbers('60,000 to 100,000 killed')).toEqual([
      { text: '60,000', value: 60000 },
      { text: '100,000', value: 100000 },
    ]);
    expect(quotedNumbers('1.5-2 million men and 3–5 billion rubles')).toEqual([
      { text: '1.5', value: 1500000 },
      { text: '2 million', value: 2000000 },
      { text: '3', value: 3e9 },
      { text: '5 billion', value: 5e9 },
    ]);
    // A first end larger than the second is a number of its own, not a scaled one.
    expect(quotedNumbers('from 300 to 1 million')).toEqual([
      { text: '300', value: 300 },
      { text: '1 million', value: 1e6 },
    ]);
  });
  test('thousands separators, plain decimals and percentages', () => {
    expect(
      quotedNumbers('1,250,000 letters, 2,022 replies, 12.5% refused, 40 percent and 3 per cent agreed, 7.25 hours'),
    ).toEqual([
      { text: '1,250,000', value: 1250000 },
      { text: '2,022', value: 2022 },
      { text: '12.5%', value: 12.5 },
      { text: '40 percent', value: 40 },
      { text: '3 per cent', value: 3 },
      { text: '7.25', value: 7.25 },
    ]);
    // Ordinals and digits inside words are not quantities; a sentence's full stop is not a decimal point.
    expect(quotedNumbers('the 300th day of COVID19 was 300.')).toEqual([{ text: '300', value: 300 }]);
  });
  test('a decimal figure matches its value; its integer part alone does not', () => {
    const q = { quote: 'Officials said 1.9 million were called up.' };
    expect(lint([claim({ ...q, figures: [{ value: 1900000, unit: 'people', counts: 'k' }] })])).toEqual([]);
    expect(lint([claim({ ...q, figures: [{ value: 1, unit: 'people', counts: 'k' }] })])).toEqual([
      'claims (c).figures: the quote has the number 1.9 million, which is neither a figure nor listed in notFigures [numbers-are-figures]',
    ]);
    // A notFigures entry names the number as written, and "1" is not a number of "1.9 million".
    expect(lint([claim({ ...q, figures: [], notFigures: [{ number: '1', reason: 'a reason' }] })])).toEqual([
      'claims (c).figures: the quote has the number 1.9 million, which is neither a figure nor listed in notFigures [numbers-are-figures]',
      'claims (c).notFigures: "1" is not a number in the quote',
    ]);
    expect(lint([claim({ ...q, figures: [], notFigures: [{ number: '1.9 million', reason: 'a reason' }] })])).toEqual(
      [],
    );
  });
  test('a number is a figure (value or upper bound), or listed as not one', () => {
    const q = { quote: 'between 60,000 and 100,000 killed, point 7.' };
    expect(lint([claim({ ...q, figures: [{ value: 60000, upper: 100000, unit: 'people', counts: 'k' }] })])).toEqual([
      'claims (c).figures: the quote has the number 7, which is neither a figure nor listed in notFigures [numbers-are-figures]',
    ]);
    expect(
      lint([
        claim({
          ...q,
          figures: [{ value: 60000, upper: 100000, unit: 'people', counts: 'k' }],
          notFigures: [{ number: '7', reason: 'a clause' }],
        }),
      ]),
    ).toEqual([]);
  });
});

describe('a listed number found as a whole token', () => {
  // Checked by hand, each against the rule: not after a digit, comma, or digit and point; not
  // before a digit, comma, or point and digit.
  const cases: [text: string, number: string, found: boolean][] = [
    ['point 7.', '7', true], // a full stop after it is not a decimal point
    ['1.9 million', '1', false], // the integer part of a decimal
    ['1.9 million', '9', false], // its decimals
    ['1.9 million', '1.9 million', true],
    ['100,000 killed', '100', false], // part of a grouped number
    ['100,000 killed', '000', false],
    ['100,000 killed', '100,000', true],
    ['in 2500 or 25000', '2500', true], // a later whole token after a longer one that starts the same
    ['25000 then 2500', '2500', true],
    ['25000 only', '2500', false],
    ['v.7 and x7', '7', true], // after a point with no digit before it, or after a letter
    ['at 12.5%', '12.5%', true],
    ['at 112.5%', '12.5%', false],
    ['7', '7', true], // the whole text
    ['', '7', false],
  ];
  test.each(cases)('in %j, %j: %s', (text, number, found) => {
    expect(hasNumberToken(text, number)).toBe(found);
    // The pattern it replaces says the same.
    const escaped = number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(new RegExp(`(?<![\\d,]|\\d\\.)${escaped}(?![\\d,]|\\.\\d)`).test(text)).toBe(found);
  });
});

describe('relay chain', () => {
  const a = article(['y']);
  test("a claimant's chain starts with the report's relay; the report's own voice is the relay exactly", () => {
    expect(lint([claim({ via: ['y'] })], a)).toEqual([]);
    expect(lint([claim({ claimant: 'y', via: [] })], a)).toEqual([
      `claims (c).claimant: "y" is the report's relay itself: its own voice is claimant the-report, via [y] [relay-chain]`,
    ]);
    expect(lint([claim({ claimant: 'z', via: ['y'] })], a)).toEqual([]);
    expect(lint([claim({})], a)).toEqual([
      "claims (c).via: the chain [x] does not start with the report's relay chain [y] [relay-chain]",
    ]);
    expect(lint([claim({ claimant: 'the-report', via: [] })], a)[0]).toMatch(/via should be \[y\] \[relay-chain\]$/);
    expect(lint([claim({ claimant: 'the-report', via: ['y'] })], a)).toEqual([]);
  });
  test('an exemption with a reason silences the rule, and an exemption that silences nothing fails', () => {
    const reason = { rule: 'relay-chain', reason: 'The claimant is quoted directly, not through the relay.' };
    expect(lint([claim({ exemptions: [reason] })], a)).toEqual([]);
    expect(lint([claim({ via: ['y'], exemptions: [reason] })], a)).toEqual([
      'claims (c).exemptions[0]: the "relay-chain" rule finds nothing to exempt here: remove the exemption',
    ]);
  });
});

describe('relations', () => {
  const two = (r1: object[], r2: object[], kind1 = 'event') => [
    claim({ id: 'c', kind: kind1, relations: r1 }),
    claim({ id: 'd', relations: r2 }),
  ];
  test('only a denial denies', () => {
    expect(lint(two([{ claim: 'd', type: 'denies', note: 'n' }], []))).toEqual([
      'claims (c).relations[0].type: only a claim of kind "denial" can deny; this one is "event" [denies-from-denial]',
    ]);
    expect(lint(two([{ claim: 'd', type: 'denies', note: 'n' }], [], 'denial'))).toEqual([]);
  });
  test('a link declared from both ends is symmetric and the same both ways', () => {
    expect(
      lint(two([{ claim: 'd', type: 'corroborates', note: 'n' }], [{ claim: 'c', type: 'corroborates', note: 'n' }])),
    ).toEqual([]);
    expect(
      lint(two([{ claim: 'd', type: 'corroborates', note: 'n' }], [{ claim: 'c', type: 'contradicts', note: 'n' }])),
    ).toHaveLength(2);
    expect(
      lint(two([{ claim: 'd', type: 'qualifies', note: 'n' }], [{ claim: 'c', type: 'qualifies', note: 'n' }]))[0],
    ).toMatch(/one-way/);
  });
  test('a second relation to the same claim fails', () => {
    expect(
      lint(
        two(
          [
            { claim: 'd', type: 'corroborates', note: 'n' },
            { claim: 'd', type: 'same-event', note: 'n' },
          ],
          [],
        ),
      ),
    ).toEqual(['claims (c).relations[1].claim: a second relation to "d"']);
  });
});

describe('dates', () => {
  const fig = (asOf: string) => ({ value: 3, unit: 'x', counts: 'x', asOf: { date: asOf, basis: 'stated' } });
  test("a figure's as-of date is not after its report, at the report's precision", () => {
    expect(lint([claim({ quote: 'qqq', figures: [fig('2025-07-07')] })])).toEqual([]);
    expect(lint([claim({ quote: 'qqq', figures: [fig('2025-07-08')] })])[0]).toMatch(
      /^claims \(c\)\.figures\[0\]\.asOf\.date: "2025-07-08" is after the report's date "2025-07-07"/,
    );
    // A report dated only to a month allows any day of it; an open-ended report allows later dates.
    expect(lint([claim({ quote: 'qqq', figures: [fig('2022-12-31')] })], article([], '2022-10/2022-12'))).toEqual([]);
    expect(lint([claim({ quote: 'qqq', figures: [fig('2023-01')] })], article([], '2022-10/2022-12'))).toHaveLength(1);
    expect(lint([claim({ quote: 'qqq', figures: [fig('2026-01')] })], article([], '2024-05-31/..'))).toEqual([]);
  });
  test("a figure's as-of date overlaps the claim's own date", () => {
    const night = { date: '2025-07-05/2025-07-06', basis: 'inferred', note: 'the night of 5–6 July' };
    expect(lint([claim({ quote: 'qqq', about: night, figures: [fig('2025-07-06')] })])).toEqual([]);
    expect(
      lint([claim({ quote: 'qqq', about: { date: '2025-07-05', basis: 'stated' }, figures: [fig('2025-07-06')] })])[0],
    ).toMatch(/\[dates-agree\]$/);
  });
});
