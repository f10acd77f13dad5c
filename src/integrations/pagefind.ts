import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { currentSearchIndex, setSearchIndex } from '../lib/search-index';

/**
 * Builds the search index as part of `astro build`, so a plain build followed by `astro preview`
 * serves a searchable site. The index is opened when the build starts and fed each page as it is
 * rendered (by `src/middleware.ts`), so pagefind works in parallel with Astro; when the build is
 * done the index is written to `dist/pagefind/`. What is indexed is decided in the pages
 * (`data-pagefind-body`, `data-pagefind-ignore`), not here.
 */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'claim-ledger:pagefind',
    hooks: {
      'astro:build:start': async () => {
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        setSearchIndex({ index, pending: [], errors: [], pages: 0 });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const session = currentSearchIndex();
        if (!session) throw new Error('pagefind: the search index was not opened at the start of the build');
        setSearchIndex(undefined);
        try {
          await Promise.all(session.pending);
          if (session.errors.length) throw new Error(`pagefind: ${session.errors.join('\n')}`);
          const written = await session.index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
          if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        } finally {
          await pagefind.close();
        }
        logger.info(`pagefind indexed ${session.pages} pages as they were rendered`);
      },
    },
  };
}
