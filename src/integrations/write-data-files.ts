import { outputRecord } from '../lib/build-records';
import { corpusSignature } from '../lib/content/corpus';
import { API_FILES } from '../lib/exports/api-files';
import { bibtex, cslJson } from '../lib/exports/cite';
import { getLedger } from '../lib/model/ledger';
import { citationUrl, outputPath } from '../lib/urls';
import { WrittenFiles } from './prune-output';

/** Where the data files go: the output folder, and the folder of the build's records. */
export interface DataFilesJob {
  /** The output folder (absolute). */
  readonly root: string;
  /** The build cache folder, where each kind of file keeps its `WrittenFiles` record. */
  readonly cacheDir: string;
}

/** What `writeDataFiles` did, in a form a worker thread can send back. */
export interface DataFilesResult {
  /** How many claims' citation files there are. */
  readonly claims: number;
  /** How many files under `/api/`. */
  readonly apiFiles: number;
  /** The files left as they were because their bytes did not change (kept by the pruning). */
  readonly unchanged: string[];
  /** The signature of the corpus the files were built from (`corpusSignature`). */
  readonly signature: string | undefined;
}

/**
 * Writes the data files of the site's ledger into the output folder: each claim's citation files
 * (`/claims/<id>/cite.bib` and `cite.json`) and every file under `/api/`
 * (src/lib/exports/api-files.ts). They are data, not pages, so they are not Astro routes (a route's
 * text goes through two `Response` copies before it is written: at 5,000 reports `claims.json`
 * is 114 MB). A file whose bytes have not changed since the last build is left alone, known from
 * the record of what the last build wrote (`WrittenFiles`, one record for the citation files and
 * one for `/api/`) without reading it. Synchronous and self-contained, so that a build can run it
 * in a worker thread beside Astro's page generation (src/integrations/data-files.ts).
 */
export function writeDataFiles({ root, cacheDir }: DataFilesJob): DataFilesResult {
  const ledger = getLedger();
  const citations = new WrittenFiles(outputRecord(cacheDir, 'written', root), root);
  for (const claim of ledger.claims) {
    citations.write(outputPath(citationUrl(claim.id, 'bib')), bibtex(claim));
    citations.write(outputPath(citationUrl(claim.id, 'json')), `${JSON.stringify(cslJson(claim), null, 2)}\n`);
  }
  citations.save();
  const api = new WrittenFiles(outputRecord(cacheDir, 'api', root), root);
  for (const file of API_FILES) api.write(outputPath(file.url), file.text(ledger));
  api.save();
  return {
    claims: ledger.claims.length,
    apiFiles: API_FILES.length,
    unchanged: [...citations.kept, ...api.kept],
    signature: corpusSignature(),
  };
}
