import type { AstroIntegration } from 'astro';
import { ContentError, loadValidatedCorpus } from '../lib/content/corpus';
import { redirectMap } from '../lib/permalinks';

/**
 * Validates the whole corpus before Astro loads anything, and declares the redirects for retired
 * claim ids, so `astro build`, `astro dev` and `astro check` all stop on bad content.
 */
export default function validateContent(): AstroIntegration {
  return {
    name: 'claim-ledger:validate-content',
    hooks: {
      'astro:config:setup': ({ command, logger, updateConfig }) => {
        let corpus;
        try {
          corpus = loadValidatedCorpus();
        } catch (e) {
          // A build prints the problem list alone, one line each, and exits 1: a thrown error
          // would bury it in Astro's "unhandled error in a hook" report and a stack trace. The
          // dev server keeps the thrown error, which its overlay shows.
          if (!(e instanceof ContentError) || command === 'dev') throw e;
          process.stderr.write(`${e.lines.join('\n')}\n`);
          process.exit(1);
        }
        // Retired claim URLs keep working: each becomes a redirect page to its successor or report.
        updateConfig({ redirects: redirectMap(corpus.redirects) });
        logger.info(
          `content valid: ${corpus.articles.length} reports, ${corpus.claims.length} claims, ${corpus.sources.length} sources, ${corpus.topics.length} topics`,
        );
      },
    },
  };
}
