// `npm run permalinks [-- content-dir]`: lists in permalinks.txt every claim and event URL the
// validated content publishes that is not listed yet, dated today (UTC). No build needed: the URLs
// come from the ledger, through the same URL functions the pages use, so run it after
// `npm run validate` and before the build, and the new claims have their RSS date on the first
// build. Existing lines are kept byte for byte (a URL is dated once, when first listed; one that
// disappears needs a redirect, which the validator enforces); nothing new, nothing written. On
// invalid content it prints the problems and exits 1 without touching the file: a missing file is
// the one problem it goes on with, since creating the file is what it is for.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { problemsMessage, readValidatedCorpus } from '../src/lib/content/corpus';
import { buildLedger } from '../src/lib/model/ledger';
import {
  appendPermalinks,
  permalinksFile,
  PERMALINKS_MISSING,
  publishedPermalinks,
  utcToday,
} from '../src/lib/permalinks';
import { CONTENT_DIR } from '../src/lib/settings';

const dir = process.argv[2] ?? CONTENT_DIR;
const corpus = readValidatedCorpus(dir);
const file = permalinksFile(resolve(dir));
const problems = corpus.problems.filter((p) => p.reason !== PERMALINKS_MISSING);
if (problems.length > 0) {
  console.error(problemsMessage({ ...corpus, problems }, dir));
  process.exit(1);
}
const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
const { text, added } = appendPermalinks(before, publishedPermalinks(buildLedger(corpus)), utcToday());
if (text !== before) writeFileSync(file, text);
console.log(`${relative(process.cwd(), file) || file}: ${corpus.permalinks.length + added} listed, ${added} added`);
