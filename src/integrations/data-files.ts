import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildCacheDir } from '../lib/content/parse-cache';
import { corpusSignature } from '../lib/content/corpus';
import { keepUnchanged } from './prune-output';
import type { DataFilesJob, DataFilesResult } from './write-data-files';

/**
 * Runs `writeDataFiles` in a worker thread started from `entry` (./data-files-worker.mjs) and
 * resolves with its result; rejects with the worker's error, or if it stops without a result.
 */
export function inWorker(entry: URL, job: DataFilesJob): Promise<DataFilesResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: job });
    let result: DataFilesResult | undefined;
    worker.once('message', (message: DataFilesResult) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`the data files' worker stopped (exit code ${code}) before it had written them`));
    });
  });
}

/**
 * Writes the site's data files, each claim's citation files and the files under `/api/`
 * (./write-data-files.ts), in a worker thread that starts with the build and runs beside Astro's
 * page generation, on the other core: at 5,000 reports they are 100,000 files and 14 exports
 * (claims.json alone 114 MB), 5 s of a rebuild and more of a cold build when written after the
 * pages. The worker reads the corpus through the same parse cache the build's validation has just
 * filled, and builds its own ledger; the build waits for it at its end, checks that both threads
 * built from the same content, and hands the files the worker left unchanged to the pruning.
 */
export default function dataFiles(): AstroIntegration {
  let job: DataFilesJob | undefined;
  let entry: URL | undefined;
  let pending: Promise<DataFilesResult> | undefined;
  return {
    name: 'claim-ledger:data-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        job = { root: fileURLToPath(config.outDir), cacheDir: buildCacheDir(fileURLToPath(config.root)) };
        entry = new URL('src/integrations/data-files-worker.mjs', config.root);
      },
      'astro:build:start': () => {
        pending = inWorker(entry!, job!);
        // Awaited at the build's end; a failure before then is reported there, not as unhandled.
        pending.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const result = await pending!;
        if (fileURLToPath(dir) !== job!.root)
          throw new Error(`the data files went to ${job!.root}, but the build wrote ${fileURLToPath(dir)}`);
        // The build reads its content once (frozen); the worker read it again after: an edit in
        // between would publish pages and data of two versions of the content.
        if (result.signature !== corpusSignature())
          throw new Error('the content changed while the site was being built: build again');
        keepUnchanged(result.unchanged);
        logger.info(`wrote citation files for ${result.claims} claims and ${result.apiFiles} data files under /api/`);
      },
    },
  };
}
