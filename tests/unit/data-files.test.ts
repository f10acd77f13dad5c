import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { inWorker } from '../../src/integrations/data-files';
import { writeDataFiles } from '../../src/integrations/write-data-files';
import { corpusSignature } from '../../src/lib/content/corpus';
import { API_FILES } from '../../src/lib/exports/api-files';
import { ledgerFrom, tempFolder } from './helpers';

const WORKER = pathToFileURL(join(import.meta.dirname, '../../src/integrations/data-files-worker.mjs'));

/** Every file under `dir`, relative to it, with its bytes. */
function files(dir: string): Map<string, string> {
  const found = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  return new Map(found.sort().map((path) => [relative(dir, path), readFileSync(path, 'utf8')]));
}

describe('the data files (citation files and /api/)', () => {
  const claims = ledgerFrom().claims;

  test('are written for every claim and every /api/ file; a second build writes none and names them all unchanged', () => {
    const dir = tempFolder('data-files');
    const job = { root: join(dir, 'out'), cacheDir: join(dir, 'cache') };
    const first = writeDataFiles(job);
    const written = files(job.root);
    expect(written.size).toBe(2 * claims.length + API_FILES.length);
    for (const claim of claims) {
      expect(written.get(`claims/${claim.id}/cite.bib`), claim.id).toContain('@');
      expect(JSON.parse(written.get(`claims/${claim.id}/cite.json`)!), claim.id).toBeTruthy();
    }
    expect(first).toMatchObject({ claims: claims.length, apiFiles: API_FILES.length, unchanged: [] });
    expect(first.signature).toBe(corpusSignature());

    const times = [...written.keys()].map((f) => statSync(join(job.root, f)).mtimeMs);
    const second = writeDataFiles(job);
    expect(second.unchanged.map((path) => relative(job.root, path)).sort()).toEqual([...written.keys()]);
    expect([...written.keys()].map((f) => statSync(join(job.root, f)).mtimeMs)).toEqual(times);
  });

  // The build runs them in a worker thread under Node's own type stripping, not Vite: any module
  // they import that uses TypeScript it cannot strip (parameter properties, enums) fails here.
  test('a worker thread writes the same files, byte for byte, as the same call in the build’s own thread', async () => {
    const dir = tempFolder('data-files-worker');
    const here = { root: join(dir, 'here'), cacheDir: join(dir, 'cache-here') };
    const there = { root: join(dir, 'there'), cacheDir: join(dir, 'cache-there') };
    writeDataFiles(here);
    const result = await inWorker(WORKER, there);
    expect(result).toMatchObject({ claims: claims.length, apiFiles: API_FILES.length, unchanged: [] });
    expect(result.signature).toBe(corpusSignature());
    expect(files(there.root)).toEqual(files(here.root));
  });

  test('a worker that fails, or stops without a result, fails the build with the reason', async () => {
    const job = { root: tempFolder('data-files-failed'), cacheDir: tempFolder('data-files-failed-cache') };
    const script = (code: string): URL => new URL(`data:text/javascript,${encodeURIComponent(code)}`);
    await expect(inWorker(script('throw new Error("disk full")'), job)).rejects.toThrow('disk full');
    await expect(inWorker(script('process.exit(3)'), job)).rejects.toThrow(
      "the data files' worker stopped (exit code 3) before it had written them",
    );
  });
});
