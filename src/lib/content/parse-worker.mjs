// The worker thread of `readCorpus` (./read.ts, `parseInWorker`): parses the files it is given
// while the main thread parses others, and posts the parses back. A plain Node thread, not Vite's
// module runner, so it runs the project's TypeScript through the same hooks as the scripts
// (scripts/ts-hooks.mjs: Node's type stripping, imports resolved without extensions). Whatever
// happens, it signals the main thread, which waits for it; a failure sends no parses, and the main
// thread then parses every file itself.
import { workerData } from 'node:worker_threads';

/** @type {{ results?: unknown[], error?: string }} */
let message;
try {
  await import('../../../scripts/ts-hooks.mjs');
  const { parseFiles } = await import('./read.ts');
  message = { results: parseFiles(workerData.paths, workerData.markdown) };
} catch (e) {
  message = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
try {
  workerData.port.postMessage(message);
} finally {
  // Whatever happened, the main thread stops waiting: with no message it parses the files itself.
  Atomics.store(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
}
