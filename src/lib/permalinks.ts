import { join } from 'node:path';
import type { Redirect } from '../schemas/redirect';
import { calendarDateProblem } from '../schemas/common';
import { PERMALINKS_FILE } from './settings';
import { articleUrl, claimUrl, eventUrl } from './urls';

// `permalinks.txt`, every claim and event URL this site ever published, each with the day (UTC)
// it was first listed: one `<url> <YYYY-MM-DD>` a line, `#` lines are comments. Everything about
// the file is here: where it is, what a line is, what a line may not be, which URLs the site
// publishes and how new ones are appended. The validator (through `readCorpus`), the feed (through
// the validated corpus), `npm run permalinks` and the tests all come through this module.

/** The line a new file starts with. */
export const PERMALINKS_HEADER =
  '# Every claim and event URL ever published, with the day (UTC) it was first published. Append-only: run `npm run permalinks` after adding claims or events.';

/** The reason given when the file is missing; `npm run permalinks` is the one step allowed to go on. */
export const PERMALINKS_MISSING =
  'the file is missing: it lists every claim and event URL ever published, with the day each was first published; run npm run permalinks to create it';

/**
 * Where the file is for a content directory: `PERMALINKS_FILE` when set, else `permalinks.txt`
 * beside the content directory (for `content/`, the project root). The validator, the feed, the
 * dev server's watcher and `npm run permalinks` all ask here, so they always read the same file.
 */
export function permalinksFile(contentDir: string): string {
  return PERMALINKS_FILE ?? join(contentDir, '..', 'permalinks.txt');
}

/** One line of `permalinks.txt`: a site path and the day this site first published it. */
export interface Permalink {
  /** 1-based line in the file. */
  line: number;
  url: string;
  /** `YYYY-MM-DD`, UTC: the day the URL was first listed. */
  firstPublished: string;
}

/** What a permalink leads to: a claim's page, a claim's anchor in its report, or an event's page. */
export type PermalinkTarget =
  { kind: 'claim'; id: string } | { kind: 'anchor'; article: string; id: string } | { kind: 'event'; id: string };

const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const CLAIM_URL = new RegExp(`^/claims/(${ID})/$`);
const ANCHOR_URL = new RegExp(`^/articles/(${ID})/#(${ID})$`);
const EVENT_URL = new RegExp(`^/events/(${ID})/$`);

/** The claim or event a listed URL names, or undefined for a path that is neither. */
export function permalinkTarget(url: string): PermalinkTarget | undefined {
  const claim = CLAIM_URL.exec(url);
  if (claim) return { kind: 'claim', id: claim[1]! };
  const anchor = ANCHOR_URL.exec(url);
  if (anchor) return { kind: 'anchor', article: anchor[1]!, id: anchor[2]! };
  const event = EVENT_URL.exec(url);
  if (event) return { kind: 'event', id: event[1]! };
  return undefined;
}

/** A line's problem: `line N (url)` (or `line N` when no URL could be read) and why. */
export interface PermalinkProblem {
  field: string;
  reason: string;
}

/** Today's day, UTC, as `YYYY-MM-DD`. */
export const utcToday = (): string => new Date().toISOString().slice(0, 10);

/**
 * Parses the file's text: the valid entries, and one problem per line that is not a claim or
 * event URL followed by a real day no later than `today`, or that repeats a URL. Blank lines and
 * lines starting with `#` are skipped; spaces around a line (and a Windows line end) are not errors.
 */
export function parsePermalinks(
  text: string,
  today: string = utcToday(),
): { entries: Permalink[]; problems: PermalinkProblem[] } {
  const entries: Permalink[] = [];
  const problems: PermalinkProblem[] = [];
  const firstLine = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const [url = '', day, ...rest] = trimmed.split(/\s+/);
    const target = permalinkTarget(url);
    const field = target ? `line ${line} (${url})` : `line ${line}`;
    const problem = (reason: string): void => void problems.push({ field, reason });
    if (rest.length > 0 || (!target && day === undefined && !url.startsWith('/'))) {
      return problem(`expected "<url> <YYYY-MM-DD>", e.g. "/claims/<id>/ 2026-11-24", got "${trimmed}"`);
    }
    if (!target)
      return problem(
        `"${url}" is not a claim or event URL: expected a site path /claims/<id>/, /articles/<report>/#<id> or /events/<id>/`,
      );
    if (day === undefined)
      return problem(
        `no date: write "${url} YYYY-MM-DD", the day (UTC) it was first published (npm run permalinks writes it)`,
      );
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return problem(`"${day}" is not a day of the form YYYY-MM-DD`);
    const invalid = calendarDateProblem(day);
    if (invalid) return problem(invalid);
    if (day > today) return problem(`"${day}" is in the future: a URL is dated the day (UTC) it was first published`);
    const first = firstLine.get(url);
    if (first !== undefined)
      return problem(
        `listed twice (first on line ${first}): delete this line; a URL keeps the day it was first listed`,
      );
    firstLine.set(url, line);
    entries.push({ line, url, firstPublished: day });
  });
  return { entries, problems };
}

