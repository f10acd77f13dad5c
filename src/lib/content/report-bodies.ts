import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir, replaceFile } from './parse-cache';

// The reports' rendered HTML, kept by the articles loader (src/loaders/articles.ts) beside Astro's
// content store rather than in it. Astro bundles its whole content store into every build as one
// module (`export default JSON.parse("…")`), which Vite bundles and Node parses again: at 5,000
// reports their HTML was most of its 41 MB, and Vite's step took 5 to 6 s against 1 s for the five
// reports. A body is a file named by its report's id and the store entry's digest, which covers
// the Markdown, the report's record, its claims' anchors and the rendering code: a file is never
// overwritten with other text, so builds of other content side by side (the tests do that) cannot
// give a page another build's body.

/** Where rendered report bodies are kept: in the build caches' folder (`cwd` is the project). */
export const reportBodiesDir = (cwd: string): string => join(buildCacheDir(cwd), 'report-bodies');

// Astro's digests are hexadecimal and report ids are slugs (src/schemas): checked all the same, as
// they make a file name.
const SAFE = /^[a-z0-9][a-z0-9-]*$/i;

/** The file name of the body of report `id` rendered for `digest` (what `pruneReportBodies` keeps). */
export function reportBodyName(id: string, digest: string): string {
  if (!SAFE.test(id) || !SAFE.test(digest)) throw new Error(`report-bodies: not a file name: ${id} ${digest}`);
  return `${id}.${digest}.html`;
}

const bodyFile = (cwd: string, id: string, digest: string): string => join(reportBodiesDir(cwd), reportBodyName(id, digest));

/** Whether the body of report `id` rendered for `digest` is kept. */
export const hasReportBody = (cwd: string, id: string, digest: string): boolean => existsSync(bodyFile(cwd, id, digest));

/** Keeps `html` as the body of report `id` for `digest` (written beside, then renamed into place). */
export function writeReportBody(cwd: string, id: string, digest: string, html: string): void {
  const path = bodyFile(cwd, id, digest);
  try {
    replaceFile(path, html);
  } catch (e) {
    // The folder is made only when it is missing, not before each of thousands of writes.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(reportBodiesDir(cwd), { recursive: true });
    replaceFile(path, html);
  }
}

/** The body of report `id` as rendered for `digest`; the content loader must have kept it. */
export function readReportBody(cwd: string, id: string, digest: string): string {
  try {
    return readFileSync(bodyFile(cwd, id, digest), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    throw new Error(
      `the rendered text of report "${id}" is missing from ${reportBodiesDir(cwd)}: remove node_modules/.astro and build again`,
    );
  }
}

/**
 * Removes the kept bodies that are not in `keep` (file names, from `reportBodyName`) and were
 * last written more than `graceMs` ago: older renders of edited reports. The grace spares a build
 * of other content running beside this one. Returns how many were removed.
 */
export function pruneReportBodies(cwd: string, keep: ReadonlySet<string>, graceMs = 3_600_000): number {
  const dir = reportBodiesDir(cwd);
  if (!existsSync(dir)) return 0;
  const before = Date.now() - graceMs;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (keep.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).mtimeMs < before) {
      unlinkSync(path);
      removed++;
    }
  }
  return removed;
}
