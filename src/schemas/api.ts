import { z } from 'astro/zod';
import { claimKinds, hedges, relationTypes } from './claim';
import { sourceKinds } from './source';

// The shapes of the machine-readable exports under /api/. Each carries `version`; a change that
// removes or renames a field must bump it.

/** Current version of every export's shape. */
// 2: a date may be an EDTF interval or open bound (`kind`, `earliest` and `latest` added); claims carry `corrections`.
export const API_VERSION = 2;

const dateOut = z.strictObject({
  /** EDTF: a point "2025-07", an interval "2022-06/2022-07" or an open bound "2024-05-31/..". */
  date: z.string(),
  kind: z.enum(['point', 'interval', 'bound']),
  /** The precision of the point, or of the interval's or bound's known ends. */
  precision: z.enum(['year', 'month', 'day']),
  /** First and last day the date can mean; null at an open end. */
  earliest: z.string().nullable(),
  latest: z.string().nullable(),
  basis: z.enum(['stated', 'inferred']),
  note: z.string().optional(),
});
const ref = z.strictObject({ id: z.string(), name: z.string(), url: z.url() });
/** An origin as exported; `inferred`: the text does not name it (an outlet inferred from the report's form). */
const originOut = z.strictObject({
  key: z.string(),
  kind: z.enum(['source', 'relay', 'report']),
  name: z.string(),
  label: z.string(),
  inferred: z.boolean(),
  identified: z.boolean(),
  url: z.url(),
});
/** Evidence as exported: the label, its reasoning, the origins with their claims, who disputes it. */
const evidenceOut = z.strictObject({
  label: z.enum(['single origin', 'independent origins', 'several origins']),
  reasoning: z.string(),
  /** How many origins are shown independent of one another. */
  independent: z.number().int(),
  origins: z.array(z.strictObject({ origin: originOut, claims: z.array(z.string()) })),
  disputed: z.boolean(),
  disputedBy: z.array(
    z.strictObject({
      claim: z.string(),
      target: z.string(),
      type: z.enum(['denied', 'contradicted', 'doubted']),
      origin: originOut,
    }),
  ),
});

/** One claim in /api/claims.json. */
export const apiClaimSchema = z.strictObject({
  id: z.string(),
  url: z.url(),
  article: z.strictObject({ id: z.string(), title: z.string(), url: z.url(), anchorUrl: z.url() }),
  quote: z.string(),
  statement: z.string(),
  kind: z.enum(claimKinds),
  hedge: z.enum(hedges),
  claimant: ref,
  /** The chain between the report and the claimant; `inferred` marks a link the text does not name. */
  via: z.array(z.strictObject({ id: z.string(), name: z.string(), url: z.url(), inferred: z.boolean() })),
  stated: dateOut.nullable(),
  about: dateOut.nullable(),
  topics: z.array(ref),
  figures: z.array(
    z.strictObject({
      value: z.number(),
      upper: z.number().nullable(),
      approx: z.string(),
      unit: z.string(),
      counts: z.string(),
      asOf: dateOut.nullable(),
    }),
  ),
  relations: z.array(
    z.strictObject({ claim: z.string(), url: z.url(), type: z.enum(relationTypes), note: z.string() }),
  ),
  /** Changes to the claim's analysis since it was first published, dated. */
  corrections: z.array(z.strictObject({ date: z.string(), note: z.string() })),
  note: z.string().nullable(),
  events: z.array(ref),
  origin: originOut,
  evidence: evidenceOut,
});

/** /api/claims.json */
export const apiClaimsSchema = z.strictObject({
  /** The JSON Schema of this file, published beside it (`/api/claims.schema.json`). */
  $schema: z.url(),
  version: z.literal(API_VERSION),
  generator: z.string(),
  count: z.number().int(),
  claims: z.array(apiClaimSchema),
});

/** /api/articles.json */
export const apiArticlesSchema = z.strictObject({
  /** The JSON Schema of this file, published beside it (`/api/articles.schema.json`). */
  $schema: z.url(),
  version: z.literal(API_VERSION),
  count: z.number().int(),
  articles: z.array(
    z.strictObject({
      id: z.string(),
      url: z.url(),
      title: z.string(),
      outlet: z.strictObject({
        id: z.string().nullable(),
        name: z.string().nullable(),
        basis: z.enum(['stated', 'inferred', 'unknown']),
        note: z.string(),
      }),
      byline: z.string().nullable(),
      published: dateOut,
      summary: z.string(),
      topics: z.array(ref),
      provenance: z.strictObject({ seed: z.string(), omitted: z.array(z.string()), normalised: z.array(z.string()) }),
      licence: z.strictObject({ name: z.string(), url: z.url(), notice: z.string() }).nullable(),
      /** The report's own web address, where known. */
      originalUrl: z.url().nullable(),
      /** The day the text was accessed or received, "YYYY-MM-DD", where recorded. */
      accessed: z.string().nullable(),
      /** Set when the text as received is cut off, with where it stops. */
      incomplete: z.strictObject({ note: z.string() }).nullable(),
      claims: z.array(z.strictObject({ id: z.string(), url: z.url() })),
    }),
  ),
});

/** /api/sources.json */
export const apiSourcesSchema = z.strictObject({
  /** The JSON Schema of this file, published beside it (`/api/sources.schema.json`). */
  $schema: z.url(),
  version: z.literal(API_VERSION),
  count: z.number().int(),
  sources: z.array(
    z.strictObject({
      id: z.string(),
      url: z.url(),
      name: z.string(),
      kind: z.enum(sourceKinds),
      description: z.string(),
      aliases: z.array(z.string()),
      affiliation: ref.nullable(),
      claimsMade: z.array(z.string()),
      claimsRelayed: z.array(z.string()),
    }),
  ),
});

/** /api/topics.json */
export const apiTopicsSchema = z.strictObject({
  /** The JSON Schema of this file, published beside it (`/api/topics.schema.json`). */
  $schema: z.url(),
  version: z.literal(API_VERSION),
  count: z.number().int(),
  topics: z.array(
    z.strictObject({
      id: z.string(),
      url: z.url(),
      name: z.string(),
      description: z.string(),
      claims: z.array(z.string()),
      articles: z.array(z.string()),
    }),
  ),
});

/** /api/events.json: each event with its tellings, computed differences, relations and evidence. */
export const apiEventsSchema = z.strictObject({
  /** The JSON Schema of this file, published beside it (`/api/events.schema.json`). */
  $schema: z.url(),
  version: z.literal(API_VERSION),
  count: z.number().int(),
  events: z.array(
    z.strictObject({
      id: z.string(),
      url: z.url(),
      name: z.string(),
      summary: z.string(),
      date: dateOut,
      topics: z.array(ref),
      note: z.string().nullable(),
      tellings: z.array(
        z.strictObject({
          letter: z.string(),
          article: z.strictObject({ id: z.string(), title: z.string(), url: z.url() }),
          claims: z.array(z.strictObject({ id: z.string(), label: z.string(), url: z.url() })),
        }),
      ),
      differences: z.array(
        z.strictObject({
          kind: z.enum(['hedge', 'claimant', 'origin', 'chain', 'relay', 'about', 'stated', 'figure']),
          label: z.string(),
          sides: z.array(z.strictObject({ claim: z.string(), value: z.string() })),
        }),
      ),
      relations: z.array(
        z.strictObject({ from: z.string(), to: z.string(), type: z.enum(relationTypes), note: z.string() }),
      ),
      evidence: evidenceOut,
      previous: z.string().nullable(),
      next: z.string().nullable(),
    }),
  ),
});
