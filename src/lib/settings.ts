/**
 * Build settings, read once from the environment so every module agrees.
 * `CONTENT_DIR` lets the benchmark and the bad-content fixtures build the real site over other
 * content; `SITE_URL` is the public address of the site, any origin and path
 * (`https://example.org/mobilization/`): its origin makes every absolute URL (canonical, feeds,
 * JSON) and its path is the base every site path starts with.
 */
export const CONTENT_DIR: string = process.env['CONTENT_DIR'] ?? 'content';

/** The address a build gets when `SITE_URL` is not set: the local preview server's. */
export const LOCAL_SITE_URL = 'http://127.0.0.1:4321';

/** Whether `SITE_URL` was given: without it, every absolute URL is the local preview server's. */
export const SITE_URL_SET: boolean = Boolean(process.env['SITE_URL']);

const address = new URL(process.env['SITE_URL'] || LOCAL_SITE_URL);

/** Public origin of the site (`https://example.org`), without a path. */
export const SITE_ORIGIN: string = address.origin;

/** The path the site is served under, with a slash at both ends (`/` or `/mobilization/`). */
export const BASE_PATH: string = address.pathname.replace(/\/*$/, '/');

/** Public address of the site, origin and base path, without a trailing slash. */
export const SITE_URL: string = `${SITE_ORIGIN}${BASE_PATH}`.replace(/\/+$/, '');

/**
 * The list of every claim and event URL ever published, with the day each was first published,
 * when it is not `permalinks.txt` beside the content directory (see `permalinksFile`).
 */
export const PERMALINKS_FILE: string | undefined = process.env['PERMALINKS_FILE'] || undefined;
