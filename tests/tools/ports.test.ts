import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, expect, test } from 'vitest';
import { childEnv, ROOT, stopProcessGroup } from './helpers';

// `npm start` and `npm run dev` on a taken port stop before building or serving, with a message
// naming the port and how to choose another (scripts/serve.mjs); on a free port chosen with PORT,
// every absolute URL of the run names that port. Before, a taken 4321 made the server move to
// 4322 while the pages still said 4321.
const PORT = Number(process.env['DEV_TEST_PORT'] ?? 4443);
const HOST = '127.0.0.1';

let holder: Server | undefined;
let server: ChildProcess | undefined;

/** Listens on PORT, as another program would. */
const occupy = (): Promise<Server> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(PORT, HOST, () => resolve(s));
  });

/** The environment of a run on PORT, with no SITE_URL of the test runner's own. */
const env = (): NodeJS.ProcessEnv => {
  const e = childEnv({ PORT: String(PORT), HOST });
  delete e['SITE_URL'];
  return e;
};

afterEach(async () => {
  await stopProcessGroup(server);
  server = undefined;
  await new Promise((r) => (holder ? holder.close(r) : r(undefined)));
  holder = undefined;
});
afterAll(async () => stopProcessGroup(server));

test.each([
  ['start', 'npm start'],
  ['dev', 'npm run dev'],
])('npm %s on a taken port stops with a message naming the port and how to choose another', async (script, command) => {
  holder = await occupy();
  const run = spawnSync('npm', ['run', '--silent', script], {
    cwd: ROOT,
    env: env(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr.trim()).toBe(
    `Port ${PORT} on ${HOST} is already in use (by another server, or an earlier run still going). Stop what is using it, or choose another port: PORT=4400 ${command}`,
  );
  // It stopped before building or serving anything.
  expect(run.stdout).not.toContain('astro');
});

test('a PORT that is not a port number is refused with an example', () => {
  const run = spawnSync('npm', ['run', '--silent', 'dev'], {
    cwd: ROOT,
    env: { ...env(), PORT: '43a1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr.trim()).toBe(
    'PORT must be a port number from 1 to 65535, not "43a1": for example, PORT=4400 npm run dev',
  );
});

test('astro dev itself does not move off a taken port (strictPort)', async () => {
  holder = await occupy();
  const run = spawnSync('npx', ['astro', 'dev', '--host', HOST, '--port', String(PORT)], {
    cwd: ROOT,
    env: env(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status).not.toBe(0);
  expect(`${run.stdout}${run.stderr}`).toContain(`Port ${PORT} is already in use`);
});

test('npm run dev on a chosen free port uses that port in every absolute URL', async () => {
  server = spawn('npm', ['run', 'dev'], { cwd: ROOT, env: env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let html = '';
  const start = Date.now();
  while (Date.now() - start < 240_000 && server.exitCode === null) {
    const r = await fetch(`http://${HOST}:${PORT}/`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
    if (r?.status === 200) {
      html = await r.text();
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(html, output.slice(-2000)).toContain(`<link rel="canonical" href="http://${HOST}:${PORT}/">`);
  // No absolute URL of the page names another origin of this machine.
  const origins = new Set([...html.matchAll(/https?:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?/g)].map((m) => m[0]));
  expect([...origins]).toEqual([`http://${HOST}:${PORT}`]);
}, 270_000);
