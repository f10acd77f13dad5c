import { test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

// For the sub-path and fixture-corpus browser tests: the production build made for a public
// address (with a path, or over other content), served from that path by a static server of the
// test's own, which knows nothing else.

/** The project root. */
export const ROOT = join(import.meta.dirname, '../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv',
  '.bib': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` under `base` (`/mobilization/`) on a free port of 127.0.0.1: a folder's
 * `index.html` for a folder, the site's 404 page (status 404) for anything missing under the base,
 * and a bare 404 for every path outside it.
 */
export async function serveUnder(dir: string, base: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('outside the site');
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file) && statSync(file).isFile();
    if (!found) file = join(dir, '404.html');
    res.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Whether a process is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `fn` holding the checkout's build lock. Two builds in one checkout at once share Astro's
 * content store and caches (`.astro/`, `node_modules/.astro/`) and spoil each other's pages (the
 * sub-path and fixture projects each build in a worker of their own, side by side): each waits
 * for the other. A lock left by a process that has died is taken over.
 */
function withBuildLock<T>(fn: () => T): T {
  const lock = join(ROOT, 'node_modules/.claim-ledger-e2e-build.lock');
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = 0;
      try {
        pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // Not written yet: its owner is between making the folder and writing its id.
      }
      if (pid > 0 && !alive(pid)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`waited 10 minutes for the build lock ${lock}`);
      // A synchronous wait: the build itself is synchronous too.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The production build (pages, citation files, `_headers`, then the search index) for `siteUrl`,
 * into `outDir`, with `extra` added to the environment (`CONTENT_DIR` for a fixture corpus).
 */
export function buildFor(siteUrl: string, outDir: string, extra: Record<string, string> = {}): void {
  const env = { ...process.env, SITE_URL: siteUrl, ...extra };
  const steps: [string, string[]][] = [
    ['npx', ['astro', 'build', '--outDir', outDir]],
    ['npm', ['run', 'index', '--', outDir]],
  ];
  withBuildLock(() => {
    for (const [command, args] of steps) {
      const r = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 300_000 });
      if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
    }
  });
}

/**
 * For a spec file: runs its tests one after another on a site of its own, built (`buildFor`) into
 * a temporary folder before the first test, for the address `origin + base`, with `extra` in the
 * environment (or with what `extra()` returns, called then), and served under `base` on a free port;
 * removed after the last test. The returned object's `origin` and `dir` (the built site) are set
 * once the site is served.
 */
export function builtSite(
  name: string,
  base: string,
  extra: Record<string, string> | (() => Record<string, string>) = {},
): { origin: string; dir: string } {
  const site = { origin: '', dir: '' };
  let server: Server | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    test.setTimeout(600_000);
    site.dir = mkdtempSync(join(tmpdir(), `claim-ledger-${name}-`));
    ({ server, origin: site.origin } = await serveUnder(site.dir, base));
    // A function makes what the build needs (a generated corpus) only when the tests run, not
    // when Playwright merely lists them.
    buildFor(`${site.origin}${base}`, site.dir, typeof extra === 'function' ? extra() : extra);
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(site.dir, { recursive: true, force: true });
  });
  return site;
}
