import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { permalinksFile } from '../permalinks';
import { fileStamp } from './parse-cache';

/** The folders of a content directory that hold content files, as `readCorpus` reads them. */
export const CONTENT_FOLDERS = ['articles', 'claims', 'sources', 'topics', 'events'] as const;

/**
 * The folders whose changes a validation depends on: the collections, and `received/`, the
 * reports' texts as received, which each body is checked against.
 */
export const WATCHED_FOLDERS = [...CONTENT_FOLDERS, 'received'] as const;

/**
 * A string that changes whenever a content file under `dir` (or `permalinks.txt`) is
 * added, removed or written: each file's name, inode, size, and modification and change times. Stat calls only, no
 * reading, so checking whether a cached validation is still current costs about a millisecond at
 * five reports.
 */
export function contentSignature(dir: string): string {
  const parts: string[] = [];
  const add = (folder: string, name: string): void => {
    const s = statSync(join(folder, name), { throwIfNoEntry: false });
    // The parse cache's stamp: with the inode and change time, as size and modification time alone
    // miss a rewrite of the same length whose time was put back (`cp -p`, `touch -d`).
    if (s) parts.push(`${name}:${fileStamp(s)}`);
  };
  for (const sub of WATCHED_FOLDERS) {
    const folder = join(dir, sub);
    parts.push(`/${sub}`);
    if (existsSync(folder)) for (const name of readdirSync(folder).sort()) add(folder, name);
  }
  add(dir, 'redirects.yaml');
  // Validated with the content (every URL ever published must still lead somewhere): an edit counts.
  const permalinks = permalinksFile(dir);
  add(dirname(permalinks), basename(permalinks));
  return parts.join('\n');
}
