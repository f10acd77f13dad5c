import type { AstroIntegration } from 'astro';
import { ContentError, loadValidatedCorpus, problemsMessage, readValidatedCorpus } from '../lib/content/corpus';
import { redirectMap } from '../lib/permalinks';
import { liveContent } from './live-content';

/**
 * Validates the whole corpus before Astro loads anything, and declares the redirects for retired
 * claim ids. `astro build` and `astro check` stop on bad content with the problem list alone, one
 * line per problem (file, field, reason), and exit 1. `astro dev` starts anyway: it prints the
 * problems in the terminal on every save and serves a page listing them instead of the site until
 * they are fixed.
 */
export default function validateContent(): AstroIntegration {
  return {
    name: 'claim-ledger:validate-content',
    hooks: {
      'astro:config:setup': ({ command, logger, updateConfig }) => {
        let corpus;
        try {
          corpus = command === 'dev' ? readValidatedCorpus() : loadValidatedCorpus();
        } catch (e) {
          // A build prints the problem list alone, one line each, and exits 1: a thrown error
          // would bury it in Astro's "unhandled error in a hook" report and a stack trace.
          if (!(e instanceof ContentError)) throw e;
          process.stderr.write(`${e.lines.join('\n')}\n`);
          process.exit(1);
        }
        if (corpus.problems.length > 0) {
          logger.error(problemsMessage(corpus));
          return;
        }
        // Retired claim URLs keep working: each becomes a redirect page to its successor or report.
        // `astro dev` redirects them itself (./live-content.ts), as the file says at each request.
        if (command !== 'dev') updateConfig({ redirects: redirectMap(corpus.redirects) });
        logger.info(
          `content valid: ${corpus.articles.length} reports, ${corpus.claims.length} claims, ${corpus.sources.length} sources, ${corpus.topics.length} topics`,
        );
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => liveContent(server, logger, refreshContent),
    },
  };
}
