import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with pagefind as the last step of `astro build`, so a plain build
 * followed by `astro preview` serves a searchable site. What is indexed is decided in the
 * pages (`data-pagefind-body`, `data-pagefind-ignore`), not here.
 */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'claim-ledger:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`pagefind indexed ${added.page_count} pages`);
      },
    },
  };
}
