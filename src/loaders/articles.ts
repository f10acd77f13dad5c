import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { ClaimAnchor } from '../plugins/rehype-claim-anchors';
import { corpusForLoader, loaderName } from './corpus';
import { aliasesByClaim } from '../lib/views/redirect-pages';
import { renderKey } from './render-key';
import { leanApplies, leanPipeline, renderReportLean, reportRenderOptions } from './markdown';
import { renderInWorker, type ReportToRender } from './render-reports';
import type { ValidatedCorpus } from '../lib/content/validate';
import { hasReportBody, pruneReportBodies, reportBodyName, writeReportBody } from '../lib/content/report-bodies';

/**
 * Loads the reports and renders each one once. The claims anchored in a report are part of the
 * entry's digest, so editing a claim re-renders its report, while unchanged reports are taken
 * from Astro's content cache between builds. The code and packages that render are part of the
 * digest too (`renderKey`): a changed plugin or an upgraded Markdown package re-renders every
 * report. In `astro dev` it runs again on every content change (`refreshContent`, from
 * integrations/live-content.ts), re-rendering only the reports whose digest changed.
 * `options.renderWorkerFrom`: how many reports must need rendering before a worker thread renders
 * part of them (default `RENDER_WORKER_FROM`; tests lower it).
 */
export function articlesLoader(options: { renderWorkerFrom?: number } = {}): Loader {
  return {
    name: loaderName('articles'),
    load: async (context) => {
      const rendered = await syncArticles(context, options.renderWorkerFrom ?? RENDER_WORKER_FROM);
      // In `astro dev`, with every report taken from the content cache, Astro would create its
      // Markdown renderer on the first edit, which then took seconds longer than the next ones.
      if (context.watcher && rendered === 0 && !warmed) {
        warmed = true;
        await context.renderMarkdown('Warm-up.');
      }
    },
  };
}

let warmed = false;

/**
 * The claims each report's render anchors (the `claimAnchors` of its render frontmatter, read by
 * rehype-claim-anchors), by report id: in text order, numbered as validation numbered them
 * (`numberClaims`), with the retired ids that still lead to them.
 */
export function claimAnchorsByReport(
  corpus: Pick<ValidatedCorpus, 'claims' | 'redirects'>,
): Map<string, ClaimAnchor[]> {
  const anchors = new Map<string, ClaimAnchor[]>();
  const aliases = aliasesByClaim(corpus.redirects);
  for (const c of [...corpus.claims].sort((x, y) => x.number - y.number)) {
    const list = anchors.get(c.article) ?? [];
    list.push({
      id: c.data.id,
      quote: c.data.quote,
      occurrence: c.data.occurrence,
      n: c.number,
      statement: c.data.statement,
      aliases: aliases.get(c.data.id) ?? [],
    });
    anchors.set(c.article, list);
  }
  return anchors;
}

/**
 * How many reports must need rendering for a worker thread to render part of them: its start
 * (about a second of the other core, loading the Markdown pipeline) pays only for many.
 */
export const RENDER_WORKER_FROM = 2000;
/** The share of the reports to render that the main thread keeps: the worker starts a second late. */
const MAIN_SHARE = 0.6;

/**
 * Renders every report whose digest changed and stores its entry; returns how many were rendered.
 * The entry holds the report's record and digest; its HTML is kept beside the store, by digest
 * (src/lib/content/report-bodies.ts), where the report page reads it. With many to render (a cold
 * build), a worker thread renders the last part of them meanwhile (./render-reports.ts).
 */
async function syncArticles(context: LoaderContext, workerFrom: number): Promise<number> {
  const { store, generateDigest, renderMarkdown } = context;
  const corpus = corpusForLoader(context);
  if (!corpus) return 0;
  const cwd = process.cwd();
  const render = renderKey(fileURLToPath(context.config.root));
  const anchors = claimAnchorsByReport(corpus);
  const seen = new Set<string>();
  const bodies = new Set<string>();
  const todo: { report: ReportToRender; data: Record<string, unknown>; digest: string; filePath: string }[] = [];
  for (const a of corpus.articles) {
    seen.add(a.id);
    const claimAnchors = anchors.get(a.id) ?? [];
    const digest = generateDigest({
      body: a.body,
      data: a.data as unknown as Record<string, unknown>,
      claimAnchors: JSON.stringify(claimAnchors),
      render,
    });
    bodies.add(reportBodyName(a.id, digest));
    // A body removed from the caches' folder (without the store) is rendered again.
    if (store.get(a.id)?.digest === digest && hasReportBody(cwd, a.id, digest)) continue;
    // Already parsed by our validator with the collection's own schema.
    const data = a.data as unknown as Record<string, unknown>;
    todo.push({
      report: { id: a.id, body: a.body, claimAnchors, file: resolve(a.file) },
      data,
      digest,
      filePath: a.file,
    });
  }
  // The lean pipeline renders what it can (a report without raw HTML, images, code or links) as
  // Astro's renderer would; the rest goes through Astro's `renderMarkdown`, with the anchors as
  // render frontmatter: that is how a rehype plugin receives per-file input.
  const lean = leanApplies() ? leanPipeline() : undefined;
  const renderHere = async (r: ReportToRender): Promise<string> =>
    (lean && (await renderReportLean(lean, r.body, r.claimAnchors, r.file))?.code) ??
    (
      await renderMarkdown(
        `---\n${JSON.stringify({ claimAnchors: r.claimAnchors })}\n---\n${r.body}`,
        // The anchors travel in the text; only the file is an option here.
        { fileURL: reportRenderOptions(r.claimAnchors, r.file).fileURL },
      )
    ).html;
  const keep = (t: (typeof todo)[number], html: string): void => {
    writeReportBody(cwd, t.report.id, t.digest, html);
    // Neither the Markdown (`body`), nor the HTML, nor the render's metadata goes into the store:
    // Astro bundles the whole store into the build as one module (at 5,000 reports tens of MB,
    // parsed by Vite and by Node on every build), and no page reads them from there.
    store.set({ id: t.report.id, data: t.data, filePath: t.filePath, digest: t.digest });
  };
  const split = lean && todo.length >= workerFrom ? Math.ceil(todo.length * MAIN_SHARE) : todo.length;
  const elsewhere = split < todo.length ? renderInWorker(todo.slice(split).map((t) => t.report)) : undefined;
  try {
    for (const t of todo.slice(0, split)) keep(t, await renderHere(t.report));
    if (elsewhere) {
      const html = await elsewhere.html;
      for (const t of todo.slice(split)) keep(t, html.get(t.report.id) ?? (await renderHere(t.report)));
    }
  } finally {
    // A failed render stops the build (or this sync, in `astro dev`): the worker too.
    elsewhere?.stop();
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  pruneReportBodies(cwd, bodies);
  return todo.length;
}
