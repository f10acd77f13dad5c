import { hash } from 'node:crypto';
import { BASE_PATH, SITE_URL } from '../settings';

// Astro's incremental build (`experimental.incrementalBuild`) reuses a page's earlier output when
// the `cacheKey` its `getStaticPaths()` entry returns and the hash of the page's module graph are
// both unchanged. The module graph covers the code (pages, layouts, components, src/lib, bundled
// dependencies; the lockfile and the config are hashed apart); the key must cover the data. A
// thin page shows its props and nothing else (the layout reads only constants), so the key is a
// digest of the props as the page can see them.
//
// The ledger is a cross-linked graph (a claim's report lists the claim, which names the report…),
// so the props cannot be serialised whole: everything is reachable from anything. The walk stops
// where pages stop showing things:
// - the page's own entity (a prop that is one entity; depth 0) is taken whole, and a prop that is
//   a list of entities (an event page's topics) is a list the page shows, at depth 1;
// - the entities they reach (depth 1: a claim's report, a topic's claims, a related claim) are
//   taken with their own fields, their forward references (report, claimant, chain, topics,
//   events, outlet, affiliation, neighbours on the timeline) at depth 2, and their other derived
//   lists (a report's claims, a source's backlinks, an event's tellings, a claim's related claims)
//   with the entities in them as ids only: a page shows such a list's length or order, never the
//   entities' contents;
// - entities at depth 2 are their id and their record (`data`), which holds every title, name and
//   statement a page can show of them.
// This is a bound on what a page can show, checked by the rebuild test: after an edit, a rebuild
// that reuses every page whose key did not change is byte-identical to a cold build.

/** An entity of the ledger: a report, claim, source, topic or event. */
interface Entity {
  id: string;
  data: object;
}

// Fields of a depth-1 entity whose entities a page shows (titles, names, dates): walked at depth 2.
const FORWARD = new Set([
  'article',
  'claimant',
  'via',
  'topics',
  'events',
  'outlet',
  'relay',
  'affiliation',
  'previous',
  'next',
]);

const isEntity = (v: object): v is Entity =>
  typeof (v as Partial<Entity>).id === 'string' && typeof (v as Partial<Entity>).data === 'object';

/**
 * Digests of entities, by entity: they do not depend on the page, and the same topic or report is
 * reached from thousands of pages (without this, the keys of 5,000 claim pages took 4 ms each at
 * 500 reports on a loaded machine). `data`: the digest of its record; `near`: of its view at depth
 * 1. At depth 2 an entity is its id and its record's digest.
 */
interface Memo {
  data: WeakMap<object, string>;
  near: WeakMap<object, string>;
}
const newMemo = (): Memo => ({ data: new WeakMap(), near: new WeakMap() });
// One memo for every route of a build: a claim's digest, made for its report's page, serves its
// source's, topics' and events' pages too (each route made its own before: four times the work at
// 5,000 reports). Weak, by entity: a new ledger (an edit in `astro dev`) is all new objects, and the
// ledger's entities are not changed once built.
const shared = newMemo();
// `hash`, one call, rather than a `Hash` object per digest: about 170,000 digests a build at 5,000
// reports, a microsecond each less (0.56 s against 0.24 s for 300,000 short texts).
const digest = (tree: unknown): string => hash('sha256', JSON.stringify(tree), 'base64url');

// An entity's record is serialised and hashed once, and its digest stands for it wherever the
// entity is shown, and a page's own entity is keyed by its depth-1 digest and the digests of what
// it reaches (`pageView`): a claim's record and quote context were serialised three times before,
// for its page, its view at depth 1 and at depth 2. All 56,212 keys at 5,000 reports in one
// process, three alternating runs: 2.3 to 2.6 s against 3.2 to 3.5 s.
function dataDigest(v: Entity, memo: Memo): string {
  let d = memo.data.get(v);
  if (d === undefined) {
    d = digest(v.data);
    memo.data.set(v, d);
  }
  return d;
}

/** The digest of an entity's view at depth 1 (see `entityView`). */
function nearDigest(v: Entity, memo: Memo): string {
  let d = memo.near.get(v);
  if (d === undefined) {
    d = digest(entityView(v, memo));
    memo.near.set(v, d);
  }
  return d;
}

