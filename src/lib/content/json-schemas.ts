import { z } from 'astro/zod';
import { articleSchema } from '../../schemas/article';
import { claimSchema } from '../../schemas/claim';
import { idSchema } from '../../schemas/common';
import { eventSchema } from '../../schemas/event';
import { redirectsFileSchema } from '../../schemas/redirect';
import { sourceSchema } from '../../schemas/source';
import { topicSchema } from '../../schemas/topic';

/** Where the generated JSON Schemas are committed, relative to the project root. */
export const JSON_SCHEMA_DIR = 'json-schemas';

// A claims file as written (the validator checks the list item by item, for per-claim messages).
const claimsFileSchema = z.strictObject({ article: idSchema, claims: z.array(claimSchema).min(1) });

/**
 * The content files editors can check as you type: each schema's file name, the zod schema it is
 * generated from, and the files it applies to (globs relative to the project root, for VS Code's
 * `yaml.schemas`). Article frontmatter is included for tools that read it, though the YAML
 * extension does not look inside Markdown.
 */
export const JSON_SCHEMA_FILES: readonly { name: string; schema: z.ZodType; files: string; title: string }[] = [
  { name: 'claims.schema.json', schema: claimsFileSchema, files: 'content/claims/*.yaml', title: 'Claim Ledger claims file' },
  { name: 'source.schema.json', schema: sourceSchema, files: 'content/sources/*.yaml', title: 'Claim Ledger source' },
  { name: 'topic.schema.json', schema: topicSchema, files: 'content/topics/*.yaml', title: 'Claim Ledger topic' },
  { name: 'event.schema.json', schema: eventSchema, files: 'content/events/*.yaml', title: 'Claim Ledger event' },
  { name: 'redirects.schema.json', schema: redirectsFileSchema, files: 'content/redirects.yaml', title: 'Claim Ledger redirects' },
  { name: 'article.schema.json', schema: articleSchema, files: 'content/articles/*.md', title: 'Claim Ledger report frontmatter' },
];

/**
 * One JSON Schema (draft-07, which editors' YAML support reads) as committed: generated with zod's `toJSONSchema` from the same
 * schemas the validator uses, as the file is written (defaulted fields optional). The cross-file
 * rules (references, quotes, dates against their report) are the validator's alone.
 */
export function jsonSchemaText(entry: (typeof JSON_SCHEMA_FILES)[number]): string {
  const schema = z.toJSONSchema(entry.schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: entry.title, description: `Generated from src/schemas by npm run schemas; do not edit.` }, null, 2)}\n`;
}
