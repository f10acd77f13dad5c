import { Worker } from 'node:worker_threads';
import { sayWorkerFailed, workerEntry } from '../lib/worker-threads';
import { leanPipeline, renderReportLean } from './markdown';

/** A report to render: its id, its Markdown body, the claims its render anchors, and its file's path. */
export interface ReportToRender {
  id: string;
  body: string;
  claimAnchors: unknown[];
  file: string;
}

// Which reports go to which thread, not how they are rendered: that is src/loaders/markdown.ts's,
// which the render key covers (./render-key.ts).

/**
 * Renders reports with the lean pipeline (src/loaders/markdown.ts), each to its HTML; a report it
 * leaves to Astro's pipeline (raw HTML, an image, code, a link), or whose render failed, has none,
 * and the main thread renders it (and reports the failure) as it always has.
 */
export async function renderReportsLean(items: readonly ReportToRender[]): Promise<{ id: string; html?: string }[]> {
  const lean = leanPipeline();
  const out: { id: string; html?: string }[] = [];
  for (const r of items) {
    try {
      const done = await renderReportLean(lean, r.body, r.claimAnchors, r.file);
      out.push(done ? { id: r.id, html: done.code } : { id: r.id });
    } catch {
      out.push({ id: r.id });
    }
  }
  return out;
}

/** Reports being rendered in a worker thread: their HTML when it is done, and a way to stop it. */
export interface WorkerRender {
  /** Each report's HTML by id; a report the worker did not render is missing. Never rejects. */
  html: Promise<Map<string, string>>;
  /** Stops the worker (when the main thread's part failed and the build stops). */
  stop(): void;
}

/**
 * `renderReportsLean` in a worker thread (./render-worker.mjs), while the main thread renders other
 * reports: the content sync of a cold build renders every report, CPU work for one core while the
 * machine has another. A worker that cannot start or fails renders none, and the main thread then
 * renders them all.
 */
export function renderInWorker(items: readonly ReportToRender[]): WorkerRender {
  const entry = workerEntry('./render-worker.mjs', import.meta.url);
  let worker: Worker | undefined;
  const html = new Promise<Map<string, string>>((resolve) => {
    const none = (): void => resolve(new Map());
    if (!entry) return none();
    try {
      worker = new Worker(entry, { workerData: { items } });
    } catch {
      return none();
    }
    worker.once('message', (message: { results?: { id: string; html?: string }[]; error?: string }) => {
      if (message.error) sayWorkerFailed('reports rendered', message.error);
      const done = new Map<string, string>();
      for (const r of message.results ?? []) if (typeof r.html === 'string') done.set(r.id, r.html);
      resolve(done);
      void worker?.terminate();
    });
    // After a message, resolving again does nothing.
    worker.once('error', none);
    worker.once('exit', none);
  });
  return { html, stop: () => void worker?.terminate() };
}
