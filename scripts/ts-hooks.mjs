// Lets Node run the project's TypeScript directly (its own type stripping does the rest): the
// sources import each other without extensions, as Vite and TypeScript's "bundler" resolution
// allow, so a relative import that does not resolve is retried with `.ts` and `/index.ts`.
import { enableCompileCache, registerHooks } from 'node:module';

// Compiled code is cached between runs (in the system's temporary directory): a quicker start.
enableCompileCache();

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!/^\.{1,2}\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) throw error;
      for (const suffix of ['.ts', '/index.ts']) {
        try {
          return nextResolve(specifier + suffix, context);
        } catch {
          // try the next form
        }
      }
      throw error;
    }
  },
});
