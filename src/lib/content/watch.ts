import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { permalinksFile } from '../permalinks';
import { WATCHED_FOLDERS } from './signature';

/**
 * Calls `onChange` whenever a content file under `dir` (or `permalinks.txt`, see `permalinksFile`) may have
 * been added, changed or removed; `npm run validate -- --watch` and `astro dev` both use it. One
 * watcher per folder rather than a recursive one: Node sets a recursive watcher up on Linux by
 * walking the tree asynchronously, so a save made meanwhile would be missed. A collection folder
 * created later is watched from then on. Returns a function that stops watching.
 */
export function watchContent(dir: string, onChange: () => void): () => void {
  const root = resolve(dir);
  const watchers = new Map<string, FSWatcher>();
  const permalinks = resolve(permalinksFile(root));
  const add = (folder: string, filter?: string): void => {
    if (watchers.has(folder) || !existsSync(folder)) return;
    const w = watch(folder, (_event, name) => {
      if (filter && name !== filter) return;
      if (folder === root) addFolders();
      onChange();
    });
    // A watched folder that is removed must not take the process down; it is watched again if it comes back.
    w.on('error', () => {
      w.close();
      watchers.delete(folder);
    });
    watchers.set(folder, w);
  };
  const addFolders = (): void => {
    add(root);
    for (const f of WATCHED_FOLDERS) add(join(root, f));
  };
  addFolders();
  // The folder that holds permalinks.txt may hold much else (the project root): only that name counts.
  add(dirname(permalinks), basename(permalinks));
  return () => {
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };
}
