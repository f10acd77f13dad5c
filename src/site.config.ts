// The site's settings an owner edits: its name and what it is about. Everything that names the
// site or its subject (titles, footer, home page, feeds, data package, citations, the share
// image made by scripts/og-image.mjs) reads them from here. No imports, so a plain Node script
// can read this file too. How many reports there are is never written here: pages count them.

/** The site's name, used in titles, feeds and citations. */
export const SITE_NAME = 'Claim Ledger';

/** What the reports are about, as it reads after "news reports on": "news reports on Russia's mobilization". */
export const SITE_SUBJECT = "Russia's mobilization";

/**
 * What the subject covers, as the home page's opening sentence names it after the subject (between
 * dashes): the themes the reports share. Keep it true of the whole ledger as it grows; leave it
 * empty ('') to name the subject alone.
 */
export const SITE_SCOPE =
  'the covert “crypto” mobilization, the 2022 partial mobilization, rumours of a second wave and concealed war losses';

/** The subject line under the name, on the home page and the share image. */
export const SITE_TAGLINE = "Russia's mobilization, claim by claim";
