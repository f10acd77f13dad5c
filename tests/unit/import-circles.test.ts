import { join } from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, test } from 'vitest';

// No module of src/ may import itself through others: the layers (model → views, exports) read
// one way only. Type-only imports count too, since a circle of types is a circle of ideas a
// reader has to hold at once (the model's shapes live in model/types.ts for that reason).
// `.astro` files are not parsed; they import src/lib and are imported by nothing in it.

const ROOT = join(import.meta.dirname, '../..');

/** Every import circle among the TypeScript files matched by `glob`, as lists of paths. */
async function importCircles(glob: string): Promise<string[][]> {
  const tree = await parseDependencyTree(glob, {
    context: ROOT,
    cwd: ROOT,
    transform: false,
    skipDynamicImports: false,
  });
  return parseCircular(tree);
}

describe('import circles', () => {
  test('src/ has none', async () => {
    expect(await importCircles('src/**/*.ts')).toEqual([]);
  });

  test('the check finds a circle, type-only links included', async () => {
    const circles = await importCircles('tests/fixtures/import-circle/a.ts');
    expect(circles).toEqual([
      [
        'tests/fixtures/import-circle/a.ts',
        'tests/fixtures/import-circle/b.ts',
        'tests/fixtures/import-circle/c.ts',
        'tests/fixtures/import-circle/d.ts',
      ],
    ]);
  });
});