/** The day each claim was first published, by claim id, from its `/claims/<id>/` entry. */
export function firstPublishedByClaim(permalinks: readonly Permalink[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of permalinks) {
    const target = permalinkTarget(p.url);
    if (target?.kind === 'claim') out.set(target.id, p.firstPublished);
  }
  return out;
}

/** What `publishedPermalinks` needs of the ledger: its claims with their report, and its events. */
export interface PublishedCorpus {
  claims: readonly { id: string; article: { id: string } }[];
  events: readonly { id: string }[];
}

/**
 * The permanent URLs a build publishes: each claim's page and its anchor in its report, and each
 * event's page. The pages are built from the same ledger (src/pages/claims/[id], events/[id]),
 * through the same URL functions, so the list cannot drift from the site.
 */
export function publishedPermalinks(ledger: PublishedCorpus): string[] {
  return [
    ...ledger.claims.flatMap((c) => [claimUrl(c.id), articleUrl(c.article.id, c.id)]),
    ...ledger.events.map((e) => eventUrl(e.id)),
  ];
}

/**
 * The file's text with every URL of `urls` not yet listed appended, dated `today`, in sorted
 * order. The existing text is kept byte for byte (a URL is dated once, when first listed); a new
 * file starts with the header. Returns the text and how many lines were added.
 */
export function appendPermalinks(
  text: string | undefined,
  urls: readonly string[],
  today: string,
): { text: string; added: number } {
  const listed = new Set(parsePermalinks(text ?? '', today).entries.map((e) => e.url));
  const fresh = [...new Set(urls)]
    .filter((u) => !listed.has(u))
    .sort()
    .map((u) => `${u} ${today}\n`);
  const start = text ?? `${PERMALINKS_HEADER}\n`;
  const joined = start === '' || start.endsWith('\n') ? start : `${start}\n`;
  return fresh.length ? { text: joined + fresh.join(''), added: fresh.length } : { text: start, added: 0 };
}

/** What the durability check needs to know about a built site. */
export interface BuiltSite {
  /** Whether a site path (e.g. `/claims/x/`) is served. */
  hasPage: (path: string) => boolean;
  /** Whether a page has an element with this id. */
  hasId: (path: string, id: string) => boolean;
}

/**
 * Checks a built site against the listed URLs: a claim page is still built (or, for a retired id,
 * its declared redirect is), and an anchor in a report still exists (or the retired id is kept as
 * an alias anchor, or the claim was removed and its report still exists). The validator checks
 * the same against the content; this checks what was actually written. One line per broken URL.
 */
export function brokenPermalinks(urls: readonly string[], site: BuiltSite, redirects: readonly Redirect[]): string[] {
  const retired = new Map(redirects.map((r) => [r.from, r]));
  const problems: string[] = [];
  for (const url of urls) {
    const [path, fragment] = url.split('#') as [string, string | undefined];
    const target = permalinkTarget(url);
    const redirect = target && target.kind !== 'event' ? retired.get(target.id) : undefined;
    if (!site.hasPage(path)) {
      problems.push(
        `${url}: no longer built${redirect ? ' (a redirect is declared but its page is missing)' : '; declare a redirect in content/redirects.yaml'}`,
      );
      continue;
    }
    if (fragment && !site.hasId(path, fragment)) {
      const removedWithReport = redirect?.article !== undefined;
      if (!removedWithReport)
        problems.push(
          `${url}: anchor "${fragment}" is gone from the report; declare a redirect in content/redirects.yaml`,
        );
    }
  }
  return problems;
}
