/**
 * Build settings, read once from the environment so every module agrees.
 * `CONTENT_DIR` lets the benchmark and the bad-content fixtures build the real site over other
 * content; `SITE_URL` is the public origin used for every absolute URL (canonical, feeds, JSON).
 */
export const CONTENT_DIR: string = process.env['CONTENT_DIR'] ?? 'content';

/** Public origin of the site, without a trailing slash. */
export const SITE_URL: string = (process.env['SITE_URL'] ?? 'http://127.0.0.1:4321').replace(/\/+$/, '');

/**
 * The list of every claim and event URL ever published, with the day each was first published,
 * when it is not `permalinks.txt` beside the content directory (see `permalinksFile`).
 */
export const PERMALINKS_FILE: string | undefined = process.env['PERMALINKS_FILE'] || undefined;
