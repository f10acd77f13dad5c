import type { Claim } from '../model/ledger';
import { formatDate, rangeOf } from '../model/dates';
import { authorName, claimAuthor, outletLabel } from '../model/outlet';
import { SITE_NAME } from '../site';
import { absolute, claimUrl } from '../urls';

/** Who published the claim's report, as a citation should name it. */
export function outletName(c: Claim): string {
  return outletLabel(c.article);
}

/**
 * Where the report itself was read, for a citation: its own address and the day it was accessed,
 * where the frontmatter gives them. The citation's URL stays the claim's page (the thing cited);
 * the report's address goes beside it, as a second locator.
 */
export function reportAddress(c: Claim): string | undefined {
  const { url, accessed } = c.article.data;
  return url && `${url}${accessed ? `, accessed ${formatDate(accessed)}` : ''}`;
}

/** The claim's author as a citation names it (see `claimAuthor`), or nothing. */
const citedAuthor = (c: Claim): string | undefined => {
  const a = claimAuthor(c);
  return a && authorName(a);
};

/** A ready citation: author (claimant), claim, report, outlet, date, the report's address where known, and permanent URL. */
export function citationText(c: Claim): string {
  const by = citedAuthor(c);
  const date = c.article.data.published;
  // Inferred, not approximate: "c." would say the date is rough, where it is one the text implies.
  const when = date.basis === 'inferred' ? `${formatDate(date.date)} (inferred)` : formatDate(date.date);
  return `${by ? `${by}. ` : ''}“${c.data.statement}” Claim in “${c.article.data.title},” ${outletName(c)}, ${when}${reportAddress(c) ? ` (${reportAddress(c)})` : ''}. ${SITE_NAME}, ${absolute(claimUrl(c.id))}.`;
}

// BibTeX needs its special characters escaped; braces keep capitalisation as written.
const bib = (s: string): string => s.replace(/[\\{}]/g, (ch) => `\\${ch}`).replace(/[&%$#_]/g, (ch) => `\\${ch}`);

/** A BibTeX `@misc` entry for a claim. */
export function bibtex(c: Claim): string {
  const by = citedAuthor(c);
  const spec = c.article.data.published;
  const r = rangeOf(spec.date);
  // BibTeX's year and month are plain facts: give them only as far as every possible date agrees.
  // biblatex's `date` takes the EDTF form itself, ranges and open ends included.
  const [sy, sm] = (r.start ?? '').split('-');
  const [ey, em] = (r.end ?? '').split('-');
  const year = r.start && r.end && sy === ey ? sy : undefined;
  const month = year && sm && sm === em ? sm : undefined;
  return [
    `@misc{claimledger-${c.id},`,
    `  title = {{${bib(c.data.statement)}}},`,
    ...(by ? [`  author = {{${bib(by)}}},`] : []),
    `  howpublished = {${SITE_NAME}, claim in \`\`${bib(c.article.data.title)}'', ${bib(outletName(c))}},`,
    // EDTF's "?" is uncertain (here: inferred); its "~" would say approximate, which an inferred date is not.
    `  date = {${spec.date}${spec.basis === 'inferred' && r.kind === 'point' ? '?' : ''}},`,
    ...(year ? [`  year = {${year}},`] : []),
    ...(month ? [`  month = {${Number(month)}},`] : []),
    `  url = {${absolute(claimUrl(c.id))}},`,
    `  note = {Quote: \`\`${bib(c.data.quote)}''. Report dated ${bib(formatDate(spec.date))}, ${spec.basis}.${reportAddress(c) ? ` Report at ${bib(reportAddress(c)!)}.` : ''}}`,
    `}`,
    '',
  ].join('\n');
}

/** A CSL-JSON item (as a one-item array) for a claim, for Zotero and citeproc. */
export function cslJson(c: Claim): object[] {
  const by = citedAuthor(c);
  const spec = c.article.data.published;
  const r = rangeOf(spec.date);
  const parts = (point: string): number[] => point.split('-').map(Number);
  // CSL takes a range as two date-parts; an open bound has no CSL form, so it goes as a literal.
  const issued =
    r.kind === 'bound'
      ? { literal: formatDate(spec.date) }
      : // CSL's only mark is `circa` (approximate); an inferred date is not that, so the note says it instead.
        { 'date-parts': r.kind === 'point' ? [parts(r.start!)] : [parts(r.start!), parts(r.end!)] };
  return [
    {
      id: `claimledger-${c.id}`,
      type: 'webpage',
      title: c.data.statement,
      ...(by ? { author: [{ literal: by }] } : {}),
      'container-title': SITE_NAME,
      issued,
      URL: absolute(claimUrl(c.id)),
      note: `Claim in “${c.article.data.title}”, ${outletName(c)}${spec.basis === 'inferred' ? `, date inferred (${formatDate(spec.date)})` : ''}. Quote: “${c.data.quote}”${reportAddress(c) ? `. Report at ${reportAddress(c)}.` : ''}`,
    },
  ];
}
