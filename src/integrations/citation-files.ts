import type { AstroIntegration } from 'astro';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bibtex, cslJson } from '../lib/exports/cite';
import { getLedger } from '../lib/model/ledger';
import { citationUrl, claimUrl, outputPath } from '../lib/urls';
import { writeIfChanged } from './prune-output';

/**
 * Writes each claim's citation files (`/claims/<id>/cite.bib` and `cite.json`) after the build.
 * They are plain data, two per claim; writing them here rather than as Astro endpoints keeps
 * them out of page rendering, where they cost more than the pages themselves at scale. A file
 * whose bytes have not changed since the last build is left alone.
 */
export default function citationFiles(): AstroIntegration {
  return {
    name: 'claim-ledger:citation-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const ledger = getLedger();
        for (const claim of ledger.claims) {
          mkdirSync(join(root, outputPath(claimUrl(claim.id))), { recursive: true });
          writeIfChanged(join(root, outputPath(citationUrl(claim.id, 'bib'))), bibtex(claim));
          writeIfChanged(
            join(root, outputPath(citationUrl(claim.id, 'json'))),
            `${JSON.stringify(cslJson(claim), null, 2)}\n`,
          );
        }
        logger.info(`wrote citation files for ${ledger.claims.length} claims`);
      },
    },
  };
}
