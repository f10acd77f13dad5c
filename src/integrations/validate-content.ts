import type { AstroIntegration } from 'astro';
import { loadValidatedCorpus } from '../loaders/corpus';

/**
 * Validates the whole corpus before Astro loads anything, so `astro build`, `astro dev` and
 * `astro check` all stop on bad content with one line per problem (file, field, reason).
 */
export default function validateContent(): AstroIntegration {
  return {
    name: 'claim-ledger:validate-content',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const corpus = loadValidatedCorpus();
        logger.info(
          `content valid: ${corpus.articles.length} reports, ${corpus.claims.length} claims, ${corpus.sources.length} sources, ${corpus.topics.length} topics`,
        );
      },
    },
  };
}
