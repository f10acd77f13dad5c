import type { AstroIntegration } from 'astro';
import { API_FILES } from '../lib/exports/api-files';

/**
 * The files under `/api/` (src/lib/exports/api-files.ts) in `astro dev`: one injected route per
 * extension serves the same list a build writes (./data-files.ts, after the pages, not as Astro
 * endpoints). A build has no such route.
 */
export default function apiFilesInDev(): AstroIntegration {
  return {
    name: 'claim-ledger:api-files-dev',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        // One route per extension: a pattern ending in a literal one is served without a trailing slash.
        const extensions = new Set(API_FILES.map((f) => f.url.slice(f.url.lastIndexOf('.'))));
        for (const ext of extensions)
          injectRoute({ pattern: `/api/[name]${ext}`, entrypoint: './src/integrations/api-files-route.ts' });
      },
    },
  };
}
