import { articleUrl, sourceUrl } from '../urls';
import { plural } from '../plural';
import { GROUP_KINDS } from '../../schemas/source';
import { REPORT_VOICE } from '../content/lints';
import type { Article, ChainLink, Claim, Dispute, Evidence, Ledger, Origin, Source } from './types';

export type { ChainLink, Dispute, Evidence, Origin } from './types';

/** The evidence filter's values, as readers see them. */
export const EVIDENCE_FILTER = {
  single: 'Single origin',
  independent: 'Independent origins',
  disputed: 'Disputed',
} as const;

/** Whether a source is, in this report, only inferred: the report's outlet, not named by the text. */
export function isInferredIn(source: Source, article: Article): boolean {
  return article.outlet === source && article.data.outlet.basis === 'inferred';
}

const inferredLabel = (name: string, inferred: boolean): string => (inferred ? `${name} (inferred)` : name);

/** A claim's attribution chain between the report and the claimant, each link marked when inferred. */
export function attributionChain(c: Pick<Claim, 'via' | 'article'>): ChainLink[] {
  return c.via.map((source) => {
    const inferred = isInferredIn(source, c.article);
    return { source, inferred, label: inferredLabel(source.data.name, inferred) };
  });
}

/** A report's relay chain as readers see it, e.g. "Fakti (inferred) → News.bg", or "" when it relays no one. */
export function relayLabel(article: Article): string {
  return article.relay.map((s) => inferredLabel(s.data.name, isInferredIn(s, article))).join(' → ');
}

const sourceOrigin = (s: Source, article: Article, kind: 'source' | 'relay'): Origin => {
  const inferred = isInferredIn(s, article);
  // An unnamed group ("experts", "activists", "pro-Russian Telegram channels") is not one body
  // across reports: it is keyed per report.
  const group = GROUP_KINDS.has(s.data.kind);
  return {
    key: group ? `source:${s.id}@${article.id}` : `source:${s.id}`,
    name: s.data.name,
    label: inferredLabel(s.data.name, inferred),
    url: sourceUrl(s.id),
    kind,
    inferred,
    identified: kind === 'source' && !group && !inferred,
    source: s,
  };
};

/**
 * The origin of a claim. A claimant the text credits is the origin. A report's own voice (claimant
 * `the-report`) originates at the last source of the report's relay chain, the one it relays as a
 * whole (marked inferred when that is only the report's inferred outlet); with no relay chain, at
 * the report's outlet when the text states it; otherwise it is the report itself, unattributed.
 * An outlet known only from page furniture is never an origin.
 */
export function originOf(claimant: Source, article: Article): Origin {
  if (claimant.id !== REPORT_VOICE) return sourceOrigin(claimant, article, 'source');
  const relayed = article.relay.at(-1);
  if (relayed) return sourceOrigin(relayed, article, 'relay');
  // A stated outlet's own reporting is credited by the text: it counts as a named origin.
  if (article.outlet && article.data.outlet.basis === 'stated')
    return { ...sourceOrigin(article.outlet, article, 'relay'), identified: true };
  const name = `the report “${article.data.title}”`;
  return {
    key: `report:${article.id}`,
    name,
    label: `${name} (unattributed)`,
    url: articleUrl(article.id),
    kind: 'report',
    inferred: false,
    identified: false,
  };
}

const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;

/** Groups claims by origin, keeping first-seen order. */
export function groupByOrigin(claims: readonly Claim[]): { origin: Origin; claims: Claim[] }[] {
  const groups = new Map<string, { origin: Origin; claims: Claim[] }>();
  for (const c of claims) {
    const g = groups.get(c.origin.key) ?? { origin: c.origin, claims: [] };
    g.claims.push(c);
    groups.set(c.origin.key, g);
  }
  return [...groups.values()];
}

// The body a source speaks for: its affiliation (a spokesman's Kremlin, an expert's think tank) or itself.
const bodyOf = (s: Source): Source => s.affiliation ?? s;

/**
 * The identified origins, merged where they are not independent of one another: a member and the
 * body they belong to, or two members of one body, are one origin.
 */
