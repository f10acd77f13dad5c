import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getLedger } from '../lib/model/ledger';
import { feedItems } from '../lib/exports/feed';
import { SITE_NAME, SITE_SUBJECT } from '../lib/site';
import { plural } from '../lib/plural';
import { SITE_URL } from '../lib/settings';
import { absolute, feedUrl } from '../lib/urls';

/** RSS feed of the newest reports and claims, dated by when this site first published each (permalinks.txt). */
export const GET: APIRoute = async () => {
  const ledger = getLedger();
  const items = feedItems(ledger);
  return rss({
    title: `${SITE_NAME}: reports and claims`,
    description: `The newest ${plural(items.length, 'item')} (reports and their claims) of ${plural(ledger.articles.length, 'news report')} on ${SITE_SUBJECT}.`,
    site: SITE_URL,
    // The feed names its own address (RSS Best Practices; feed validators ask for it).
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<atom:link href="${absolute(feedUrl())}" rel="self" type="application/rss+xml"/>`,
    items,
  });
};
