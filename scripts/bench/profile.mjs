// `node scripts/bench/profile.mjs <content-dir> [outDir]`: one cold build of the real site as
// `npm run build` makes it, with each line of Astro's output stamped with the seconds since the
// start and the memory of each process at that moment (so the phases can be read off: content
// sync, page rendering, citation files), then the search index (pagefind), timed on its own.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run } from './measure.mjs';
import { ourIndex } from './peer.mjs';
import { emptySetAside, setAside } from './set-aside.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const [content = 'content', outDir = join(ROOT, 'bench-out/out-profile')] = process.argv.slice(2);

/** RSS in MB of each process under `root`, by command name. */
function rssByName(root) {
  const info = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const s = readFileSync(`/proc/${pid}/status`, 'utf8');
      info.set(pid, {
        ppid: /PPid:\s+(\d+)/.exec(s)?.[1],
        name: /Name:\s+(\S+)/.exec(s)?.[1],
        kb: Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0),
      });
    } catch {
      // gone
    }
  }
  const out = {};
  for (const [pid, p] of info) {
    for (let q = pid; q; q = info.get(q)?.ppid) {
      if (q === String(root)) {
        out[p.name] = (out[p.name] ?? 0) + p.kb / 1024;
        break;
      }
    }
  }
  return out;
}

// Moved aside, not deleted right before the timed build (./set-aside.mjs); deleted when the profile ends.
setAside(join(ROOT, 'node_modules/.astro'));
process.on('exit', emptySetAside);
const start = performance.now();
const t = () => ((performance.now() - start) / 1000).toFixed(1);
const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
  cwd: ROOT,
  env: { ...process.env, CONTENT_DIR: content },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let mem = {};
const peaks = {};
let peakSum = 0;
const timer = setInterval(() => {
  mem = rssByName(child.pid);
  for (const [k, v] of Object.entries(mem)) peaks[k] = Math.max(peaks[k] ?? 0, v);
  peakSum = Math.max(
    peakSum,
    Object.values(mem).reduce((a, b) => a + b, 0),
  );
}, 200);
let lastRoute = '';
const onLine = (line) => {
  const memText = Object.entries(mem)
    .map(([k, v]) => `${k} ${Math.round(v)}`)
    .join(', ');
  // Astro prints one line per page: keep only the first of each route.
  const route = /(?:├─|└─|▶) \/?([a-z-]+)/.exec(line)?.[1];
  if (route && route === lastRoute) return;
  if (route) lastRoute = route;
  console.log(`${t().padStart(6)} s  [${memText}]  ${line.replace(/\x1b\[[0-9;]*m/g, '')}`);
};
for (const stream of [child.stdout, child.stderr]) {
  let buf = '';
  stream.on('data', (d) => {
    buf += d;
    const lines = buf.split('\n');
    buf = lines.pop();
    lines.forEach(onLine);
  });
}
child.on('close', async (code) => {
  clearInterval(timer);
  const procs = Object.entries(peaks).map(([k, v]) => `${k} ${Math.round(v)} MB`);
  console.log(
    `\nastro build: exit ${code} after ${t()} s; peak summed RSS ${Math.round(peakSum)} MB; per process peaks: ${procs.join(', ')}`,
  );
  if (code !== 0) process.exit(1);
  const index = await run(...ourIndex(ROOT, outDir), { cwd: ROOT });
  console.log(
    `search index (pagefind, after Astro): ${index.seconds.toFixed(1)} s, peak ${Number.isFinite(index.peakMb) ? `${Math.round(index.peakMb)} MB` : 'not sampled'}; build total ${t()} s`,
  );
});
