import { afterEach, describe, expect, test, vi } from 'vitest';

// SITE_URL, read once when the settings module loads: its origin for absolute URLs, its path as
// the base of every site path. Each case loads the modules afresh under its own environment.

async function load(siteUrl: string | undefined) {
  vi.resetModules();
  if (siteUrl === undefined) vi.stubEnv('SITE_URL', '');
  else vi.stubEnv('SITE_URL', siteUrl);
  const settings = await import('../../src/lib/settings');
  const urls = await import('../../src/lib/urls');
  const { default: siteAddress } = await import('../../src/integrations/site-address');
  const { headersFile } = await import('../../src/lib/exports/host-headers');
  const said: string[] = [];
  const logger = { info: (m: string) => said.push(`info: ${m}`), warn: (m: string) => said.push(`warn: ${m}`) };
  const hook = siteAddress().hooks['astro:build:start'] as unknown as (o: { logger: typeof logger }) => void;
  hook({ logger });
  return { settings, urls, said, headersFile };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('SITE_URL', () => {
  test('unset: local URLs, at the root, and the build says so in one line', async () => {
    const { settings, urls, said } = await load(undefined);
    expect(settings.SITE_URL).toBe('http://127.0.0.1:4321');
    expect(settings.BASE_PATH).toBe('/');
    expect(urls.claimUrl('x')).toBe('/claims/x/');
    expect(urls.absolute(urls.claimUrl('x'))).toBe('http://127.0.0.1:4321/claims/x/');
    expect(said).toEqual([
      'warn: URLs are local (http://127.0.0.1:4321): to publish, build with SITE_URL set to the public address, e.g. SITE_URL=https://example.org/ledger/ npm run build',
    ]);
  });

  test('with a path: every site path under it, absolute URLs with origin and path, files written without it', async () => {
    const { settings, urls, said, headersFile } = await load('https://example.org/mobilization');
    expect(settings.SITE_URL).toBe('https://example.org/mobilization');
    expect(settings.BASE_PATH).toBe('/mobilization/');
    expect(urls.homeUrl()).toBe('/mobilization/');
    expect(urls.articleUrl('a', 'c')).toBe('/mobilization/articles/a/#c');
    expect(urls.searchUrl({ q: 'Rosstat' })).toBe('/mobilization/search/?q=Rosstat');
    expect(urls.citationUrl('x', 'bib')).toBe('/mobilization/claims/x/cite.bib');
    expect(urls.absolute(urls.feedUrl())).toBe('https://example.org/mobilization/rss.xml');
    expect(urls.outputPath(urls.citationUrl('x', 'bib'))).toBe('/claims/x/cite.bib');
    expect(said).toEqual(['info: public address: https://example.org/mobilization/']);
    expect(headersFile(settings.BASE_PATH).split('\n')[0]).toBe('/mobilization/*');
  });

  test('at the root of another origin', async () => {
    const { settings, urls } = await load('https://example.org/');
    expect(settings.BASE_PATH).toBe('/');
    expect(urls.absolute(urls.homeUrl())).toBe('https://example.org/');
    expect(urls.outputPath('/claims/x/')).toBe('/claims/x/');
  });
});
