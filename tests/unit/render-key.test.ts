import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { tempFolder } from './helpers';
import { renderInputs, renderKey } from '../../src/loaders/render-key';

// The articles loader re-renders a report only when its digest changes; `renderKey` is the part
// of the digest that stands for the code and packages that render. Each test changes one thing in
// a small project of its own and checks whether the key follows.

const ROOT = join(import.meta.dirname, '../..');

const PROJECT: Record<string, string> = {
  'src/loaders/markdown.ts': [
    "import { unified } from '@astrojs/markdown-remark';",
    "import rehypeMark from '../plugins/rehype-mark';",
    "import type { Shape } from '../lib/shape';",
    'export const markdownProcessor = () => unified({ rehypePlugins: [rehypeMark] });',
  ].join('\n'),
  'src/plugins/rehype-mark.ts':
    "import { visit } from 'unist-util-visit';\nimport { CLASS } from '../lib/names';\nexport default () => (tree) => visit(tree, CLASS);\n",
  'src/lib/names.ts': "export const CLASS = 'mark';\n",
  'src/lib/shape.ts': 'export interface Shape { a: string }\n',
  'src/loaders/articles.ts': "import { corpus } from '../lib/corpus';\nexport const load = () => corpus;\n",
  'src/lib/corpus.ts': 'export const corpus = [];\n',
  'node_modules/astro/package.json': '{ "version": "7.3.5" }',
  'node_modules/@astrojs/markdown-remark/package.json':
    '{ "version": "7.3.1", "dependencies": { "unified": "^11.0.0" } }',
  'node_modules/unified/package.json': '{ "version": "11.0.5" }',
  'node_modules/unist-util-visit/package.json': '{ "version": "5.2.0" }',
};

let root: string;
const write = (file: string, text: string): void => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};

beforeEach(() => {
  root = tempFolder('render-key');
  for (const [file, text] of Object.entries(PROJECT)) write(file, text);
});

describe('renderKey', () => {
  test('is the same for the same project', () => {
    expect(renderKey(root)).toBe(renderKey(root));
  });

  test.each([
    [
      'a plugin',
      'src/plugins/rehype-mark.ts',
      PROJECT['src/plugins/rehype-mark.ts']!.replace('visit(tree, CLASS)', "visit(tree, 'element')"),
    ],
    ['a module a plugin imports', 'src/lib/names.ts', "export const CLASS = 'claim-mark';\n"],
    ['the processor set-up', 'src/loaders/markdown.ts', `${PROJECT['src/loaders/markdown.ts']!}\n// smartypants off`],
    ['the loader', 'src/loaders/articles.ts', `${PROJECT['src/loaders/articles.ts']!}export const v = 2;\n`],
    [
      'the version of a package a plugin imports',
      'node_modules/unist-util-visit/package.json',
      '{ "version": "5.3.0" }',
    ],
    ["the version of a Markdown package's dependency", 'node_modules/unified/package.json', '{ "version": "11.0.6" }'],
    ['the version of Astro', 'node_modules/astro/package.json', '{ "version": "7.4.0" }'],
    [
      'the version of the Markdown package',
      'node_modules/@astrojs/markdown-remark/package.json',
      PROJECT['node_modules/@astrojs/markdown-remark/package.json']!.replace('7.3.1', '7.3.2'),
    ],
  ])('changes when %s changes', (_what, file, text) => {
    const before = renderKey(root);
    write(file, text);
    expect(renderKey(root)).not.toBe(before);
  });

  test("a Markdown package's dependency is read where that package resolves it", () => {
    const before = renderKey(root);
    write('node_modules/@astrojs/markdown-remark/node_modules/unified/package.json', '{ "version": "10.1.2" }');
    expect(renderKey(root)).not.toBe(before);
  });

  test.each([
    // Its output is the corpus, which the report's digest holds as data already.
    ['a module only the loader imports', 'src/lib/corpus.ts', 'export const corpus = [1];\n'],
    ['a module imported for its types only', 'src/lib/shape.ts', 'export interface Shape { b: number }\n'],
  ])('stays when %s changes', (_what, file, text) => {
    const before = renderKey(root);
    write(file, text);
    expect(renderKey(root)).toBe(before);
  });
});

describe("the project's render inputs", () => {
  const inputs = renderInputs(ROOT);

  test('hold every plugin, the processor set-up and the loader', () => {
    const plugins = readdirSync(join(ROOT, 'src/plugins')).map((f) => `src/plugins/${f}`);
    expect([...inputs.files.keys()]).toEqual(
      expect.arrayContaining([...plugins, 'src/loaders/markdown.ts', 'src/loaders/articles.ts']),
    );
  });

  test('hold Astro, its Markdown package and the packages that package renders with', () => {
    expect([...inputs.packages.keys()]).toEqual(
      expect.arrayContaining([
        'astro',
        '@astrojs/markdown-remark',
        'unified (of @astrojs/markdown-remark)',
        'remark-rehype (of @astrojs/markdown-remark)',
      ]),
    );
    expect([...inputs.packages.values()]).not.toContain('missing');
  });

  test('astro.config.mjs takes its Markdown processor from src/loaders/markdown.ts, where the key sees it', () => {
    const config = readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8');
    expect(config).toContain('processor: markdownProcessor()');
    expect(config).not.toMatch(/from '\.\/src\/plugins\//);
  });
});
