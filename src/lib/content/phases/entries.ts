import type { z } from 'astro/zod';
import { articleSchema } from '../../../schemas/article';
import { claimFileSchema, claimSchema } from '../../../schemas/claim';
import { showRefusedCharacters, withoutRefusedCharacters } from '../../../schemas/common';
import { sourceSchema } from '../../../schemas/source';
import { topicSchema } from '../../../schemas/topic';
import { check, type Collection, type Problems } from '../problems';
import type { RawFile } from '../read';
import { analyseMarkdown } from '../text';
import type { ClaimEntry, DataEntry, ValidationContext } from '../types';
import { candidatesOf, unknownReason } from '../suggest';

/** Whether a file was read; if not, says why and marks its collection as partly known. */
function readable(f: RawFile, collection: Collection, problems: Problems): boolean {
  if (!f.error) return true;
  problems.add(f.file, f.error.field, f.error.reason);
  problems.incomplete(collection);
  return false;
}

/** Sources and topics alike: each file known by id, checked against its schema, kept if valid. */
function readData<S extends z.ZodType>(
  files: readonly RawFile[],
  schema: S,
  collection: 'sources' | 'topics',
  into: DataEntry<z.infer<S>>[],
  { problems, known }: ValidationContext,
): void {
  for (const f of files) {
    known[collection].add(f.id);
    if (!readable(f, collection, problems)) continue;
    const data = check(schema, f.data, f.file, '', problems);
    if (data) into.push({ id: f.id, file: f.file, data });
    else problems.incomplete(collection);
  }
}

/**
 * Phase 1: every file against its schema. Ids of files that exist count as known even when their
 * entry is invalid, so one bad file does not cascade into "unknown" lines in every file naming it.
 */
export function readEntries(ctx: ValidationContext): void {
  const { raw, problems, known } = ctx;
  for (const s of raw.strays) {
    problems.add(s.file, '(file)', s.reason);
    // A stray beside the received texts hides nothing another check needs.
    if (s.collection === 'received') continue;
    // A misnamed entry still exists: what names it is not wrong, and what it names is unknown.
    if (s.id !== undefined && s.collection !== 'claims') known[s.collection].add(s.id);
    problems.incomplete(s.collection);
    if (s.collection === 'claims') problems.incomplete('claim-ids');
  }

  readData(raw.sources, sourceSchema, 'sources', ctx.sources, ctx);
  readData(raw.topics, topicSchema, 'topics', ctx.topics, ctx);
  for (const f of raw.articles) {
    known.articles.add(f.id);
    if (!readable(f, 'articles', problems)) continue;
    const data = check(articleSchema, f.data, f.file, '', problems);
    const body = f.body ?? '';
    const analysis = f.analysis ?? analyseMarkdown(body);
    ctx.analysis.set(f.id, analysis);
    if (data) ctx.articles.push({ id: f.id, file: f.file, data, body, blocks: analysis.blocks });
    else problems.incomplete('articles');
  }
  for (const a of ctx.articles) ctx.articleById.set(a.id, a);
  for (const s of ctx.sources) ctx.sourceById.set(s.id, s);

  const firstSeen = new Map<string, string>();
  for (const f of raw.claims) {
    const fileData = readable(f, 'claims', problems) ? check(claimFileSchema, f.data, f.file, '', problems) : undefined;
    if (!fileData) {
      problems.incomplete('claims');
      problems.incomplete('claim-ids');
      continue;
    }
    if (!known.articles.has(fileData.article)) {
      problems.add(f.file, 'article', unknownReason('article', fileData.article, candidatesOf(ctx, 'article')));
    }
    fileData.claims.forEach((rawClaim, i) => {
      const rawId = typeof rawClaim === 'object' && rawClaim && 'id' in rawClaim ? rawClaim.id : undefined;
      // An invalid claim's id is still known, so relations to it do not fail as well; so is the id
      // without the invisible characters it was refused for, which is what everything else names.
      if (typeof rawId === 'string') known.claims.add(rawId).add(withoutRefusedCharacters(rawId));
      // An id with an invisible character in it is shown with the character written out.
      const prefix = `claims[${i}] (${typeof rawId === 'string' ? showRefusedCharacters(rawId) : `#${i}`})`;
      // The file was checked whole first, placeholders included: a claim of a file that passed holds none.
      const data = check(claimSchema, rawClaim, f.file, prefix, problems, true);
      if (!data) {
        problems.incomplete('claims');
        if (typeof rawId !== 'string') problems.incomplete('claim-ids');
        return;
      }
      const seen = firstSeen.get(data.id);
      if (seen) problems.add(f.file, `${prefix}.id`, `duplicate claim id, already used in ${seen}`);
      else firstSeen.set(data.id, f.file);
      const entry: ClaimEntry = { article: fileData.article, file: f.file, data, location: undefined, context: undefined, number: 0 };
      ctx.claims.push(entry);
    });
  }
}
