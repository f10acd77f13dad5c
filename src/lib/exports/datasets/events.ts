import type { LedgerEvent } from '../../model/events';
import { absolute, eventUrl } from '../../urls';
import { dateColumns, LIST, type Dataset } from './columns';

/** The events dataset (events.csv): one row per event. */
export const events: Dataset<LedgerEvent> = {
  name: 'events',
  title: 'Events',
  rows: (l) => l.events,
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'string', required: true, description: 'Permanent event id (kebab-case)', get: (e) => e.id },
    {
      name: 'url',
      type: 'string',
      required: true,
      description: "The event's page",
      get: (e) => absolute(eventUrl(e.id)),
    },
    { name: 'name', type: 'string', required: true, description: 'Name', get: (e) => e.data.name },
    { name: 'summary', type: 'string', required: true, description: 'One-line summary', get: (e) => e.data.summary },
    ...dateColumns<LedgerEvent>('date', 'When the event happened', (e) => e.data.date),
    {
      name: 'topics',
      type: 'string',
      description: `Topic ids separated by "${LIST}"`,
      get: (e) => e.data.topics.join(LIST),
    },
    {
      name: 'claims',
      type: 'string',
      required: true,
      description: `Ids of the claims that tell it, separated by "${LIST}"`,
      get: (e) => e.claims.map((c) => c.id).join(LIST),
    },
    {
      name: 'report_count',
      type: 'integer',
      required: true,
      description: 'Reports that tell it',
      get: (e) => e.tellings.length,
    },
    {
      name: 'origins',
      type: 'string',
      required: true,
      description: `Origins of its claims (source:<id> or report:<id>), separated by "${LIST}"`,
      get: (e) => e.evidence.origins.map((o) => o.origin.key).join(LIST),
    },
    {
      name: 'origin_count',
      type: 'integer',
      required: true,
      description: 'Origins its claims trace to that are shown independent (telling one event is not corroboration)',
      get: (e) => e.evidence.independent,
    },
    {
      name: 'disputed',
      type: 'boolean',
      required: true,
      description: 'Whether any of its claims is denied or contradicted',
      get: (e) => e.evidence.disputedBy.length > 0,
    },
    {
      name: 'difference_count',
      type: 'integer',
      required: true,
      description: "Computed differences between the reports' tellings",
      get: (e) => e.differences.length,
    },
  ],
};
