import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputRecord } from '../lib/build-records';
import { readValidatedCorpus } from '../lib/content/corpus';
import { buildCacheDir } from '../lib/content/parse-cache';
import { SITEMAP_FORMAT, sitemapEntries, sitemapFiles, sitemapLastmod } from '../lib/exports/sitemap';
import { installedVersion } from '../lib/installed';
import { getLedger } from '../lib/model/ledger';
import { outputPath, sitemapPartUrl, sitemapUrl } from '../lib/urls';
import { retiredClaimPaths } from '../lib/views/redirect-pages';
import { WrittenFiles } from '../lib/output/written-files';

// The modules whose code decides the files' bytes and names besides their entries (the layout, the
// index's days, the file names, this integration's choices), hashed as text: a change to any of
// them makes the files again, as the report cache does for its renderer (src/loaders/render-key.ts).
const MADE_BY = ['src/lib/exports/sitemap.ts', 'src/lib/urls.ts', 'src/integrations/sitemap-files.ts'];

/**
 * Writes the sitemap (`/sitemap-index.xml` and `/sitemap-<n>.xml`) after the build, with the
 * `sitemap` package, from the pages Astro built (src/lib/exports/sitemap.ts). Its files are a
 * function of their entries (each page's URL and day), of that package and of our code that lays
 * them out and names them (`MADE_BY`): when all of it is what the last build made them from, and
 * the files are as it left them, they are kept without being made again. An edit to a claim's
 * text changes no entry, and making the files was about 1.5 s of each rebuild at 5,000 reports.
 */
export default function sitemapIntegration(): AstroIntegration {
  let root = '';
  return {
    name: 'claim-ledger:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        const ledger = getLedger();
        const entries = sitemapEntries(
          pages.map((p) => p.pathname),
          retiredClaimPaths(readValidatedCorpus().redirects),
          sitemapLastmod(ledger, ledger.firstPublished),
        );
        const madeFrom = createHash('sha256')
          .update(
            JSON.stringify([
              installedVersion(root, 'sitemap'),
              SITEMAP_FORMAT,
              MADE_BY.map((f) => readFileSync(join(root, f), 'utf8')),
              [sitemapUrl(), sitemapPartUrl(0)],
              entries,
            ]),
          )
          .digest('base64url');
        const files = new WrittenFiles(outputRecord(buildCacheDir(root), 'sitemap', out), out);
        const kept = files.keepIfMadeFrom(madeFrom);
        if (!kept) for (const [path, text] of await sitemapFiles(entries)) files.write(outputPath(path), text);
        files.save(madeFrom);
        logger.info(`sitemap of ${entries.length} pages ${kept ? 'unchanged since the last build' : 'written'}`);
      },
    },
  };
}
