import type { z } from 'astro/zod';
import { todoFields, underTodo } from './todo';

/** One thing wrong with the content: which file, which field, and why. */
export interface Problem {
  file: string;
  field: string;
  reason: string;
}

/** Formats a problem as the one line the build prints for it. */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.reason}`;
}

/**
 * What can be partly unknown to the validator: a collection's entries, or (`claim-ids`) the set of
 * claim ids, which survives an invalid claim but not an unreadable claims file.
 */
export type Collection = 'articles' | 'claims' | 'claim-ids' | 'sources' | 'topics' | 'events' | 'redirects';

/**
 * The one collector every validation phase writes to, so a build shows everything that is wrong
 * at once. It also records which collections are only partly known (a file that could not be
 * parsed, an entry that failed its schema): checks that need a whole collection (is this claim
 * id known, is this source used anywhere) cannot be trusted then, and are skipped rather than
 * bury the real problem under false ones.
 */
export class Problems {
  readonly list: Problem[] = [];
  private readonly partly = new Set<Collection>();

  /** Records a problem. */
  add(file: string, field: string, reason: string): void {
    this.list.push({ file, field, reason });
  }

  /** Records that some of a collection's entries could not be read in full. */
  incomplete(collection: Collection): void {
    this.partly.add(collection);
  }

  /** Whether every entry of these collections was read in full. */
  complete(...collections: Collection[]): boolean {
    return collections.every((c) => !this.partly.has(c));
  }
}

function pathToField(prefix: string, path: readonly PropertyKey[]): string {
  const parts = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
  const joined = `${prefix}${parts}`.replace(/^\./, '');
  return joined || '(root)';
}

/**
 * Parses `raw` with a zod schema; on failure records one problem per issue, named by its field
 * path under `prefix`, and returns undefined. `noPlaceholders`: the caller knows `raw` holds no
 * `TODO:` placeholder (it is part of a value already checked whole), so it is not walked for one.
 */
export function check<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  file: string,
  prefix: string,
  problems: Problems,
  noPlaceholders = false,
): z.infer<S> | undefined {
  // A placeholder left by `new:report` is reported as what to fill in, not as the type error it also causes.
  const todos = noPlaceholders ? [] : todoFields(raw);
  for (const t of todos) problems.add(file, pathToField(prefix, t.path), `to fill in: ${t.hint}`);
  const result = schema.safeParse(raw);
  if (result.success) return todos.length > 0 ? undefined : result.data;
  for (const issue of result.error.issues) {
    if (underTodo(todos, issue.path)) continue;
    // zod reports an unknown key on the parent object; name the key itself.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.add(file, pathToField(prefix, [...issue.path, key]), 'unknown field');
    } else {
      problems.add(file, pathToField(prefix, issue.path), issue.message);
    }
  }
  return undefined;
}