export function independentOrigins(groups: readonly { origin: Origin }[]): Origin[][] {
  const clusters = new Map<Source, Origin[]>();
  for (const { origin } of groups) {
    if (!origin.identified || !origin.source) continue;
    const body = bodyOf(origin.source);
    clusters.set(body, [...(clusters.get(body) ?? []), origin]);
  }
  return [...clusters.values()];
}

function describeOrigins(groups: { origin: Origin; claims: Claim[] }[]): string {
  return list(
    groups.map((g) => {
      const reports = new Set(g.claims.map((c) => c.article));
      return `${g.origin.label} (${plural(g.claims.length, 'claim')} in ${plural(reports.size, 'report')})`;
    }),
  );
}

const VERB: Record<Dispute['type'], string> = { denied: 'denies', contradicted: 'contradicts', doubted: 'doubts' };

/** One dispute in words: "Dmitry Peskov denies what Anton Gerashchenko says (“statement”)". */
export function describeDispute(d: Dispute): string {
  const voice = d.target.claimant.id === REPORT_VOICE;
  const target = voice ? d.target.origin.label : d.target.claimant.data.name;
  // An unnamed group ("Unnamed military analysts and media outlets") says in the plural.
  const says = !voice && GROUP_KINDS.has(d.target.claimant.data.kind) ? 'say' : 'says';
  return `${d.origin.label} ${VERB[d.type]} what ${target} ${says} (“${d.target.data.statement}”)`;
}

/** The disputes in words, each once (two claims of one disputer against one claim read the same). */
export const disputeLines = (disputes: readonly Dispute[]): string[] => [...new Set(disputes.map(describeDispute))];

function describeDisputes(disputes: readonly Dispute[]): string {
  if (!disputes.length) return '';
  return ` Disputed: ${disputeLines(disputes).join('; ')}.`;
}

/**
 * Evidence for a set of claims that tell one thing (a claim with its corroborating claims, or an
 * event's claims). Claims that trace to one origin count once, however many reports relay it; only
 * named sources the texts credit, not affiliated with one another, count as independent origins.
 */
export function evidenceFor(
  claims: readonly Claim[],
  disputedBy: readonly Dispute[],
  subject: 'claim' | 'event',
): Evidence {
  const origins = groupByOrigin(claims);
  const clusters = independentOrigins(origins);
  const independent = origins.length ? Math.max(1, clusters.length) : 0;
  const single = independent <= 1;
  const reports = new Set(claims.map((c) => c.article)).size;
  const credited = origins.filter((g) => g.origin.identified);
  const others = origins.filter((g) => !g.origin.identified);
  const uncounted = others.length
    ? ` Not counted as independent: ${describeOrigins(others)} (an unnamed group, a report's own voice or an inferred outlet cannot be shown independent of the others).`
    : '';
  const merged = clusters
    .filter((c) => c.length > 1)
    .map((c) => `${list(c.map((o) => o.label))} are one origin (one body)`);
  const mergedText = merged.length ? ` ${merged.join('; ')}.` : '';
  let reasoning: string;
  if (origins.length === 0) reasoning = 'No claims.';
  else if (single && origins.length === 1) {
    const o = origins[0]!.origin.label;
    reasoning =
      claims.length === 1
        ? `Single origin: ${o}. No claim corroborates it.`
        : `Single origin: the ${plural(claims.length, 'claim')} ${subject === 'event' ? 'that tell it' : 'that say it'}, in ${plural(reports, 'report')}, all trace back to ${o}, so they are one origin, not independent corroboration.`;
  } else if (single) {
    reasoning = `Only one origin can be shown independent: ${credited.length ? `the only source the texts credit by name is ${describeOrigins(credited)}.` : 'the texts credit no named source for it.'}${mergedText}${uncounted}`;
  } else if (subject === 'event') {
    reasoning = `Told by ${plural(reports, 'report')} in ${plural(claims.length, 'claim')}; the texts credit ${independent} independent origins: ${describeOrigins(credited)}.${mergedText}${uncounted} Telling one event is not corroboration: the tellings may differ on its details.`;
  } else {
    // A claim's own origin is the first (its evidence is made from it and the claims that
    // corroborate it): named apart, so that no claim reads as corroborated by its own claimant.
    const own = claims[0]!.origin;
    const others = credited.filter((g) => g.origin.key !== own.key);
    reasoning = own.identified
      ? `${independent} independent origins: its own, ${own.label}, and ${describeOrigins(others)}, whose claims corroborate it.${mergedText}${uncounted}`
      : `Corroborated by ${independent} independent origins: ${describeOrigins(credited)}.${mergedText}${uncounted}`;
  }
  const basis = reasoning;
  reasoning += describeDisputes(disputedBy);
  const filterValues: string[] = [
    single ? EVIDENCE_FILTER.single : EVIDENCE_FILTER.independent,
    ...(disputedBy.length ? [EVIDENCE_FILTER.disputed] : []),
  ];
  const label = single ? 'single origin' : subject === 'event' ? 'several origins' : 'independent origins';
  return { label, independent, origins, disputedBy: [...disputedBy], reasoning, basis, filterValues };
}

