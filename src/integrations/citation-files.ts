import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildCacheDir } from '../lib/content/parse-cache';
import { bibtex, cslJson } from '../lib/exports/cite';
import { getLedger } from '../lib/model/ledger';
import { citationUrl, outputPath } from '../lib/urls';
import { outputRecord } from '../lib/build-records';
import { WrittenFiles } from '../lib/output/written-files';

/**
 * Writes each claim's citation files (`/claims/<id>/cite.bib` and `cite.json`) after the build.
 * They are plain data, two per claim; writing them here rather than as Astro endpoints keeps
 * them out of page rendering, where they cost more than the pages themselves at scale. A file
 * whose bytes have not changed since the last build is left alone, known from the record of what
 * the last build wrote (`WrittenFiles`) without reading it.
 */
export default function citationFiles(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'claim-ledger:citation-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = buildCacheDir(fileURLToPath(config.root));
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const ledger = getLedger();
        const files = new WrittenFiles(outputRecord(cacheDir, 'written', root), root);
        for (const claim of ledger.claims) {
          files.write(outputPath(citationUrl(claim.id, 'bib')), bibtex(claim));
          files.write(outputPath(citationUrl(claim.id, 'json')), `${JSON.stringify(cslJson(claim), null, 2)}\n`);
        }
        files.save();
        logger.info(`wrote citation files for ${ledger.claims.length} claims`);
      },
    },
  };
}
