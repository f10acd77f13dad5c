import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { childEnv, ROOT, stopProcessGroup } from './helpers';

// `astro dev` over a copy of the content: an edit shows on the next request, a broken reference
// replaces every page with the list of problems (and prints it in the terminal), and fixing the
// file brings the site back, all without restarting the server.
const PORT = Number(process.env['DEV_TEST_PORT'] ?? 4443);
const BASE = `http://127.0.0.1:${PORT}`;
const PAGE = `${BASE}/claims/rosstat-ceased-reporting-deaths/`;
const CLAIMS = 'claims/hidden-war-deaths.yaml';
const OLD = 'statement: Rosstat has stopped reporting the number of deaths in Russia.';
const NEW = 'statement: Rosstat no longer reports how many people die in Russia (edited in a dev-server test).';

let dir = '';
let server: ChildProcess | undefined;
let output = '';

async function get(url: string): Promise<{ status: number; text: string }> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return { status: r.status, text: await r.text() };
  } catch {
    return { status: 0, text: '' };
  }
}

/** Polls the page until `ok` holds for it, or fails after `ms` with what the page last said. */
async function pollPage(ok: (r: { status: number; text: string }) => boolean, ms: number): Promise<number> {
  const start = Date.now();
  let last = { status: 0, text: '' };
  while (Date.now() - start < ms && server?.exitCode === null) {
    last = await get(PAGE);
    if (ok(last)) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `page never reached the expected state (server exit code ${server?.exitCode}, waited up to ${ms} ms); last status ${last.status}, server output:\n${output.slice(-2000)}`,
  );
}

function edit(from: string, to: string): void {
  const file = join(dir, 'content', CLAIMS);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claim-ledger-dev-'));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  server = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(PORT)], {
    cwd: ROOT,
    env: childEnv({ CONTENT_DIR: join(dir, 'content') }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await pollPage((r) => r.status === 200 && r.text.includes('Rosstat has stopped reporting'), 240_000);
}, 270_000);

afterAll(async () => {
  await stopProcessGroup(server);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an edited claim shows on the next request', async () => {
  edit(OLD, NEW);
  const ms = await pollPage((r) => r.status === 200 && r.text.includes('Rosstat no longer reports how many people die'), 60_000);
  console.log(`edit visible after ${ms} ms`);
});

test('a broken reference replaces the page with the problem, in the browser and the terminal', async () => {
  edit('claimant: csis\n', 'claimant: csis-typo\n');
  const line = /claims\/hidden-war-deaths\.yaml: claims \([a-z0-9-]+\)\.claimant: unknown source &#34;csis-typo&#34; \(no sources\/csis-typo\.yaml\)/;
  await pollPage((r) => r.status === 500 && line.test(r.text), 60_000);
  await expect.poll(() => output, { timeout: 10_000 }).toMatch(/claims\/hidden-war-deaths\.yaml: claims \([a-z0-9-]+\)\.claimant: unknown source "csis-typo"/);
});

test('fixing the file brings the site back by itself', async () => {
  edit('claimant: csis-typo\n', 'claimant: csis\n');
  await pollPage((r) => r.status === 200 && r.text.includes('Rosstat no longer reports how many people die'), 60_000);
  await expect.poll(() => output, { timeout: 10_000 }).toMatch(/content valid again/);
});
