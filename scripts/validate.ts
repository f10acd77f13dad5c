// `npm run validate [-- [--watch] [content-dir]]`: the build's content checks alone, without
// Astro. Same validator, same `file: field: reason` lines; exit status 1 when there are problems.
// With --watch it stays running and checks again on every save.
import { parseArgs } from 'node:util';
import { problemsMessage, readValidatedCorpus } from '../src/lib/content/corpus';
import { CONTENT_DIR } from '../src/lib/settings';
import { watchContent } from '../src/lib/content/watch';
import { plural } from '../src/lib/plural';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { watch: { type: 'boolean', default: false } },
});
const dir = positionals[0] ?? CONTENT_DIR;

/** Validates once and prints the result; returns whether the content is valid. */
function check(): boolean {
  const start = performance.now();
  let corpus;
  try {
    corpus = readValidatedCorpus(dir);
  } catch (e) {
    console.error(`${dir}: (directory): ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  const ms = Math.round(performance.now() - start);
  if (corpus.problems.length > 0) {
    console.error(problemsMessage(corpus, dir));
    return false;
  }
  const { articles, claims, sources, topics } = corpus;
  console.log(
    `content valid: ${plural(articles.length, 'report')}, ${plural(claims.length, 'claim')}, ${plural(sources.length, 'source')}, ${plural(topics.length, 'topic')} (${ms} ms)`,
  );
  return true;
}

const ok = check();
if (!values.watch) process.exit(ok ? 0 : 1);

let timer: ReturnType<typeof setTimeout> | undefined;
const onChange = (): void => {
  // One check per burst of events: an editor's save can write a file more than once.
  clearTimeout(timer);
  timer = setTimeout(() => {
    console.log(`\n${new Date().toLocaleTimeString()}`);
    check();
  }, 100);
};
watchContent(dir, onChange);
console.log(`watching ${dir} for changes (Ctrl+C to stop)`);
