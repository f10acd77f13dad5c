import type { AstroIntegration } from 'astro';
import { loadValidatedCorpus } from '../lib/content/corpus';
import { redirectMap } from '../lib/permalinks';

/**
 * Validates the whole corpus before Astro loads anything, and declares the redirects for retired
 * claim ids, so `astro build`, `astro dev` and
 * `astro check` all stop on bad content with one line per problem (file, field, reason).
 */
export default function validateContent(): AstroIntegration {
  return {
    name: 'claim-ledger:validate-content',
    hooks: {
      'astro:config:setup': ({ logger, updateConfig }) => {
        const corpus = loadValidatedCorpus();
        // Retired claim URLs keep working: each becomes a redirect page to its successor or report.
        updateConfig({ redirects: redirectMap(corpus.redirects) });
        logger.info(
          `content valid: ${corpus.articles.length} reports, ${corpus.claims.length} claims, ${corpus.sources.length} sources, ${corpus.topics.length} topics`,
        );
      },
    },
  };
}
