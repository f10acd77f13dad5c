import type { AstroIntegration } from 'astro';
import { LOCAL_SITE_URL, SITE_URL, SITE_URL_SET } from '../lib/settings';

/**
 * Says, in one line at the start of a build, which public address the build's absolute URLs
 * (canonical links, feeds, JSON, citations) carry: a build without `SITE_URL` gets the local
 * preview server's, fine for `npm start` but not for publishing.
 */
export default function siteAddress(): AstroIntegration {
  return {
    name: 'claim-ledger:site-address',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (SITE_URL_SET) logger.info(`public address: ${SITE_URL}/`);
        else
          logger.warn(
            `URLs are local (${LOCAL_SITE_URL}): to publish, build with SITE_URL set to the public address, e.g. SITE_URL=https://example.org/ledger/ npm run build`,
          );
      },
    },
  };
}
