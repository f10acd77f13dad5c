// `npm run schemas`: writes the JSON Schemas of the content files (json-schemas/) and the
// `yaml.schemas` map of .vscode/settings.json from the zod schemas. A unit test fails when the
// committed files differ from what this would write.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMA_DIR, JSON_SCHEMA_FILES, jsonSchemaText } from '../src/lib/content/json-schemas';

mkdirSync(JSON_SCHEMA_DIR, { recursive: true });
for (const entry of JSON_SCHEMA_FILES) {
  writeFileSync(join(JSON_SCHEMA_DIR, entry.name), jsonSchemaText(entry));
  console.log(`wrote ${join(JSON_SCHEMA_DIR, entry.name)} (${entry.files})`);
}
const settingsFile = '.vscode/settings.json';
const settings = existsSync(settingsFile)
  ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>)
  : {};
settings['yaml.schemas'] = Object.fromEntries(
  JSON_SCHEMA_FILES.filter((e) => e.files.endsWith('.yaml')).map((e) => [`./${JSON_SCHEMA_DIR}/${e.name}`, e.files]),
);
mkdirSync('.vscode', { recursive: true });
writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
console.log(`wrote ${settingsFile}`);
