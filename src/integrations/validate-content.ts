import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { ContentError, loadValidatedCorpus, problemsMessage, readValidatedCorpus } from '../lib/content/corpus';
import { isContentPath } from '../loaders/watch';
import { CONTENT_DIR } from '../lib/settings';
import { formatProblem } from '../lib/content/validate';
import { contentProblemsPage, isPageRequest } from '../lib/problems-page';

/**
 * Validates the whole corpus before Astro loads anything. (Retired claim ids get their redirect
 * pages from `src/pages/claims/[...retired].astro`, not from Astro's `redirects` config.) `astro build` and `astro check` stop on bad content with the problem list alone, one
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
        logger.info(
          `content valid: ${corpus.articles.length} reports, ${corpus.claims.length} claims, ${corpus.sources.length} sources, ${corpus.topics.length} topics`,
        );
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = resolve(CONTENT_DIR);
        server.watcher.add(dir);
        let reported = '';
        // Each save is checked once; the same list is not printed twice in a row.
        const report = (): void => {
          const corpus = readValidatedCorpus();
          const now = corpus.problems.map(formatProblem).join('\n');
          if (now === reported) return;
          if (now) logger.error(problemsMessage(corpus));
          else logger.info(`content valid again: ${corpus.articles.length} reports, ${corpus.claims.length} claims`);
          reported = now;
        };
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (!isContentPath(path, dir)) return;
          clearTimeout(timer);
          timer = setTimeout(report, 50);
        });
        // Runs before Astro renders: while the content has problems, every page is the list of them.
        server.middlewares.use((req, res, next) => {
          if (req.method !== 'GET' || !isPageRequest(req.url ?? '/')) return next();
          const corpus = readValidatedCorpus();
          if (corpus.problems.length === 0) return next();
          res.statusCode = 500;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('cache-control', 'no-store');
          res.end(contentProblemsPage(corpus.problems.map(formatProblem), CONTENT_DIR));
        });
      },
    },
  };
}
