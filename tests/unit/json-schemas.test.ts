import Ajv, { type ValidateFunction } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { JSON_SCHEMA_DIR, JSON_SCHEMA_FILES, jsonSchemaText } from '../../src/lib/content/json-schemas';
import { readCorpus, type RawCorpus, type RawFile } from '../../src/lib/content/read';

// The JSON Schemas editors use are generated from the zod schemas: committed, kept in sync, and
// checked with a JSON Schema validator (ajv) against the real content and the bad fixtures.
const ROOT = join(import.meta.dirname, '../..');
const BAD = join(ROOT, 'tests/fixtures/bad-content');
const read = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>(
  JSON_SCHEMA_FILES.map((e) => [e.name, ajv.compile(read(join(JSON_SCHEMA_DIR, e.name)) as object)]),
);

/** Each file of a corpus with the schema that applies to it. */
function filesWithSchema(corpus: RawCorpus): [RawFile, string][] {
  return [
    ...corpus.claims.map((f): [RawFile, string] => [f, 'claims.schema.json']),
    ...corpus.sources.map((f): [RawFile, string] => [f, 'source.schema.json']),
    ...corpus.topics.map((f): [RawFile, string] => [f, 'topic.schema.json']),
    ...corpus.events.map((f): [RawFile, string] => [f, 'event.schema.json']),
    ...corpus.articles.map((f): [RawFile, string] => [f, 'article.schema.json']),
    ...(corpus.redirects ? [[corpus.redirects, 'redirects.schema.json'] as [RawFile, string]] : []),
  ];
}
const errorsOf = (f: RawFile, schema: string): string[] => {
  const validate = validators.get(schema)!;
  return validate(f.data) ? [] : (validate.errors ?? []).map((e) => `${f.file}${e.instancePath}: ${e.message}`);
};

describe('JSON Schemas for editors', () => {
  test.each(JSON_SCHEMA_FILES.map((e) => [e.name, e] as const))(
    '%s is up to date with the zod schemas (npm run schemas)',
    (name, entry) => {
      expect(read(join(JSON_SCHEMA_DIR, name))).toEqual(JSON.parse(jsonSchemaText(entry)));
    },
  );

  test('VS Code applies each schema to its files', () => {
    const settings = read('.vscode/settings.json') as { 'yaml.schemas': Record<string, string> };
    const expected = Object.fromEntries(
      JSON_SCHEMA_FILES.filter((e) => e.files.endsWith('.yaml')).map((e) => [
        `./${JSON_SCHEMA_DIR}/${e.name}`,
        e.files,
      ]),
    );
    expect(settings['yaml.schemas']).toEqual(expected);
    expect(Object.values(expected)).toEqual(
      expect.arrayContaining(['content/claims/*.yaml', 'content/sources/*.yaml', 'content/topics/*.yaml']),
    );
  });

  test('every real content file passes its schema', () => {
    const files = filesWithSchema(readCorpus(join(ROOT, 'content'), ROOT));
    expect(files.length).toBeGreaterThanOrEqual(78);
    expect(files.flatMap(([f, schema]) => errorsOf(f, schema))).toEqual([]);
  });

  // The rules a schema can express; the rest (references, quotes, real dates) need the validator.
  const schemaLevel = ['bad-id', 'bad-kind', 'unknown-claim-field', 'unknown-frontmatter-field'];
  test.each(schemaLevel)('the bad fixture "%s" fails its schema', (name) => {
    expect(readdirSync(BAD)).toContain(name);
    const files = filesWithSchema(readCorpus(join(BAD, name), join(BAD, name)));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap(([f, schema]) => errorsOf(f, schema)).length).toBeGreaterThan(0);
  });

  test('an unknown field and a wrong enum value are named', () => {
    const claim = {
      id: 'a-claim',
      quote: 'a quote',
      statement: 's',
      kind: 'rumour',
      claimant: 'x',
      hedge: 'asserted',
      topics: ['t'],
      colour: 'red',
    };
    const validate = validators.get('claims.schema.json')!;
    expect(validate({ article: 'a', claims: [claim] })).toBe(false);
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/claims\/0\/kind must be equal to one of the allowed values/),
        expect.stringContaining('"additionalProperty":"colour"'),
      ]),
    );
  });
});
