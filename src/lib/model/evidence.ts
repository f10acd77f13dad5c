import { articleUrl, sourceUrl } from '../urls';
import type { Article, Claim, Evidence, Origin } from './types';
import { plural } from '../plural';

export type { Evidence, Origin } from './types';

/** The evidence filter's values, as readers see them. */
export const EVIDENCE_FILTER = { single: 'Single origin', independent: 'Independent origins', disputed: 'Disputed' } as const;

/**
 * The origin of a claim: the end of its chain, i.e. its claimant. A report's own voice (claimant
 * `the-report`) has the report's outlet as origin or, when the outlet is unknown, the report.
 */
export function originOf(claimant: { id: string; data: { name: string } }, article: Article): Origin {
  if (claimant.id !== 'the-report') return { key: `source:${claimant.id}`, name: claimant.data.name, url: sourceUrl(claimant.id), kind: 'source' };
  if (article.outlet) return { key: `source:${article.outlet.id}`, name: article.outlet.data.name, url: sourceUrl(article.outlet.id), kind: 'source' };
  return { key: `report:${article.id}`, name: `the report “${article.data.title}”`, url: articleUrl(article.id), kind: 'report' };
}

const list = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`);

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

function describeOrigins(groups: { origin: Origin; claims: Claim[] }[]): string {
  return list(
    groups.map((g) => {
      const reports = new Set(g.claims.map((c) => c.article));
      return `${g.origin.name} (${plural(g.claims.length, 'claim')} in ${plural(reports.size, 'report')})`;
    }),
  );
}

function describeDisputes(disputes: Evidence['disputedBy']): string {
  const by = (type: 'denied' | 'contradicted'): string[] => [...new Set(disputes.filter((d) => d.type === type).map((d) => d.origin.name))];
  const parts = [by('denied').length ? `denied by ${list(by('denied'))}` : '', by('contradicted').length ? `contradicted by ${list(by('contradicted'))}` : ''];
  return disputes.length ? ` Disputed: ${list(parts.filter(Boolean))}.` : '';
}

/**
 * Evidence for a set of claims that tell one thing (a claim with its corroborating claims, or an
 * event's claims): claims that trace to one origin count once, however many reports relay it.
 */
export function evidenceFor(claims: readonly Claim[], disputedBy: Evidence['disputedBy'], subject: 'claim' | 'event'): Evidence {
  const origins = groupByOrigin(claims);
  const single = origins.length === 1;
  const reports = new Set(claims.map((c) => c.article)).size;
  let reasoning: string;
  if (single) {
    const o = origins[0]!.origin.name;
    reasoning =
      claims.length === 1
        ? `Single origin: ${o}. No claim corroborates it.`
        : `Single origin: the ${plural(claims.length, 'claim')} ${subject === 'event' ? 'that tell it' : 'that say it'}, in ${plural(reports, 'report')}, all trace back to ${o}, so they are one origin, not independent corroboration.`;
  } else {
    reasoning =
      subject === 'event'
        ? `Told by ${plural(reports, 'report')} in ${plural(claims.length, 'claim')}, tracing to ${origins.length} origins: ${describeOrigins(origins)}. Telling one event is not corroboration: the tellings may differ on its details.`
        : `Corroborated by ${origins.length} independent origins: ${describeOrigins(origins)}.`;
  }
  reasoning += describeDisputes(disputedBy);
  const filterValues: string[] = [single ? EVIDENCE_FILTER.single : EVIDENCE_FILTER.independent, ...(disputedBy.length ? [EVIDENCE_FILTER.disputed] : [])];
  const label = single ? 'single origin' : subject === 'event' ? 'several origins' : 'independent origins';
  return { label, origins, disputedBy, reasoning, filterValues };
}

/**
 * Every claim's evidence, in one pass over the relations: a claim is backed by the claims that
 * corroborate it (either direction), and disputed by those that deny it or that contradict it
 * (either direction).
 */
export function computeClaimEvidence(claims: readonly Claim[], byId: ReadonlyMap<string, Claim>): void {
  const support = new Map<Claim, Set<Claim>>(claims.map((c) => [c, new Set([c])]));
  const disputes = new Map<Claim, Evidence['disputedBy']>(claims.map((c) => [c, []]));
  for (const c of claims) {
    for (const r of c.data.relations) {
      const other = byId.get(r.claim);
      if (!other) continue;
      // Only `corroborates` backs a claim: two tellings of one event may still disagree.
      if (r.type === 'corroborates') {
        support.get(c)!.add(other);
        support.get(other)!.add(c);
      } else if (r.type === 'denies') {
        disputes.get(other)!.push({ claim: c, type: 'denied', origin: c.origin });
      } else if (r.type === 'contradicts') {
        disputes.get(other)!.push({ claim: c, type: 'contradicted', origin: c.origin });
        disputes.get(c)!.push({ claim: other, type: 'contradicted', origin: other.origin });
      }
    }
  }
  for (const c of claims) c.evidence = evidenceFor([...support.get(c)!], disputes.get(c)!, 'claim');
}
