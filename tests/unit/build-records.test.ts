import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { outputRecord, recordFolder, sweepOutputRecords } from '../../src/lib/build-records';
import { WrittenFiles } from '../../src/lib/output/written-files';
import { indexRecordPath } from '../../src/lib/search-index';
import { tempFolder } from './helpers';

describe('records of output folders that have gone', () => {
  test('are removed; those of folders that exist, and files that are not such records, are left', () => {
    const dir = tempFolder('records');
    const cache = join(dir, 'cache');
    const [kept, gone] = [join(dir, 'kept'), join(dir, 'gone')];
    mkdirSync(cache);
    for (const out of [kept, gone]) {
      mkdirSync(join(out, 'claims/a'), { recursive: true });
      // Records as the build writes them: through WrittenFiles (citation files, and the files under /api/).
      for (const [kind, file] of [
        ['written', 'claims/a/cite.bib'],
        ['api', 'claims/a/x.json'],
      ] as const) {
        const files = new WrittenFiles(outputRecord(cache, kind, out), out);
        files.write(file, '@misc{a}');
        files.save();
      }
      writeFileSync(outputRecord(cache, 'folders', out), JSON.stringify({ root: out, folders: {} }));
      writeFileSync(
        indexRecordPath(cache, out),
        JSON.stringify({ site: out, pagefind: '1', files: {}, fragments: {} }),
      );
    }
    expect(recordFolder(outputRecord(cache, 'written', gone))).toBe(gone);
    // Not records: the parse cache, and a record-like name whose text does not begin with a folder.
    writeFileSync(join(cache, 'content-parse.txt'), 'x');
    const odd = join(cache, `folders-${'0'.repeat(16)}.json`);
    writeFileSync(odd, '{"folders":{},"root":"/nowhere"}');
    rmSync(gone, { recursive: true });

    expect(sweepOutputRecords(cache)).toBe(4);
    const left = readdirSync(cache).sort();
    expect(left).toEqual(
      [
        'content-parse.txt',
        `folders-${'0'.repeat(16)}.json`,
        outputRecord(cache, 'folders', kept).slice(cache.length + 1),
        indexRecordPath(cache, kept).slice(cache.length + 1),
        outputRecord(cache, 'written', kept).slice(cache.length + 1),
        outputRecord(cache, 'api', kept).slice(cache.length + 1),
      ].sort(),
    );
    expect(existsSync(odd)).toBe(true);
    // Nothing left to sweep; a missing cache folder is no error.
    expect(sweepOutputRecords(cache)).toBe(0);
    expect(sweepOutputRecords(join(dir, 'no-cache'))).toBe(0);
  });
});
