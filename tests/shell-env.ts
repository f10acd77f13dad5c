// Vitest adds variables of its own to `process.env`: `VITEST*`, `TEST`, `NODE_ENV=test`, and the
// `import.meta.env` values it mirrors there (`BASE_URL`, `MODE`, `DEV`, `PROD`, `SSR`). A child build
// or server that inherited them would not be the one a user's shell starts: Astro compiles
// variables it finds in the environment into the pages' code (with `BASE_URL` among them it
// replaced an expression the real build does not), and with `VITEST` set `astro dev` answers
// every page with 404.
const VITEST_ADDED = /^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST\w*)$/;

/** The environment a command started from a shell would have here, with `extra` added. */
export function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_ADDED.test(k))), ...extra };
}
