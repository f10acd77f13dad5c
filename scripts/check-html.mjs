// The W3C Nu HTML checker (the `vnu-jar` package's vnu.jar, run with the system's Java 17+)
// over every HTML page of the built site; fails on any error and prints one line per error.
// Warnings are not failures. Needs a build in dist/. Usage: node scripts/check-html.mjs [dir]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const DIST = process.argv[2] ?? 'dist';
// The package's entry point sits beside the jar it ships.
const JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');

/**
 * Every .html file under a folder, pagefind's own files left out.
 * @param {string} dir
 * @returns {string[]}
 */
function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const pages = htmlFiles(DIST).sort();
if (pages.length === 0) {
  console.error(`check-html: no HTML pages in ${DIST}/ (build first)`);
  process.exit(1);
}
const r = spawnSync('java', ['-jar', JAR, '--errors-only', '--format', 'gnu', ...pages], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (r.error) {
  console.error(
    `check-html: cannot run java (${r.error.message}); install a Java 17+ runtime, e.g. apt-get install -y openjdk-17-jre-headless`,
  );
  process.exit(1);
}
const errors = `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);
for (const line of errors) console.log(line);
console.log(`W3C Nu checker: ${pages.length} pages, ${errors.length} errors`);
process.exit(r.status === 0 && errors.length === 0 ? 0 : 1);
