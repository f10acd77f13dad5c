import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { findPassages, passageYaml } from '../../src/lib/content/passages';
import { locateQuotes } from '../../src/lib/content/text';

const blocks = [
  'Alpha said the plan is set. The count was refused. Beta agreed.',
  'Later, the count was refused. It was, Alpha said, "a plan".',
];

describe('finding passages to quote', () => {
  test('each sentence with all the words, exactly as in the text', () => {
    expect(findPassages(blocks, ['ALPHA', 'plan'])).toEqual([
      { text: 'Alpha said the plan is set.', block: 0, occurrence: undefined },
      { text: 'It was, Alpha said, "a plan".', block: 1, occurrence: undefined },
    ]);
  });

  test('a sentence that occurs twice gets its occurrence number', () => {
    const twice = ['One. The count was refused.', 'The count was refused. Two.'];
    expect(findPassages(twice, ['count'])).toEqual([
      { text: 'The count was refused.', block: 0, occurrence: 1 },
      { text: 'The count was refused.', block: 1, occurrence: 2 },
    ]);
  });

  test('words spread over sentences give the shortest run within one paragraph, never across', () => {
    expect(findPassages(blocks, ['plan', 'beta'])).toEqual([
      { text: 'Alpha said the plan is set. The count was refused. Beta agreed.', block: 0, occurrence: undefined },
    ]);
    expect(findPassages(blocks, ['later', 'beta'])).toEqual([]);
  });

  test('what is printed reads back as the passage, and the validator finds it where it was found', () => {
    const tricky = ['He said: "#1 - yes" — and: no.\nSecond line, same paragraph.', 'He said: "#1 - yes" — and: no.'];
    const passages = findPassages(tricky, ['yes']);
    expect(passages.map((p) => p.occurrence)).toEqual([1, 2]);
    for (const p of passages) {
      const yaml = passageYaml(p);
      expect(yaml.split('\n').every((l) => l.startsWith('    '))).toBe(true);
      const fields = parse(yaml) as { quote: string; occurrence?: number };
      expect(fields.quote).toBe(p.text);
      const [hit] = locateQuotes(tricky, [{ id: 'x', quote: fields.quote, occurrence: fields.occurrence }]);
      expect(hit).toMatchObject({ ok: true, location: { block: p.block } });
    }
  });

  test('a passage with a line break inside is written so that it reads back exactly', () => {
    const [p] = findPassages(['First half\nsecond half.'], ['first', 'second']);
    expect(p?.text).toBe('First half\nsecond half.');
    expect((parse(passageYaml(p!)) as { quote: string }).quote).toBe('First half\nsecond half.');
  });
});
