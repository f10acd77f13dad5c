// The page `astro dev` serves instead of the site while the content has problems. Plain HTML
// with no script: it reloads itself every two seconds, so the site comes back once the files
// are fixed, without the analyst touching the browser.

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Whether a dev-server request asks for a page (not a Vite module, an asset or a data file). */
export function isPageRequest(url: string): boolean {
  const path = url.split(/[?#]/)[0] ?? '/';
  if (path.startsWith('/@') || path.startsWith('/node_modules/') || path.startsWith('/src/')) return false;
  return path.endsWith('/') || path.endsWith('.html') || !/\.[a-z0-9]+$/i.test(path);
}

/** The HTML of the problems page: one `file: field: reason` line per problem, escaped. */
export function contentProblemsPage(lines: readonly string[], dir: string): string {
  const items = lines.map((l) => `<li><code>${escape(l)}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="2">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Content problems · Claim Ledger</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
li{margin:.4rem 0}code{white-space:pre-wrap;word-break:break-word}@media (prefers-color-scheme:dark){body{color:#eee;background:#161616}}</style>
</head>
<body>
<main>
<h1>${lines.length} content problem(s) in ${escape(dir)}</h1>
<p>Fix these in the files named; this page reloads every two seconds and shows the site again once the content is valid. The same lines are in the terminal running <code>npm run dev</code>.</p>
<ul>
${items}
</ul>
</main>
</body>
</html>
`;
}
