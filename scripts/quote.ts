// `npm run quote -- <report> <words…>`: prints every sentence (or shortest passage within one
// paragraph) of a report that contains all the words, exactly as a claim's `quote` must be
// written, with `occurrence` where the passage repeats. The words are matched case-insensitively;
// put a phrase in quotes to match it as one.
import { readCorpus } from '../src/lib/content/read';
import { analyseMarkdown } from '../src/lib/content/text';
import { findPassages, passageYaml } from '../src/lib/content/passages';
import { CONTENT_DIR } from '../src/lib/settings';

const [report, ...words] = process.argv.slice(2);
if (!report || words.length === 0) {
  console.error(
    'usage: npm run quote -- <report-id> <word> [more words…]   e.g. npm run quote -- hidden-war-deaths Rosstat deaths',
  );
  process.exit(2);
}
const id = report.replace(/^.*\//, '').replace(/\.md$/, '');
const articles = readCorpus(CONTENT_DIR).articles;
const article = articles.find((a) => a.id === id);
if (!article) {
  console.error(
    `no report "${id}" in ${CONTENT_DIR}/articles/; the reports are: ${articles.map((a) => a.id).join(', ')}`,
  );
  process.exit(2);
}
const blocks = analyseMarkdown(article.body ?? '').blocks;
const passages = findPassages(
  blocks.map((b) => b.text),
  words,
);
if (passages.length === 0) {
  console.error(`no paragraph of ${article.file} contains all of: ${words.join(', ')}`);
  process.exit(1);
}
passages.forEach((p, i) => {
  const where = `paragraph ${p.block + 1}, line ${blocks[p.block]!.line} of the body`;
  console.log(
    `# ${i + 1} of ${passages.length}: ${where}${p.occurrence ? `; the text occurs more than once, this is occurrence ${p.occurrence}` : ''}`,
  );
  console.log(passageYaml(p));
  console.log('');
});
