import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getLedger } from '../lib/model/ledger';
import { feedItems } from '../lib/exports/feed';
import { SITE_NAME } from '../lib/site';
import { SITE_URL } from '../lib/settings';

/** RSS feed of reports and claims, dated by when this site first published each (permalinks.txt). */
export const GET: APIRoute = async () =>
  rss({
    title: `${SITE_NAME}: reports and claims`,
    description: "Five news reports on Russia's mobilization and every claim in them.",
    site: SITE_URL,
    items: feedItems(getLedger()),
  });
