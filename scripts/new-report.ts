// `npm run new:report -- <file.txt> [--id <report-id>]`: starts a report from a text file.
// Writes content/articles/<id>.md (the text as the body, one paragraph per line of the file, no
// word changed) with a frontmatter skeleton whose every field to fill in holds a `TODO:` hint
// that `npm run validate` reports, an empty claims file, and content/received/<id>.txt: the text
// file copied byte for byte, which the validator checks the body against. Never overwrites a file.
import { copyFileSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { idSchema } from '../src/schemas/common';
import { CONTENT_DIR } from '../src/lib/settings';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { id: { type: 'string' } } });
const input = positionals[0];
if (!input || positionals.length > 1) {
  console.error('usage: npm run new:report -- <file.txt> [--id <report-id>]');
  process.exit(2);
}
if (!existsSync(input)) {
  console.error(`${input}: no such file`);
  process.exit(1);
}

const fileName = basename(input);
const id =
  values.id ??
  fileName
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const idCheck = idSchema.safeParse(id);
if (!idCheck.success) {
  console.error(`--id "${id}": ${idCheck.error.issues[0]?.message ?? 'not a valid id'}`);
  process.exit(1);
}

// Paragraphs: each non-blank line of the text file is one; Markdown needs a blank line between
// them, or it would join consecutive lines into one paragraph. Line endings become \n.
const paragraphs = readFileSync(input, 'utf8')
  .replace(/^\uFEFF/, '')
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '');
if (paragraphs.length === 0) {
  console.error(`${input}: the file has no text`);
  process.exit(1);
}

const q = (s: string): string => JSON.stringify(s);
const seed = fileName.endsWith('.txt') ? fileName : 'TODO: the name of the .txt file the text came from';
const frontmatter = `title: ${q("TODO: the report's headline as printed (if it is the text's first line, move it here from the body and say so under provenance.omitted)")}
outlet:
  id: ${q('TODO: the publishing outlet: a source id (content/sources/<id>.yaml), or null when the text does not name it')}
  basis: ${q('TODO: stated (the text names the outlet), inferred (say how in note) or unknown (with id: null)')}
  note: ${q('TODO: how we know who published the report, in one sentence')}
# byline: "the author, only if the text names one"
published:
  date: ${q('TODO: the publication date, quoted: "YYYY", "YYYY-MM" or "YYYY-MM-DD", no more precise than the text supports')}
  basis: ${q('TODO: stated (the text gives the date) or inferred (say how in note)')}
  note: ${q('TODO: for an inferred date, how it was worked out; delete this line for a stated date')}
provenance:
  seed: ${q(seed)}
  omitted: [] # page furniture removed from the text (headline, timestamps, link texts), one line each
  normalised: [] # anything changed in the text (e.g. a character repaired), one line each
topics: [${q('TODO: one or more topic ids (content/topics/<id>.yaml)')}]
summary: ${q('TODO: two or three sentences on what the report says, held to its wording')}
# Optional, only what is known (never guessed):
# url: "https://…"           # the report's own web address (https only)
# accessed: "YYYY-MM-DD"     # the day the text was read there, or received
# incomplete: { note: "…" }  # the text is cut off: say where it stops, e.g. "ends mid-word after …"
`;
const article = `---\n${frontmatter}---\n\n${paragraphs.join('\n\n')}\n`;
const claims = `# Claims of content/articles/${id}.md, in text order. One claim:
#  - id: kebab-case-id-that-will-be-its-url
#    quote: >-
#      (paste the text printed by \`npm run quote -- ${id} <words>\`)
#    statement: a neutral one-sentence paraphrase
#    kind: event | figure | assessment | forecast | denial | quote | description
#    claimant: source id (the-report for the report's own voice)
#    via: [source ids from the outlet to the claimant]
#    hedge: asserted | likely | possible | alleged | rumoured | denied | doubted | opinion
#    topics: [topic ids]
article: ${id}
claims: []
`;

const articlePath = join(CONTENT_DIR, 'articles', `${id}.md`);
const claimsPath = join(CONTENT_DIR, 'claims', `${id}.yaml`);
const receivedPath = join(CONTENT_DIR, 'received', `${id}.txt`);
const taken = [articlePath, claimsPath, receivedPath].filter((p) => existsSync(p));
if (taken.length > 0) {
  console.error(`refusing to overwrite ${taken.join(', ')}; choose another id with --id, or remove the file(s) first`);
  process.exit(1);
}
mkdirSync(join(CONTENT_DIR, 'articles'), { recursive: true });
mkdirSync(join(CONTENT_DIR, 'claims'), { recursive: true });
mkdirSync(join(CONTENT_DIR, 'received'), { recursive: true });
// 'wx' and COPYFILE_EXCL: fail rather than overwrite, even if a file appeared since the check above.
copyFileSync(input, receivedPath, constants.COPYFILE_EXCL);
writeFileSync(articlePath, article, { flag: 'wx' });
writeFileSync(claimsPath, claims, { flag: 'wx' });

// Markdown would read these lines as something other than a paragraph, and claims can only quote paragraphs.
const markdownish = paragraphs.filter((p) => /^\s*(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|```|<)/.test(p));
console.log(`created ${articlePath} (${paragraphs.length} paragraphs)
created ${claimsPath} (no claims yet)
created ${receivedPath} (the text as received, kept unchanged: the body is checked against it)
${markdownish.length > 0 ? `\nwarning: ${markdownish.length} line(s) start like Markdown (a heading, list, quote or HTML), which changes how they are read:\n${markdownish.map((p) => `  ${p.slice(0, 70)}`).join('\n')}\n` : ''}
next steps:
  1. In ${articlePath}, fill in every TODO in the frontmatter; move the headline and any page
     furniture (timestamps, link texts) out of the body and list them under provenance.omitted.
  2. npm run validate                  lists what is still to fill in, one line per field
  3. npm run quote -- ${id} <words>    prints the sentences with those words, ready to paste as quote:
  4. Add claims to ${claimsPath}; add new sources and topics under ${join(CONTENT_DIR, 'sources')}/ and ${join(CONTENT_DIR, 'topics')}/
  5. npm run validate, then npm run permalinks to date the new claim URLs, npm run dev to read it, and npm run build`);
