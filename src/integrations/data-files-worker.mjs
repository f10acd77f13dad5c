// The worker thread of src/integrations/data-files.ts: a plain Node thread, not Vite's module
// runner, so it runs the project's TypeScript through the same hooks as the scripts
// (scripts/ts-hooks.mjs: Node's type stripping, with imports resolved without extensions).
import { parentPort, workerData } from 'node:worker_threads';
import '../../scripts/ts-hooks.mjs';

const { writeDataFiles } = await import('./write-data-files.ts');
parentPort?.postMessage(writeDataFiles(workerData));
