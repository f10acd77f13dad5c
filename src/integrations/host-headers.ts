import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/exports/host-headers';
import { BASE_PATH } from '../lib/settings';
import { writeIfChanged } from '../lib/output/written-files';

/**
 * Writes `_headers` into the output folder: the site's security headers (the Content-Security-Policy
 * as a header, with `frame-ancestors`, which a <meta> tag cannot set), for the static hosts that read
 * that file (Netlify, Cloudflare Pages). Other servers are configured by hand: see the README's Deploy.
 */
export default function hostHeaders(): AstroIntegration {
  return {
    name: 'claim-ledger:host-headers',
    hooks: {
      'astro:build:done': ({ dir }) => writeIfChanged(join(fileURLToPath(dir), '_headers'), headersFile(BASE_PATH)),
    },
  };
}
