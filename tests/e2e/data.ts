import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiArticlesSchema, apiClaimsSchema, apiEventsSchema } from '../../src/schemas/api';

// What the browser tests expect of the real site comes from the build's own exports, never from a
// count or an order of the reports written into a test: one more report changes these numbers, and
// the tests follow.
const DIST = join(import.meta.dirname, '../../dist');
const read = (path: string): unknown => JSON.parse(readFileSync(join(DIST, path), 'utf8'));

/** Every claim the built site publishes (dist/api/claims.json). */
export const claims = apiClaimsSchema.parse(read('api/claims.json')).claims;

/** Every report the built site publishes (dist/api/articles.json). */
export const articles = apiArticlesSchema.parse(read('api/articles.json')).articles;

/** Every event the built site publishes (dist/api/events.json). */
export const events = apiEventsSchema.parse(read('api/events.json')).events;

/** The claims made by the source with this name. */
export const claimsBy = (name: string): typeof claims => claims.filter((c) => c.claimant.name === name);

/** How many different reports these claims are in. */
export const reportCount = (list: typeof claims): number => new Set(list.map((c) => c.article.id)).size;

/** How many results the first page of a search shows: ten at most. */
export const firstPage = (n: number): number => Math.min(n, 10);
