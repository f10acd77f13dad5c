import { spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { shellEnv } from '../shell-env';

/** The project root. */
export const ROOT = join(import.meta.dirname, '../..');

/** Stops a process started with `detached: true` and everything it started (npx → node → astro). */
export async function stopProcessGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** The environment for a child process: a shell's (`shellEnv`, without Vitest's variables), uncoloured, plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return shellEnv({ FORCE_COLOR: '0', ...extra });
}

/** Runs one of the package's npm scripts (`validate`, `quote`, `new:report`, `permalinks`) as `npm run` would. */
export function runScript(
  name: 'validate' | 'quote' | 'new:report' | 'permalinks',
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string; ms: number } {
  const start = Date.now();
  const r = spawnSync('npm', ['run', '--silent', name, '--', ...args], {
    cwd: ROOT,
    env: childEnv(env),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - start };
}
