import type { AstroIntegration } from 'astro';
import {
  ContentError,
  freezeCorpus,
  loadValidatedCorpus,
  problemsMessage,
  readValidatedCorpus,
} from '../lib/content/corpus';
import { liveContent } from './live-content';
import { plural } from '../lib/plural';

/**
 * Validates the whole corpus before Astro loads anything. (Retired claim ids get their pages from
 * `src/pages/claims/[...retired].astro`, not from Astro's `redirects` config, whose pages lack the
 * site's head and CSP; `astro dev` redirects them itself, see ./live-content.ts.) `astro build` and `astro check` stop on bad content with the problem list alone, one
 * line per problem (file, field, reason), and exit 1. `astro dev` starts anyway: it prints the
 * problems in the terminal on every save and serves a page listing them instead of the site until
 * they are fixed.
 */
export default function validateContent(): AstroIntegration {
  return {
    name: 'claim-ledger:validate-content',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
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
        // A build reads the content as it was when it started; `astro dev` follows every edit.
        if (command === 'build') freezeCorpus();
        logger.info(
          `content valid: ${plural(corpus.articles.length, 'report')}, ${plural(corpus.claims.length, 'claim')}, ${plural(corpus.sources.length, 'source')}, ${plural(corpus.topics.length, 'topic')}`,
        );
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => liveContent(server, logger, refreshContent),
    },
  };
}
