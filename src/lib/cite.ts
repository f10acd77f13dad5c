import type { Claim } from './ledger';
import { formatDate } from './dates';
import { outletLabel } from './outlet';
import { SITE_NAME } from './site';
import { absolute, claimUrl } from './urls';

/** Who published the claim's report, as a citation should name it. */
export function outletName(c: Claim): string {
  return outletLabel(c.article);
}

/** A ready citation: claimant, claim, report, outlet, date and permanent URL. */
export function citationText(c: Claim): string {
  const date = c.article.data.published;
  const when = `${date.basis === 'inferred' ? 'c. ' : ''}${formatDate(date.date)}`;
  return `${c.claimant.data.name}. “${c.data.statement}” Claim in “${c.article.data.title},” ${outletName(c)}, ${when}. ${SITE_NAME}, ${absolute(claimUrl(c.id))}.`;
}

// BibTeX needs its special characters escaped; braces keep capitalisation as written.
const bib = (s: string): string => s.replace(/[\\{}]/g, (ch) => `\\${ch}`).replace(/[&%$#_]/g, (ch) => `\\${ch}`);

/** A BibTeX `@misc` entry for a claim. */
export function bibtex(c: Claim): string {
  const published = c.article.data.published.date;
  const [year, month] = published.split('-');
  return [
    `@misc{claimledger-${c.id},`,
    `  title = {{${bib(c.data.statement)}}},`,
    `  author = {{${bib(c.claimant.data.name)}}},`,
    `  howpublished = {${SITE_NAME}, claim in \`\`${bib(c.article.data.title)}'', ${bib(outletName(c))}},`,
    `  year = {${year}},`,
    ...(month ? [`  month = {${Number(month)}},`] : []),
    `  url = {${absolute(claimUrl(c.id))}},`,
    `  note = {Quote: \`\`${bib(c.data.quote)}''. Publication date ${c.article.data.published.basis}.}`,
    `}`,
    '',
  ].join('\n');
}

/** A CSL-JSON item (as a one-item array) for a claim, for Zotero and citeproc. */
export function cslJson(c: Claim): object[] {
  const parts = c.article.data.published.date.split('-').map(Number);
  return [
    {
      id: `claimledger-${c.id}`,
      type: 'webpage',
      title: c.data.statement,
      author: [{ literal: c.claimant.data.name }],
      'container-title': SITE_NAME,
      issued: { 'date-parts': [parts], ...(c.article.data.published.basis === 'inferred' ? { circa: true } : {}) },
      URL: absolute(claimUrl(c.id)),
      note: `Claim in “${c.article.data.title}”, ${outletName(c)}. Quote: “${c.data.quote}”`,
    },
  ];
}
