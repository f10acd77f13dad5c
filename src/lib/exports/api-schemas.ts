import { z } from 'astro/zod';
import {
  apiArticlesSchema,
  apiClaimsSchema,
  apiEventsSchema,
  apiSourcesSchema,
  apiTopicsSchema,
} from '../../schemas/api';
import { SITE_NAME } from '../site';
import { absolute, apiSchemaUrl, apiUrl, type ApiName } from '../urls';

/** The zod schema each JSON export is checked against (src/schemas/api.ts), by export name. */
export const API_SCHEMAS: Record<ApiName, z.ZodType> = {
  claims: apiClaimsSchema,
  articles: apiArticlesSchema,
  sources: apiSourcesSchema,
  topics: apiTopicsSchema,
  events: apiEventsSchema,
};

/**
 * The JSON Schema (draft 2020-12) of one JSON export, generated with zod's `toJSONSchema` from the
 * schema the export is built to, so the two cannot drift. `$id` is where it is published; the
 * export names it in its own `$schema`.
 */
export function apiJsonSchema(name: ApiName): Record<string, unknown> {
  return {
    ...z.toJSONSchema(API_SCHEMAS[name], { target: 'draft-2020-12', io: 'output' }),
    $id: absolute(apiSchemaUrl(name)),
    title: `${SITE_NAME}: ${apiUrl(name)}`,
    description: `The shape of ${absolute(apiUrl(name))}, generated from the site's zod schemas.`,
  };
}