/** `v` with every entity cut as the rules above say: a tree, ready for `JSON.stringify`. */
function view(v: unknown, depth: number, idsOnly: boolean, path: Set<object>, memo: Memo): unknown {
  if (v === null || typeof v !== 'object') return v ?? null;
  if (v instanceof Set) return view([...(v as Set<unknown>)].sort(), depth, idsOnly, path, memo);
  if (v instanceof Map) return view([...(v as Map<unknown, unknown>)], depth, idsOnly, path, memo);
  if (isEntity(v)) {
    if (idsOnly) return v.id;
    if (depth === 0) return pageView(v, memo);
    // At depth 2 an entity is its id and record, which hold every title, name and statement a page
    // can show of it.
    return { entity: depth >= 2 ? `${v.id} ${dataDigest(v, memo)}` : nearDigest(v, memo) };
  }
  // Depth grows at each entity, so a cycle through entities ends at depth 2; one through plain
  // objects only would not end, and would be a ledger shape the rules above do not know.
  if (path.has(v)) throw new Error('page-keys: a cycle that does not pass through an entity');
  path.add(v);
  // Loops rather than `Object.fromEntries(Object.entries(v).map(…))`: at 5,000 reports the keys walk
  // 900,000 plain objects (each claim's evidence, origins and quote context, twice), and making the
  // intermediate arrays was the walk's largest self time (all 56,212 keys in one process, six
  // rounds alternating: 3.0 to 5.1 s against 4.8 to 6.2 s; the keys are the same). No prototype,
  // so that a key named `__proto__` is a field like any other, as it was.
  let out: unknown;
  if (Array.isArray(v)) {
    const list = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) list[i] = view(v[i], depth, idsOnly, path, memo);
    out = list;
  } else {
    const fields = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(v)) fields[k] = view((v as Record<string, unknown>)[k], depth, idsOnly, path, memo);
    out = fields;
  }
  path.delete(v);
  return out;
}

/** An entity at depth 1: its record's digest, forward references a level deeper, other lists as ids. */
function entityView(v: Entity, memo: Memo): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  // A new path for each field: the same plain object may be met again below another entity.
  for (const [k, x] of Object.entries(v))
    fields[k] = k === 'data' ? dataDigest(v, memo) : view(x, 2, !FORWARD.has(k), new Set(), memo);
  return fields;
}

/**
 * The page's own entity (depth 0): what its view at depth 1 holds (every field, with the entities
 * in it as ids or at depth 2), and, field by field, the depth-1 digests of the entities those fields
 * reach, in the order of the walk. The two together stand for its fields with every entity at depth
 * 1, as the rules above ask, without serialising its contents a second time.
 */
function pageView(v: Entity, memo: Memo): Record<string, unknown> {
  const refs: Record<string, string[]> = {};
  for (const [k, x] of Object.entries(v)) if (k !== 'data') refs[k] = reached(x, [], new Set(), memo);
  return { near: nearDigest(v, memo), refs };
}

/** Appends to `out` the depth-1 digest of each entity `v` reaches without passing through one, in `view`'s order. */
function reached(v: unknown, out: string[], path: Set<object>, memo: Memo): string[] {
  if (v === null || typeof v !== 'object') return out;
  if (v instanceof Set) return reached([...(v as Set<unknown>)].sort(), out, path, memo);
  if (v instanceof Map) return reached([...(v as Map<unknown, unknown>)], out, path, memo);
  if (isEntity(v)) {
    out.push(nearDigest(v, memo));
    return out;
  }
  if (path.has(v)) throw new Error('page-keys: a cycle that does not pass through an entity');
  path.add(v);
  if (Array.isArray(v)) for (const x of v) reached(x, out, path, memo);
  else for (const k of Object.keys(v)) reached((v as Record<string, unknown>)[k], out, path, memo);
  path.delete(v);
  return out;
}

/**
 * The `cacheKey` of a page whose `getStaticPaths()` entry has these `props`: a SHA-256 digest of
 * what the page can show of them (see the rules at the top of this file), of the build settings
 * that reach its HTML (`SITE_URL`, the base path). What a page shows from elsewhere must come in
 * as a prop too (a report page's body, by its digest). Equal keys mean equal pages, given the same code. Pass one
 * `memo` for all the pages of a build (as `withCacheKeys` does, one for all routes); the entities
 * must not change while it is in use.
 */
export function pageCacheKey(props: object, memo: Memo = newMemo()): string {
  return hash(
    'sha256',
    JSON.stringify({
      site: SITE_URL,
      // From our settings, not `import.meta.env`: a bare `import.meta.env` is compiled into the module
      // with some of the build's environment (the shell's `_`, the command that started it), so the
      // module's code, and with it every route's module-graph hash, changed with how the build was
      // started, and Astro reused no page at all.
      base: BASE_PATH,
      props: Object.entries(props).map(([k, v]) => [k, view(v, isEntity(v as object) ? 0 : 1, false, new Set(), memo)]),
    }),
    'base64url',
  );
}

/** Each of `paths` with its `cacheKey` (see `pageCacheKey`), for a page's `getStaticPaths()`. */
export function withCacheKeys<P extends object, T extends { props: P }>(paths: T[]): (T & { cacheKey: string })[] {
  return paths.map((p) => ({ ...p, cacheKey: pageCacheKey(p.props, shared) }));
}
