import type { hedges, lintRules, relationTypes } from '../../schemas/claim';

// The editorial policy, as data: /about/ prints it, and typing each table by the schema's own
// lists means a new hedge, relation type or lint cannot be added without saying what it means.

/** What each hedge means, and the wording in a report that leads to it. */
export const HEDGE_MEANINGS: Record<(typeof hedges)[number], string> = {
  asserted:
    'Stated as fact, with no hedging word: by the report in its own voice, or by the claimant as the report quotes them.',
  likely:
    'Given as probable: “likely”, “very likely”, “most likely”, “probably”, “suggests”, or an assessment framed as one (“assesses”, “sees signs”, “has observed indications”).',
  possible: 'Given as open: “appears”, “seemingly”, “seems”, “may”, “might”, “could”.',
  alleged:
    'Relayed at a distance, without the report vouching for it: “claims”, “alleged”, “reportedly”, “is seen as”. Whether the claim is true is not weighed.',
  rumoured: 'Reported as rumour or speculation (“rumours”, “speculation”), with no one standing behind it.',
  denied: 'The claimant says something is not so.',
  doubted: 'The claimant says something is unlikely or doubts it (“highly unlikely”, “I really doubt”).',
  opinion: 'Offered as a personal view (“my feeling is”, “my gut feeling”).',
};

/** When each relation type is used. Relations are declared once, on one claim; the other end is derived. */
export const RELATION_MEANINGS: Record<(typeof relationTypes)[number], string> = {
  corroborates: 'The two claims say the same thing about the same matter, from different sources or reports.',
  contradicts:
    'Both cannot be true as worded: the same measure or question, answered differently. Different measures (casualties and deaths) or different questions do not contradict.',
  denies:
    'A denial (a claim of kind “denial”) rejecting the claim it answers, and only that claim: not a neighbouring one it does not address.',
  updates:
    'A later claim on the same matter: what happened after a forecast, or a later state of something an earlier claim described.',
  'same-event': 'Two accounts of one event, statement or document.',
  qualifies:
    'Narrows or limits another claim (what a denial leaves open, a caveat on a source) without saying it is false.',
};

/** What each editorial check enforces; a per-claim exemption with a reason is shown on the claim page. */
export const LINT_MEANINGS: Record<(typeof lintRules)[number], string> = {
  'hedge-words':
    'A quote worded with a hedging or distancing word (“claims”, “alleged”, “reportedly”, “is seen as”, “appears”, “seemingly”, “likely”, “rumours”…) is not recorded as “asserted”.',
  'distancing-words':
    'A distancing word in the quote (“alleged”, “supposed”, “so-called”, “currently”, “attempts”) survives in the statement.',
  'numbers-are-figures':
    'Every number in a quote is a figure, or is listed as not one with a reason (a clause number, a garbled date).',
  'relay-chain':
    'A report that relays a source as a whole declares its relay chain once, and every claim’s chain starts with it.',
  'denies-from-denial': 'Only a denial can deny.',
  'relation-inverse':
    'A link declared from both ends says the same thing both ways; one-way types (denies, updates, qualifies) are declared on one end only.',
  'dates-agree': 'A figure’s as-of date overlaps the date of the event its claim is about.',
  'figure-qualifiers': 'A figure’s label keeps the quote’s qualifiers of its number (“another”, “expected”, “up to”).',
  'statement-year':
    'A statement names no year its quote lacks, unless a date of the claim gives that year as inferred.',
};