// A claim hedged as a doubt or a denial answers the claim it is related to; that claim does not
// answer back, so it is not a disputer of the doubt.
const isAnswer = (c: Claim): boolean => c.data.hedge === 'doubted' || c.data.hedge === 'denied';

/**
 * Every claim's evidence, in one pass over the relations: a claim is backed by the claims that
 * corroborate it (either direction). A dispute follows the relation's direction: a claim that
 * denies or contradicts another disputes it; the other disputes it back only when the first is
 * not itself a doubt or denial of it.
 */
export function computeClaimEvidence(claims: readonly Claim[], byId: ReadonlyMap<string, Claim>): void {
  const support = new Map<Claim, Set<Claim>>(claims.map((c) => [c, new Set([c])]));
  const disputes = new Map<Claim, Dispute[]>(claims.map((c) => [c, []]));
  for (const c of claims) {
    for (const r of c.data.relations) {
      const other = byId.get(r.claim);
      if (!other) continue;
      // Only `corroborates` backs a claim: two tellings of one event may still disagree.
      if (r.type === 'corroborates') {
        support.get(c)!.add(other);
        support.get(other)!.add(c);
      } else if (r.type === 'denies') {
        disputes.get(other)!.push({ claim: c, target: other, type: 'denied', origin: c.origin });
      } else if (r.type === 'contradicts') {
        const type = c.data.hedge === 'doubted' ? 'doubted' : c.data.hedge === 'denied' ? 'denied' : 'contradicted';
        disputes.get(other)!.push({ claim: c, target: other, type, origin: c.origin });
        if (!isAnswer(c))
          disputes.get(c)!.push({
            claim: other,
            target: c,
            type: isAnswer(other) ? (other.data.hedge === 'doubted' ? 'doubted' : 'denied') : 'contradicted',
            origin: other.origin,
          });
      }
    }
  }
  for (const c of claims) c.evidence = evidenceFor([...support.get(c)!], disputes.get(c)!, 'claim');
}

/** Worked examples of the evidence rules, found in the ledger (none when the ledger has no such case). */
export interface EvidenceExamples {
  /** A report's own voice traced to the source it relays, or to an inferred outlet. */
  origin: Claim | undefined;
  /** Evidence that lists an origin it does not count as independent. */
  independence: { claim: Claim; uncounted: Origin } | undefined;
  /** A dispute with its direction: who disputes whose claim. */
  dispute: Dispute | undefined;
}

/**
 * Picks, from the data, one claim for each rule the about page explains, so the page's examples
 * always show what its paragraphs say, whatever the reports.
 */
export function evidenceExamples(ledger: Pick<Ledger, 'claims'>): EvidenceExamples {
  const origin =
    ledger.claims.find((c) => c.origin.kind === 'relay' && c.via.length > 1) ??
    ledger.claims.find((c) => c.origin.kind === 'relay');
  let independence: EvidenceExamples['independence'];
  for (const c of ledger.claims) {
    const uncounted = c.evidence.origins.find((g) => !g.origin.identified && g.origin.key !== c.origin.key);
    if (c.origin.identified && uncounted) {
      independence = { claim: c, uncounted: uncounted.origin };
      break;
    }
  }
  // A doubt or denial shows the direction best: its target does not dispute it back.
  const disputes = ledger.claims.flatMap((c) => c.evidence.disputedBy);
  const dispute = disputes.find((d) => d.type === 'doubted') ?? disputes[0];
  return { origin, independence, dispute };
}
