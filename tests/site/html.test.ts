import { describe, expect, test } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { join } from 'node:path';
import { DIST, htmlPages } from './dist';

// Every built page passes html-validate with the project's .htmlvalidate.json.
describe('html-validate', () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  test('every page is valid HTML', async () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      const report = await validator.validateFile(join(DIST, page));
      for (const r of report.results)
        for (const m of r.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
