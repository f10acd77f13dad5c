import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers';

// The committed JSON Schemas, as VS Code's YAML extension applies them (.vscode/settings.json), run
// through that extension's own engine, yaml-language-server (installed with @astrojs/check).
interface Position {
  line: number;
  character: number;
}
interface LanguageService {
  configure(settings: object): void;
  doComplete(doc: unknown, position: Position, isKubernetes: boolean): Promise<{ items: { label: string }[] }>;
  doValidation(doc: unknown, isKubernetes: boolean): Promise<{ message: string; range: { start: Position } }[]>;
}
const require = createRequire(import.meta.url);
const { getLanguageService } = require('yaml-language-server/lib/umd/languageservice/yamlLanguageService.js') as {
  getLanguageService(params: object): LanguageService;
};
const { TextDocument } = require('vscode-languageserver-textdocument') as {
  TextDocument: { create(uri: string, lang: string, v: number, text: string): unknown };
};

const settings = JSON.parse(readFileSync(join(ROOT, '.vscode/settings.json'), 'utf8')) as {
  'yaml.schemas': Record<string, string>;
};
const service = getLanguageService({
  schemaRequestService: async (uri: string) => readFileSync(new URL(uri), 'utf8'),
  workspaceContext: { resolveRelativePath: (path: string, resource: string) => new URL(path, resource).toString() },
});
service.configure({
  validate: true,
  completion: true,
  schemas: Object.entries(settings['yaml.schemas']).map(([schema, files]) => ({
    uri: pathToFileURL(join(ROOT, schema)).toString(),
    fileMatch: [pathToFileURL(join(ROOT, files)).toString()],
  })),
});

let version = 0;
/** A document at a path of the project; `|` in the text marks the cursor. */
function doc(path: string, text: string): { document: unknown; cursor: Position } {
  // A new version each time: the service caches a parsed document by its URI and version.
  version += 1;
  const before = text.slice(0, text.indexOf('|')).split('\n');
  const cursor = { line: before.length - 1, character: before.at(-1)!.length };
  return {
    document: TextDocument.create(pathToFileURL(join(ROOT, path)).toString(), 'yaml', version, text.replace('|', '')),
    cursor,
  };
}
const labels = async (path: string, text: string): Promise<string[]> => {
  const { document, cursor } = doc(path, text);
  return (await service.doComplete(document, cursor, false)).items.map((i) => i.label);
};
const messages = async (path: string, text: string): Promise<string[]> =>
  (await service.doValidation(doc(path, `${text}|`).document, false)).map((d) => d.message);

const CLAIM =
  'article: x\nclaims:\n  - id: a-claim\n    quote: a quote\n    statement: s\n    claimant: x\n    topics: [t]\n';

describe("VS Code's YAML extension with the committed settings", () => {
  test('completes the enum values of kind, hedge and relation type', async () => {
    expect(await labels('content/claims/x.yaml', `${CLAIM}    kind: |`)).toEqual([
      'event',
      'figure',
      'assessment',
      'forecast',
      'denial',
      'quote',
      'description',
    ]);
    expect(await labels('content/claims/x.yaml', `${CLAIM}    hedge: |`)).toEqual([
      'asserted',
      'likely',
      'possible',
      'alleged',
      'rumoured',
      'denied',
      'doubted',
      'opinion',
    ]);
    expect(await labels('content/claims/x.yaml', `${CLAIM}    relations:\n      - claim: b\n        type: |`)).toEqual([
      'corroborates',
      'contradicts',
      'denies',
      'updates',
      'same-event',
      'qualifies',
    ]);
  });

  test('completes field names', async () => {
    expect(await labels('content/claims/x.yaml', `${CLAIM}    hed|`)).toEqual(
      expect.arrayContaining(['hedge', 'kind', 'via', 'relations', 'figures']),
    );
    expect(await labels('content/sources/x.yaml', 'name: X\n|')).toEqual(
      expect.arrayContaining(['kind', 'description', 'affiliation', 'aliases']),
    );
    expect(await labels('content/events/x.yaml', 'name: X\n|')).toEqual(
      expect.arrayContaining(['summary', 'date', 'topics', 'measures', 'note']),
    );
  });

  test('flags unknown fields in claims, sources, topics and events files', async () => {
    expect(
      await messages('content/claims/x.yaml', `${CLAIM}    kind: event\n    hedge: likely\n    colour: red\n`),
    ).toEqual(['Property colour is not allowed.']);
    expect(await messages('content/sources/x.yaml', 'name: X\nkind: person\ndescription: d\ncolour: red\n')).toEqual([
      'Property colour is not allowed.',
    ]);
    expect(await messages('content/topics/x.yaml', 'name: X\ndescription: d\ncolour: red\n')).toEqual([
      'Property colour is not allowed.',
    ]);
    expect(await messages('content/topics/x.yaml', 'name: X\ndescription: d\n')).toEqual([]);
    const event = 'name: X\nsummary: s\ndate: { date: "2025", basis: stated }\ntopics: [t]\n';
    expect(await messages('content/events/x.yaml', `${event}colour: red\n`)).toEqual([
      'Property colour is not allowed.',
    ]);
    expect(await messages('content/events/x.yaml', event)).toEqual([]);
  });
});
