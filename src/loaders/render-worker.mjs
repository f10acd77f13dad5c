// The worker thread of ./render-reports.ts (`renderInWorker`): renders the reports it is given with
// the lean pipeline and posts their HTML back. A plain Node thread, not Vite's module runner, so it
// runs the project's TypeScript through the same hooks as the scripts (scripts/ts-hooks.mjs:
// Node's type stripping, imports resolved without extensions). A failure posts no HTML, and the
// main thread renders every report itself.
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ results?: unknown[], error?: string }} */
let message;
try {
  await import('../../scripts/ts-hooks.mjs');
  const { renderReportsLean } = await import('./render-reports.ts');
  message = { results: await renderReportsLean(workerData.items) };
} catch (e) {
  message = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
parentPort?.postMessage(message);
