import type { Claim } from '../model/ledger';
import type { Difference, LedgerEvent } from '../model/events';
import { claimLabels } from './event-graph';
import { yearOf } from '../model/dates';
import { groupBy } from '../model/group';
import { plural } from '../plural';
import { pageId } from './page-ids';
import { relationLabel } from '../model/relations';

/** A difference as the page shows it: each value once, with the claims (by label) that give it. */
export interface DifferenceRow {
  kind: Difference['kind'];
  label: string;
  /** Each value with where it is: a claim (A1), or for a report-level difference its report (report A). */
  values: { value: string; claims: { claim: Claim; label: string; href: string }[] }[];
}

/** What an event page shows, derived from the ledger's event without further lookups. */
export function eventView(ev: LedgerEvent) {
  const labels = claimLabels(ev);
  const differences: DifferenceRow[] = ev.differences.map((d) => ({
    kind: d.kind,
    label: d.label,
    values: [...groupBy(d.sides, (s) => s.value)].map(([value, sides]) => ({
      value,
      claims: sides.map((s) => {
        const label = labels.get(s.claim)!;
        // A report-level difference points at the report's telling, not at the claim standing for it.
        if (d.kind === 'relay') {
          const letter = ev.tellings.find((t) => t.article === s.claim.article)!.letter;
          return { claim: s.claim, label: `report ${letter}`, href: `#${pageId(`telling-${letter}`)}` };
        }
        return { claim: s.claim, label, href: `#${pageId(`claim-${label}`)}` };
      }),
    })),
  }));
  const relations = ev.relations.map((r) => ({
    from: { claim: r.from, label: labels.get(r.from)! },
    to: { claim: r.to, label: labels.get(r.to)! },
    verb: relationLabel(r.type, 'out').toLowerCase(),
    type: r.type,
    note: r.note,
  }));
  const reports = ev.tellings.length;
  // "Told by 1 report, in 1 claim": an event may have one telling until a second report tells it.
  const toldBy = `${plural(reports, 'report')}, in ${plural(ev.claims.length, 'claim')}`;
  return {
    labels,
    differences,
    relations,
    reports,
    toldBy,
    differs: (c: Claim, field: string): boolean => ev.differing.has(`${c.id}:${field}`),
  };
}

/** Events grouped by the year they are filed under, for the timeline. */
export function eventsByYear(events: readonly LedgerEvent[]): Map<string, LedgerEvent[]> {
  return groupBy(events, (e) => yearOf(e.data.date.date));
}
