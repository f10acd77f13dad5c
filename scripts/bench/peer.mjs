// The benchmark's peer: the same synthetic corpus as a minimal Hugo site (a page per report with
// its Markdown body and its list of claims, a page per claim with its fields, the claimant's and
// topics' names looked up by Hugo in data files), then pagefind's own command-line indexer over
// Hugo's output. This is what a newsroom could set up with stock tools, and what we compare with.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createRequire } from 'node:module';

/** The pagefind binary the npm package ships (the one our index step runs through the package's command). */
export const PAGEFIND_BIN = createRequire(import.meta.url).resolve('@pagefind/linux-x64/bin/pagefind_extended');

/**
 * Our index step as `npm run index` runs it (its script read from package.json, so the two cannot
 * drift apart), for a site built to `dir`: a command and its arguments, with this Node.
 * @param {string} root the project
 * @param {string} dir
 * @returns {[string, string[]]}
 */
export function ourIndex(root, dir) {
  const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.index;
  const [node, ...args] = script.split(' ');
  if (node !== 'node') throw new Error(`bench: the index script no longer starts with node: ${script}`);
  return [process.execPath, [...args, dir]];
}

/** Hugo's version line, or undefined when `hugo` is not installed. */
export function hugoVersion() {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

const LAYOUTS = {
  '_default/baseof.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><header><a href="/">Peer</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
`,
  'index.html': `{{ define "main" }}<h1>{{ .Site.Title }}</h1><p><a href="/articles/">Reports</a> · <a href="/claims/">Claims</a></p>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
  'articles/single.html': `{{ define "main" }}<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<p><time data-pagefind-sort="date">{{ .Params.published }}</time> <span data-pagefind-filter="year">{{ substr .Params.published 0 4 }}</span> <span data-pagefind-filter="report">{{ .Title }}</span> · {{ range .Params.topics }}<span data-pagefind-filter="topic">{{ (index site.Data.topics .).name }}</span> {{ end }}</p>
{{ .Content }}
</article>
<section data-pagefind-ignore><h2>Claims</h2><ol>{{ range .Params.claims }}<li><a href="/claims/{{ .id }}/">{{ .statement }}</a></li>{{ end }}</ol></section>
{{ end }}
`,
  'claims/single.html': `{{ define "main" }}<article data-pagefind-body>
{{ $source := index site.Data.sources .Params.claimant }}
<h1>{{ .Title }}</h1>
<blockquote>{{ .Params.quote }}</blockquote>
<dl>
<dt>Claimant</dt><dd><span data-pagefind-filter="claimant">{{ $source.name }}</span></dd>
{{ with .Params.via }}<dt>Via</dt><dd>{{ range . }}{{ (index site.Data.sources .).name }} {{ end }}</dd>{{ end }}
<dt>Kind</dt><dd data-pagefind-filter="kind">{{ .Params.kind }}</dd>
<dt>Hedge</dt><dd>{{ .Params.hedge }}</dd>
{{ with .Params.stated }}<dt>Stated</dt><dd data-pagefind-sort="date">{{ .date }}</dd><dd data-pagefind-filter="year">{{ substr .date 0 4 }}</dd>{{ end }}
<dt>Topics</dt><dd>{{ range .Params.topics }}<span data-pagefind-filter="topic">{{ (index site.Data.topics .).name }}</span> {{ end }}</dd>
<dt>Report</dt><dd><a href="/articles/{{ .Params.article }}/" data-pagefind-filter="report">{{ .Params.article }}</a></dd>
</dl>
{{ with .Params.figures }}<table>{{ range . }}<tr><td>{{ .value }}</td><td>{{ .unit }}</td><td>{{ .counts }}</td></tr>{{ end }}</table>{{ end }}
{{ with .Params.relations }}<ul>{{ range . }}<li>{{ .type }} <a href="/claims/{{ .claim }}/">{{ .claim }}</a>: {{ .note }}</li>{{ end }}</ul>{{ end }}
</article>{{ end }}
`,
};

/**
 * Writes a Hugo site for the corpus in `contentDir` to `siteDir`: front matter as JSON (valid
 * YAML-free input for Hugo), sources and topics as data files. The old site is removed first by
 * `discard` (deleted, unless the caller moves it aside, as the benchmark does).
 * @param {string} contentDir
 * @param {string} siteDir
 * @param {(dir: string) => void} [discard]
 */
export function writePeerSite(contentDir, siteDir, discard = (d) => rmSync(d, { recursive: true, force: true })) {
  discard(siteDir);
  for (const d of [
    'content/articles',
    'content/claims',
    'data',
    ...new Set(Object.keys(LAYOUTS).map((f) => `layouts/${f.split('/').slice(0, -1).join('/')}`)),
  ])
    mkdirSync(join(siteDir, d), { recursive: true });
  writeFileSync(
    join(siteDir, 'config.json'),
    JSON.stringify({
      baseURL: '/',
      title: 'Peer',
      disableKinds: ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404'],
      markup: { goldmark: { extensions: { typographer: false } } },
    }),
  );
  for (const f of Object.keys(LAYOUTS)) writeFileSync(join(siteDir, 'layouts', f), LAYOUTS[f]);
  writeFileSync(join(siteDir, 'content/articles/_index.md'), '---\ntitle: Reports\n---\n');
  writeFileSync(join(siteDir, 'content/claims/_index.md'), '---\ntitle: Claims\n---\n');
  const byId = (dir) =>
    Object.fromEntries(
      readdirSync(join(contentDir, dir)).map((f) => [
        f.replace(/\.yaml$/, ''),
        parse(readFileSync(join(contentDir, dir, f), 'utf8')),
      ]),
    );
  writeFileSync(join(siteDir, 'data/sources.json'), JSON.stringify(byId('sources')));
  writeFileSync(join(siteDir, 'data/topics.json'), JSON.stringify(byId('topics')));
  const claimsOf = new Map();
  for (const f of readdirSync(join(contentDir, 'claims'))) {
    const { article, claims } = parse(readFileSync(join(contentDir, 'claims', f), 'utf8'));
    claimsOf.set(article, claims);
    for (const c of claims)
      writeFileSync(
        join(siteDir, 'content/claims', `${c.id}.md`),
        `${JSON.stringify({ ...c, title: c.statement, article, stated: c.stated ?? null })}\n`,
      );
  }
  for (const f of readdirSync(join(contentDir, 'articles'))) {
    const id = f.replace(/\.md$/, '');
    const text = readFileSync(join(contentDir, 'articles', f), 'utf8');
    const end = text.indexOf('\n---', 4);
    const data = parse(text.slice(4, end));
    const front = {
      title: data.title,
      published: data.published.date,
      topics: data.topics,
      claims: (claimsOf.get(id) ?? []).map((c) => ({ id: c.id, statement: c.statement })),
    };
    writeFileSync(join(siteDir, 'content/articles', f), `${JSON.stringify(front)}\n${text.slice(end + 4)}`);
  }
}
