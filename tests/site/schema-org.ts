// The part of schema.org's vocabulary the site's JSON-LD uses: each type with the properties it
// may carry, its own and those it inherits, as listed on https://schema.org/<Type> (Thing →
// CreativeWork → Article → NewsArticle; CreativeWork → Claim, WebSite, WebPage → CollectionPage;
// Thing → Person, Organization, Event). A type or property outside these lists fails the test:
// add it here only after checking it on schema.org.

const THING = ['name', 'url', 'description', 'alternateName', 'subjectOf'];
const CREATIVE_WORK = [
  ...THING,
  'headline',
  'datePublished',
  'publisher',
  'author',
  'license',
  'about',
  'isPartOf',
  'text',
  'abstract',
  'keywords',
  'inLanguage',
];

/** Allowed properties by schema.org type. */
export const SCHEMA_ORG: Readonly<Record<string, readonly string[]>> = {
  Thing: THING,
  CreativeWork: CREATIVE_WORK,
  Article: CREATIVE_WORK,
  NewsArticle: CREATIVE_WORK,
  // https://schema.org/Claim: appearance, firstAppearance, claimInterpreter.
  Claim: [...CREATIVE_WORK, 'appearance'],
  WebSite: CREATIVE_WORK,
  WebPage: CREATIVE_WORK,
  CollectionPage: CREATIVE_WORK,
  Person: [...THING, 'affiliation'],
  Organization: [...THING, 'parentOrganization'],
  // https://schema.org/Event: startDate, about, among many.
  Event: [...THING, 'startDate', 'about'],
};

/** Where a JSON-LD value strays from the vocabulary above: one line per unknown type or property. */
export function vocabularyProblems(value: unknown, where = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => vocabularyProblems(v, `${where}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const obj = value as Record<string, unknown>;
  const type = obj['@type'];
  const problems: string[] = [];
  if (typeof type === 'string') {
    const allowed = SCHEMA_ORG[type];
    if (!allowed) problems.push(`${where}: unknown type ${type}`);
    else
      for (const key of Object.keys(obj))
        if (!key.startsWith('@') && !allowed.includes(key)) problems.push(`${where}: ${type} has no property ${key}`);
  }
  for (const [key, v] of Object.entries(obj)) problems.push(...vocabularyProblems(v, `${where}.${key}`));
  return problems;
}
