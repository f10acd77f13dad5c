import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { outputRecord } from '../lib/build-records';
import { readValidatedCorpus } from '../lib/content/corpus';
import { buildCacheDir } from '../lib/content/parse-cache';
import { SITEMAP_FORMAT, sitemapEntries, sitemapFiles, sitemapLastmod } from '../lib/exports/sitemap';
import { installedVersion } from '../lib/installed';
import { getLedger } from '../lib/model/ledger';
import { outputPath } from '../lib/urls';
import { retiredClaimPaths } from '../lib/views/redirect-pages';
import { WrittenFiles } from './prune-output';

/**
 * Writes the sitemap (`/sitemap-index.xml` and `/sitemap-<n>.xml`) after the build, with the
 * `sitemap` package, from the pages Astro built (src/lib/exports/sitemap.ts). Its files are a
 * function of their entries (each page's URL and day) and of that package's code: when both are
 * what the last build made them from, and the files are as it left them, they are kept without
 * being made again. An edit to a claim's text changes no entry, and making the files was about
 * 1.5 s of each rebuild at 5,000 reports.
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
          .update(JSON.stringify([installedVersion(root, 'sitemap'), SITEMAP_FORMAT, entries]))
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
