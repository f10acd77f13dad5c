// `npm run dev` and `npm start`: one port for the whole run. Without this, a taken port made
// Astro serve on the next free one while every absolute URL (canonical, feeds, JSON, citations)
// still named the default, since they come from SITE_URL, fixed before Astro picks a port.
// So the port is checked first, and a taken one stops the run with a message naming it; a free
// one is passed to Astro as --port (Vite's strictPort, set in astro.config.mjs, refuses to move
// off it) and to the build and the server as SITE_URL, unless SITE_URL is set already.
//
// Usage: node scripts/serve.mjs dev|start. Settings: PORT (default 4321), HOST (default 127.0.0.1).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

const COMMANDS = { dev: 'npm run dev', start: 'npm start' };
const mode = process.argv[2];
if (mode !== 'dev' && mode !== 'start') {
  console.error('usage: node scripts/serve.mjs dev|start');
  process.exit(2);
}
const command = COMMANDS[mode];
const host = process.env['HOST'] || '127.0.0.1';
const portText = process.env['PORT'] || '4321';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number from 1 to 65535, not "${portText}": for example, PORT=4400 ${command}`);
  process.exit(1);
}

/**
 * Whether `port` can be listened on at `host`: null if so, else the error code (EADDRINUSE, EACCES…).
 * @param {number} p
 * @returns {Promise<string | null>}
 */
const portProblem = (p) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (/** @type {NodeJS.ErrnoException} */ e) => resolve(e.code ?? e.message));
    probe.listen(p, host, () => probe.close(() => resolve(null)));
  });

const problem = await portProblem(port);
if (problem) {
  const why =
    problem === 'EADDRINUSE'
      ? 'is already in use (by another server, or an earlier run still going)'
      : `cannot be used (${problem})`;
  console.error(
    `Port ${port} on ${host} ${why}. Stop what is using it, or choose another port: PORT=${port === 4400 ? 4401 : 4400} ${command}`,
  );
  process.exit(1);
}

const siteUrl = process.env['SITE_URL'] || `http://${host}:${port}`;
const env = { ...process.env, SITE_URL: siteUrl };
console.log(`${command}: serving on http://${host}:${port}/, absolute URLs use ${siteUrl}`);

if (mode === 'start') {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const child = spawn('astro', [mode === 'dev' ? 'dev' : 'preview', '--host', host, '--port', String(port)], {
  stdio: 'inherit',
  env,
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
