import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { tempFolder } from './helpers';
import { contentSignature } from '../../src/lib/content/signature';
import { watchContent } from '../../src/lib/content/watch';

// The content watcher of `validate --watch` and `astro dev`: content files and permalinks.txt
// count, other files beside the content directory do not, and a collection folder made later is
// watched from then on.
let root = '';
let stop = (): void => undefined;
afterEach(() => stop());

test('sees content files, permalinks.txt and new collection folders, and nothing else beside them', async () => {
  root = tempFolder('watch');
  const content = join(root, 'content');
  mkdirSync(join(content, 'claims'), { recursive: true });
  let calls = 0;
  stop = watchContent(content, () => (calls += 1));
  const after = async (change: () => void): Promise<number> => {
    const before = calls;
    change();
    // fs.watch reports asynchronously; nothing more arrives after a quiet 300 ms.
    await new Promise((r) => setTimeout(r, 300));
    return calls - before;
  };

  expect(await after(() => writeFileSync(join(content, 'claims', 'a.yaml'), 'x: 1\n'))).toBeGreaterThan(0);
  expect(await after(() => writeFileSync(join(content, 'redirects.yaml'), 'redirects: []\n'))).toBeGreaterThan(0);
  expect(await after(() => writeFileSync(join(root, 'permalinks.txt'), '/claims/a/ 2026-11-24\n'))).toBeGreaterThan(0);
  expect(await after(() => writeFileSync(join(root, 'notes.md'), 'not content\n'))).toBe(0);
  await after(() => mkdirSync(join(content, 'events')));
  expect(await after(() => writeFileSync(join(content, 'events', 'e.yaml'), 'name: E\n'))).toBeGreaterThan(0);
  // The received texts count: each report is checked against its own.
  await after(() => mkdirSync(join(content, 'received')));
  expect(await after(() => writeFileSync(join(content, 'received', 'a.txt'), 'A line.\n'))).toBeGreaterThan(0);
  stop();
  expect(await after(() => writeFileSync(join(content, 'claims', 'a.yaml'), 'x: 2\n'))).toBe(0);
});

test('the content signature changes when a received text does', () => {
  root = tempFolder('signature');
  const content = join(root, 'content');
  mkdirSync(join(content, 'received'), { recursive: true });
  const before = contentSignature(content);
  writeFileSync(join(content, 'received', 'a.txt'), 'A line.\n');
  expect(contentSignature(content)).not.toBe(before);
});

test('the content signature changes when a file is rewritten with the same length and its modification time put back', async () => {
  root = tempFolder('signature');
  const content = join(root, 'content');
  mkdirSync(join(content, 'claims'), { recursive: true });
  const file = join(content, 'claims', 'a.yaml');
  writeFileSync(file, 'x: 1\n');
  utimesSync(file, 1_700_000_000, 1_700_000_000);
  const before = contentSignature(content);
  // A file system stamps the change time with a coarse clock (a second, on some): the rewrite
  // comes later than that, as a real one would.
  await new Promise((r) => setTimeout(r, 1_100));
  writeFileSync(file, 'x: 2\n');
  utimesSync(file, 1_700_000_000, 1_700_000_000);
  expect(contentSignature(content)).not.toBe(before);
});
