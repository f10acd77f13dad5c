import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  readFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { tempFolder } from './helpers';
import { forgetParsed, parseStats, readCorpus, WORKER_FROM, type ReadOptions } from '../../src/lib/content/read';
import {
  cachedParse,
  contentCodeDigest,
  forgetParseCache,
  keepParse,
  knownKey,
  noteStamp,
  parseCachePath,
  saveParseCache,
} from '../../src/lib/content/parse-cache';
import { analyseMarkdown } from '../../src/lib/content/text';

/** A project folder with a copy of the real content and a stand-in for the validator's code. */
function project(): { cwd: string; content: string; files: number } {
  const cwd = tempFolder('parse-cache');
  const content = join(cwd, 'content');
  cpSync(join(import.meta.dirname, '../../content'), content, { recursive: true });
  mkdirSync(join(cwd, 'src/schemas'), { recursive: true });
  writeFileSync(join(cwd, 'src/schemas/claim.ts'), 'export const version = 1;\n');
  const files = ['articles', 'claims', 'sources', 'topics', 'events'].reduce(
    (n, d) => n + (existsSync(join(content, d)) ? readdirSync(join(content, d)).length : 0),
    0,
  );
  return { cwd, content, files };
}

/** The corpus read with no cache at all, in a project folder of its own. */
function readCorpusFresh(content: string): ReturnType<typeof readCorpus> {
  const cwd = tempFolder('parse-cache');
  forgetParsed();
  return readCorpus(content, cwd);
}

// Each read starts as a new build process would: nothing parsed in memory.
function read(content: string, cwd: string, options: ReadOptions = {}): ReturnType<typeof readCorpus> {
  forgetParsed();
  parseStats.parsed = 0;
  parseStats.reused = 0;
  parseStats.unread = 0;
  parseStats.inWorker = 0;
  return readCorpus(content, cwd, options);
}

