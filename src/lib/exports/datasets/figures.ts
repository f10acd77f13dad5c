import type { FigureItem } from '../../model/ledger';
import { dateColumns, type Dataset } from './columns';

type FigureRow = FigureItem & { index: number };
/** The figures dataset (figures.csv): one row per figure. */
export const figures: Dataset<FigureRow> = {
  name: 'figures',
  title: 'Figures',
  rows: (l) => l.claims.flatMap((claim) => claim.data.figures.map((figure, i) => ({ figure, claim, index: i + 1 }))),
  primaryKey: ['claim_id', 'figure'],
  foreignKeys: [{ fields: 'claim_id', reference: { resource: 'claims', fields: 'id' } }],
  columns: [
    {
      name: 'claim_id',
      type: 'string',
      required: true,
      description: 'The claim that gives the number',
      get: (r) => r.claim.id,
    },
    {
      name: 'figure',
      type: 'integer',
      required: true,
      description: "1-based position among the claim's figures",
      get: (r) => r.index,
    },
    {
      name: 'value',
      type: 'number',
      required: true,
      description: 'The number (the lower bound of a range)',
      get: (r) => r.figure.value,
    },
    {
      name: 'upper',
      type: 'number',
      description: 'Upper bound of a range; empty for a single number',
      get: (r) => r.figure.upper ?? null,
    },
    {
      name: 'approx',
      type: 'string',
      required: true,
      description: 'exact, about, at least, more than or up to',
      get: (r) => r.figure.approx,
    },
    {
      name: 'unit',
      type: 'string',
      required: true,
      description: 'Unit, as the text gives it',
      get: (r) => r.figure.unit,
    },
    { name: 'counts', type: 'string', required: true, description: 'What is counted', get: (r) => r.figure.counts },
    ...dateColumns<FigureRow>('as_of', 'The date the number is as of', (r) => r.figure.asOf),
    {
      name: 'claimant_id',
      type: 'string',
      required: true,
      description: 'Source id of who gives the number',
      get: (r) => r.claim.claimant.id,
    },
  ],
};
