import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { outputRecord } from '../lib/build-records';
import { buildCacheDir } from '../lib/content/parse-cache';
import { API_FILES } from '../lib/exports/api-files';
import { getLedger } from '../lib/model/ledger';
import { outputPath } from '../lib/urls';
import { WrittenFiles } from '../lib/output/written-files';

/**
 * The files under `/api/` (src/lib/exports/api-files.ts). A build writes them after the pages,
 * not as Astro endpoints: an endpoint's text goes through two `Response` copies before it is
 * written (at 5,000 reports `claims.json` is 114 MB: half a second a build), and a file whose bytes
 * have not changed since the last build is left alone (`WrittenFiles`). The dev server serves the
 * same list through one injected route.
 */
export default function apiFiles(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'claim-ledger:api-files',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        // One route per extension: a pattern ending in a literal one is served without a trailing slash.
        const extensions = new Set(API_FILES.map((f) => f.url.slice(f.url.lastIndexOf('.'))));
        for (const ext of extensions)
          injectRoute({ pattern: `/api/[name]${ext}`, entrypoint: './src/integrations/api-files-route.ts' });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = buildCacheDir(fileURLToPath(config.root));
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const ledger = getLedger();
        const files = new WrittenFiles(outputRecord(cacheDir, 'api', root), root);
        for (const file of API_FILES) files.write(outputPath(file.url), file.text(ledger));
        files.save();
        logger.info(`wrote ${API_FILES.length} data files under /api/`);
      },
    },
  };
}