describe('content parse cache between builds', () => {
  beforeEach(() => forgetParsed());

  test('a second build parses nothing and reads the same corpus', () => {
    const { cwd, content, files } = project();
    const first = read(content, cwd);
    expect(parseStats).toEqual({ parsed: files, reused: 0, unread: 0, inWorker: 0 });
    expect(existsSync(parseCachePath(cwd))).toBe(true);
    const second = read(content, cwd);
    // Found by key or by stamp: the files were copied just now, and how many are stamped 2 s before
    // their read depends on the machine's speed (`unread` is tested below, after a wait).
    expect(parseStats).toMatchObject({ parsed: 0, reused: files });
    expect(second).toEqual(first);
  });

  test('an edited file, and only it, is parsed again', () => {
    const { cwd, content, files } = project();
    read(content, cwd);
    // Any one claims file: the first in the folder.
    const name = readdirSync(join(content, 'claims')).sort()[0]!;
    const file = join(content, 'claims', name);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/statement: (['"]?)/, 'statement: $1Edited, '));
    const after = read(content, cwd);
    expect(parseStats).toMatchObject({ parsed: 1, reused: files - 1 });
    expect(JSON.stringify(after.claims.find((c) => c.file.endsWith(`/${name}`))?.data)).toContain('Edited, ');
  });

  test('a change to the validator’s code parses everything again', () => {
    const { cwd, content, files } = project();
    read(content, cwd);
    writeFileSync(join(cwd, 'src/schemas/claim.ts'), 'export const version = 2;\n');
    read(content, cwd);
    expect(parseStats).toEqual({ parsed: files, reused: 0, unread: 0, inWorker: 0 });
  });

  test('a value JSON would not give back (a YAML timestamp) is not kept', () => {
    const { cwd, content, files } = project();
    writeFileSync(join(content, 'topics/dated.yaml'), 'name: Dated\ndescription: x\nsince: 2024-01-01\n');
    read(content, cwd);
    const again = read(content, cwd);
    expect(parseStats).toMatchObject({ parsed: 1, reused: files });
    expect((again.topics.find((t) => t.id === 'dated')?.data as { since: unknown }).since).toBeInstanceOf(Date);
  });

  test('a report taken from the cache carries its body’s analysis, as a fresh parse makes it', () => {
    const { cwd, content } = project();
    read(content, cwd);
    const again = read(content, cwd);
    expect(parseStats.parsed).toBe(0);
    expect(again.articles.length).toBeGreaterThan(0);
    for (const a of again.articles) expect(a.analysis).toEqual(analyseMarkdown(a.body ?? ''));
  });

  // A stamp is trusted only for a file that changed 2 s or more before it was read (the racily
  // clean case), so these tests wait that long after writing: a wait, not a timing assertion.
  const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 2100));

  test('an unchanged file is found by its stamp, without being read', async () => {
    const { cwd, content, files } = project();
    await settle();
    const first = read(content, cwd);
    expect(parseStats).toEqual({ parsed: files, reused: 0, unread: 0, inWorker: 0 });
    const second = read(content, cwd);
    expect(parseStats).toEqual({ parsed: 0, reused: files, unread: files, inWorker: 0 });
    expect(second).toEqual(first);
  });

  test('a file rewritten since, even with its size and modification time put back, is read again', async () => {
    const { cwd, content, files } = project();
    const name = readdirSync(join(content, 'claims')).sort()[0]!;
    const file = join(content, 'claims', name);
    // A whole second, which the file system keeps exactly and `utimesSync` can put back exactly.
    const second = 1_700_000_000;
    utimesSync(file, second, second);
    await settle();
    read(content, cwd);
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    // The same length: one letter of a statement changed, then the modification time set back.
    const edited = text.replace(
      /statement: (['"]?)(\w)/,
      (_m, q: string, c: string) => `statement: ${q}${c === 'X' ? 'Y' : 'X'}`,
    );
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    utimesSync(file, second, second);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(file).size).toBe(before.size);
    const after = read(content, cwd);
    expect(parseStats).toEqual({ parsed: 1, reused: files - 1, unread: files - 1, inWorker: 0 });
    const claim = after.claims.find((c) => c.file.endsWith(`/${name}`));
    expect(JSON.stringify(claim?.data)).toBe(
      JSON.stringify(readCorpusFresh(content).claims.find((c) => c.file.endsWith(`/${name}`))?.data),
    );
  });

  test('within one process too, a file rewritten with its size and modification time put back is read again', async () => {
    const { cwd, content } = project();
    const name = readdirSync(join(content, 'claims')).sort()[0]!;
    const file = join(content, 'claims', name);
    const second = 1_700_000_000;
    utimesSync(file, second, second);
    await settle();
    forgetParsed();
    // Two reads in one process, as `astro dev` reads after each save: no `forgetParsed` between.
    readCorpus(content, cwd);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(
      /statement: (['"]?)(\w)/,
      (_m, q: string, c: string) => `statement: ${q}${c === 'X' ? 'Y' : 'X'}`,
    );
    writeFileSync(file, edited);
    utimesSync(file, second, second);
    const after = readCorpus(content, cwd);
    const claim = after.claims.find((c) => c.file.endsWith(`/${name}`));
    expect(JSON.stringify(claim?.data)).toBe(
      JSON.stringify(readCorpusFresh(content).claims.find((c) => c.file.endsWith(`/${name}`))?.data),
    );
  });

  test('a stamp is recorded only for a file that changed 2 s or more before its stamp was read', () => {
    const cwd = tempFolder('parse-cache');
    forgetParseCache();
    keepParse(cwd, 'yaml:k', { data: { a: 1 } });
    // Changed 1 s before the stamp was read: racily clean, not recorded.
    noteStamp(cwd, '/content/a.yaml', 'S', 'yaml:k', 10_000, 11_000);
    // Changed 2.5 s before: recorded.
    noteStamp(cwd, '/content/b.yaml', 'S', 'yaml:k', 8_500, 11_000);
    saveParseCache(cwd);
    forgetParseCache();
    expect(knownKey(cwd, '/content/a.yaml', 'S')).toBeUndefined();
    expect(knownKey(cwd, '/content/b.yaml', 'S')).toBe('yaml:k');
    expect(knownKey(cwd, '/content/b.yaml', 'T')).toBeUndefined();
  });

  test('a damaged entry in the cache file is parsed again, not trusted and not a crash', () => {
    const { cwd, content, files } = project();
    const first = read(content, cwd);
    const path = parseCachePath(cwd);
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('yaml:'));
    lines[at] = lines[at]!.slice(0, -5);
    writeFileSync(path, lines.join('\n'));
    const again = read(content, cwd);
    expect(parseStats).toMatchObject({ parsed: 1, reused: files - 1 });
    expect(again).toEqual(first);
  });

  test('a save after one edit appends the new lines; once old lines would be a third of the file, it is written whole', () => {
    const { cwd, content } = project();
    read(content, cwd);
    const path = parseCachePath(cwd);
    const whole = readFileSync(path, 'utf8');
    const name = readdirSync(join(content, 'claims')).sort()[0]!;
    const file = join(content, 'claims', name);
    const original = readFileSync(file, 'utf8');
    const edit = (n: number): void =>
      writeFileSync(file, original.replace(/statement: (['"]?)/, `statement: $1Edited ${n}, `));
    edit(0);
    read(content, cwd);
    const appended = readFileSync(path, 'utf8');
    // The file as it was, then the edited file's entry.
    expect(appended.startsWith(whole)).toBe(true);
    expect(appended.slice(whole.length)).toContain('Edited 0, ');
    const again = read(content, cwd);
    expect(parseStats.parsed).toBe(0);
    expect(JSON.stringify(again.claims.find((c) => c.file.endsWith(`/${name}`))?.data)).toContain('Edited 0, ');
    // Each edit adds a line no later build uses; before they are a third of the file, it is written
    // again with the lines in use only.
    const lines = (): number =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l.includes('\t')).length;
    let most = lines();
    let rewritten = false;
    for (let n = 1; n <= 300 && !rewritten; n++) {
      edit(n);
      read(content, cwd);
      const now = lines();
      if (now < most) rewritten = true;
      most = Math.max(most, now);
    }
    expect(rewritten).toBe(true);
    expect(lines()).toBeLessThan(whole.split('\n').length + 2);
    const after = read(content, cwd);
    expect(parseStats.parsed).toBe(0);
    expect(after).toEqual(read(content, cwd));
  });

  test('lines are not appended to a cache file another build has written since, for other code', () => {
    const { cwd } = project();
    const path = parseCachePath(cwd);
    // This process (a dev server, say) saves with the code as it is.
    forgetParseCache();
    keepParse(cwd, 'yaml:a', { data: 'a' });
    saveParseCache(cwd);
    const format = readFileSync(path, 'utf8').split('\t')[0]!;
    // Another build, after the validator's code changed, writes the file whole for its code.
    writeFileSync(join(cwd, 'src/schemas/claim.ts'), 'export const version = 2;\n');
    writeFileSync(path, `${format}\t${contentCodeDigest(cwd)}\nyaml:b\t{"data":"b"}\n`);
    // This process, with its code, then parses a file and saves.
    keepParse(cwd, 'yaml:new', { data: 'parsed by the code before' });
    saveParseCache(cwd);
    // A build of the new code must not find what the old code parsed.
    forgetParseCache();
    expect(cachedParse(cwd, 'yaml:new')).toBeUndefined();
  });

  test('a stamp line appended later wins over the one before it for the same file', () => {
    const { cwd } = project();
    const path = parseCachePath(cwd);
    forgetParseCache();
    keepParse(cwd, 'yaml:k1', { data: 1 });
    // Stamps read long after the file's last change: trusted.
    noteStamp(cwd, '/content/a.yaml', 'S1', 'yaml:k1', 0, 10_000);
    saveParseCache(cwd);
    const first = readFileSync(path, 'utf8');
    forgetParseCache();
    expect(knownKey(cwd, '/content/a.yaml', 'S1')).toBe('yaml:k1');
    expect(cachedParse(cwd, 'yaml:k1')).toEqual({ data: 1 });
    keepParse(cwd, 'yaml:k2', { data: 2 });
    noteStamp(cwd, '/content/a.yaml', 'S2', 'yaml:k2', 0, 10_000);
    saveParseCache(cwd);
    const second = readFileSync(path, 'utf8');
    expect(second.startsWith(first)).toBe(true);
    expect(second.slice(first.length)).toContain('@/content/a.yaml\tS2\tyaml:k2');
    forgetParseCache();
    expect(knownKey(cwd, '/content/a.yaml', 'S1')).toBeUndefined();
    expect(knownKey(cwd, '/content/a.yaml', 'S2')).toBe('yaml:k2');
  });

  test('the cache of the earlier format (content-parse.json) is removed when the cache is saved', () => {
    const { cwd, content } = project();
    const old = join(cwd, 'node_modules/.cache/claim-ledger/content-parse.json');
    mkdirSync(join(old, '..'), { recursive: true });
    writeFileSync(old, '{}');
    read(content, cwd);
    expect(existsSync(parseCachePath(cwd))).toBe(true);
    expect(existsSync(old)).toBe(false);
  });
});

/** Removes a project's build caches, as a cold build does. */
const dropCache = (cwd: string): void => rmSync(join(cwd, 'node_modules'), { recursive: true, force: true });

describe('claims files parsed in a worker thread', () => {
  beforeEach(() => forgetParsed());
  const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 2100));

  test('with nothing cached, the claims files are parsed in a worker, and the corpus read is the one this thread reads', () => {
    const { cwd, content, files } = project();
    const claims = readdirSync(join(content, 'claims')).length;
    const alone = read(content, cwd, { workerFrom: Infinity });
    expect(parseStats).toEqual({ parsed: files, reused: 0, unread: 0, inWorker: 0 });
    dropCache(cwd);
    const shared = read(content, cwd, { workerFrom: 1 });
    expect(parseStats).toEqual({ parsed: files, reused: 0, unread: 0, inWorker: claims });
    expect(shared).toEqual(alone);
    // What the worker parsed was kept as this thread would have kept it: the next build parses nothing.
    const again = read(content, cwd, { workerFrom: 1 });
    expect(parseStats).toMatchObject({ parsed: 0, reused: files, inWorker: 0 });
    expect(again).toEqual(alone);
  });

  test('only files whose path the cache does not know are sent, and only when there are enough of them', async () => {
    const { cwd, content } = project();
    const claims = readdirSync(join(content, 'claims')).length;
    // Old enough for their stamps to be recorded (see `stampTrusted`).
    await settle();
    read(content, cwd, { workerFrom: 1 });
    expect(parseStats.inWorker).toBe(claims);
    const file = join(content, 'claims', readdirSync(join(content, 'claims'))[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/statement: (['"]?)/, 'statement: $1Edited, '));
    // Known by its path, changed since (a rebuild, a save in astro dev): parsed here, no worker.
    read(content, cwd, { workerFrom: 1 });
    expect(parseStats).toMatchObject({ parsed: 1, inWorker: 0 });
    // A file no build has seen: too few for a worker at the default threshold, enough at 1.
    writeFileSync(join(content, 'claims', 'zz-new.yaml'), 'article: zz-new\nclaims: []\n');
    read(content, cwd);
    expect(parseStats).toMatchObject({ inWorker: 0 });
    expect(WORKER_FROM).toBeGreaterThan(1);
    writeFileSync(join(content, 'claims', 'zz-newer.yaml'), 'article: zz-newer\nclaims: []\n');
    read(content, cwd, { workerFrom: 1 });
    expect(parseStats).toMatchObject({ parsed: 1, inWorker: 1 });
  });

  test('a claims file the worker found broken is reported as this thread reports it', () => {
    const { cwd, content } = project();
    const file = join(content, 'claims', readdirSync(join(content, 'claims'))[0]!);
    writeFileSync(file, 'claims: [\n  - id: x\n');
    const alone = read(content, cwd, { workerFrom: Infinity });
    dropCache(cwd);
    const shared = read(content, cwd, { workerFrom: 1 });
    expect(parseStats.inWorker).toBeGreaterThan(0);
    const broken = (c: ReturnType<typeof readCorpus>) => c.claims.find((f) => f.error)!;
    expect(broken(shared).error).toEqual(broken(alone).error);
    expect(broken(shared).error?.reason).toMatch(/malformed YAML/);
    expect(shared).toEqual(alone);
  });
});
