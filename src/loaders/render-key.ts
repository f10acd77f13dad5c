import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { installedVersion } from '../lib/installed';

// A report is rendered again only when its digest changes. The digest holds the report and its
// claims; this key adds what turns them into HTML, so editing a plugin, its options or an upgrade
// of the Markdown packages re-renders every report on the next build, with no constant to bump.

/** The modules whose code renders a report: the processor set-up (with every module it imports) and the loader. */
const FOLLOWED = ['src/loaders/markdown.ts'];
// The loader's own imports compute the body and claim anchors, which the digest holds already:
// only its own code (how it builds the render's input) is part of the key.
const ALONE = ['src/loaders/articles.ts'];
/** Packages that render besides those the code imports: Astro and its Markdown pipeline. */
const RENDERERS = ['astro', '@astrojs/markdown-remark'];

/** What the key is made of: files (project-relative) with their content's hash, and package versions. */
export interface RenderInputs {
  files: Map<string, string>;
  packages: Map<string, string>;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

// Value imports and re-exports, static and dynamic; `import type` and `export type` emit no code.
const IMPORT =
  /(?:^|[\n;])\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const EXTENSIONS = ['', '.ts', '.mts', '.mjs', '.js', '/index.ts'];

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [...EXTENSIONS.map((e) => base + e), base.replace(/\.js$/, '.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** `hast-util-to-string/x` → `hast-util-to-string`, `@astrojs/x/y` → `@astrojs/x`; builtins and virtual modules → undefined. */
function packageName(spec: string): string | undefined {
  if (spec.startsWith('node:') || spec.includes(':')) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The files and package versions a report's rendering depends on, read from the project at `root`:
 * the processor set-up and every local module it imports (the plugins, their options, what they
 * import), the articles loader itself, the packages that code imports, Astro, its Markdown package
 * and that package's own dependencies.
 */
export function renderInputs(root: string): RenderInputs {
  const files = new Map<string, string>();
  const imported = new Set<string>(RENDERERS);
  const visit = (path: string, follow: boolean): void => {
    const key = relative(root, path);
    if (files.has(key)) return;
    const text = readFileSync(path, 'utf8');
    files.set(key, sha(text));
    if (!follow) return;
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) {
        const local = resolveLocal(path, spec);
        if (local) visit(local, true);
      } else {
        const name = packageName(spec);
        if (name) imported.add(name);
      }
    }
  };
  for (const f of FOLLOWED) visit(join(root, f), true);
  for (const f of ALONE) visit(join(root, f), false);

  const packages = new Map<string, string>();
  for (const name of imported) packages.set(name, installedVersion(root, name));
  // The Markdown package's own dependencies (unified, remark-*, rehype-*), as it resolves them.
  const markdown = join(root, 'node_modules', '@astrojs/markdown-remark');
  const manifest = join(markdown, 'package.json');
  if (existsSync(manifest)) {
    const deps = Object.keys(
      (JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {},
    );
    for (const name of deps)
      packages.set(`${name} (of @astrojs/markdown-remark)`, installedVersion(root, name, markdown));
  }
  return { files, packages };
}

/** The render inputs as one hash: equal only if every file and version is. */
export function renderKey(root: string): string {
  const { files, packages } = renderInputs(root);
  const lines = [
    ...[...files].map(([f, h]) => `file ${f} ${h}`),
    ...[...packages].map(([p, v]) => `package ${p} ${v}`),
  ];
  return sha(lines.sort().join('\n'));
}
