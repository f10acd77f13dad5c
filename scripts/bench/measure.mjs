// Measuring helpers for the benchmark: a child process's wall time and peak memory (summed
// over its whole process tree, so pagefind's binary counts too), and sizes of built pages.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

function treeRssKb(root) {
  const parent = new Map();
  const rss = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      parent.set(pid, /PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(pid, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    for (let p = pid; p; p = parent.get(p)) {
      if (p === String(root)) {
        total += kb;
        break;
      }
    }
  }
  return total;
}

/** Runs a command; resolves with wall seconds, peak RSS in MB (NaN if it ended before it was sampled) and its output. */
export function run(cmd, args, { env = {}, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    let peak = 0;
    let samples = 0;
    const timer = setInterval(() => {
      const kb = treeRssKb(child.pid);
      // Between the process's exit and 'close' (its pipes closing) the tree reads 0: not a sample.
      if (kb > 0) {
        peak = Math.max(peak, kb);
        samples++;
      }
    }, 200);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out.slice(-3000)}`));
      // A process that ended before the first sample (the peer over five pages) has no measured
      // peak: NaN, printed as "n/a", not 0 (which made the memory ratio "Infinity").
      else resolve({ seconds, peakMb: samples > 0 ? peak / 1024 : NaN, out });
    });
  });
}

/** All files under a directory, relative paths. */
export function files(dir) {
  const out = [];
  const walk = (d, rel) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${rel}${name}/`);
      else out.push(`${rel}${name}`);
    }
  };
  walk(dir, '');
  return out;
}

/** The median; NaN if any value is NaN (an unmeasured peak), which a sort would put anywhere. */
export const median = (xs) => {
  if (xs.some((x) => Number.isNaN(x))) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const gzipBytes = (path) => gzipSync(readFileSync(path)).length;

/** Facts about a built site: pages, bytes, median gzip size of report and claim pages, JS on a report page. */
export function siteFacts(out) {
  const all = files(out);
  const pages = all.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
  const bytes = all.reduce((n, f) => n + statSync(join(out, f)).size, 0);
  const sample = (re) =>
    pages
      .filter((p) => re.test(p))
      .slice(0, 300)
      .map((p) => gzipBytes(join(out, p)));
  const reports = sample(/^articles\/[^/]+\/index\.html$/);
  const claims = sample(/^claims\/[^/]+\/index\.html$/);
  // JavaScript on reading pages: the most any report or claim page loads (claim pages carry copy-link).
  let js = 0;
  for (const page of [
    pages.find((p) => /^articles\/[^/]+\/index\.html$/.test(p)),
    pages.find((p) => /^claims\/[^/]+\/index\.html$/.test(p)),
  ]) {
    if (!page) continue;
    let n = 0;
    for (const m of readFileSync(join(out, page), 'utf8').matchAll(/<script[^>]*src="([^"]+)"/g))
      n += gzipBytes(join(out, m[1]));
    js = Math.max(js, n);
  }
  return {
    pages: pages.length,
    bytes,
    reportGzip: reports.length ? median(reports) : 0,
    claimGzip: claims.length ? median(claims) : 0,
    readingJs: js,
  };
}
