import { SECURITY_HEADERS } from '../site';

/**
 * The `_headers` file that Netlify and Cloudflare Pages read from the published folder: the
 * site's security headers on every path under the site's base (`/*`, or `/mobilization/*`).
 */
export function headersFile(basePath: string): string {
  return `${basePath}*\n${SECURITY_HEADERS.map(([name, value]) => `  ${name}: ${value}\n`).join('')}`;
}

/**
 * Reads a `_headers` file back: each path pattern with its headers, in order. The format is a
 * pattern on a line of its own, then indented `Name: value` lines; `#` lines are comments.
 */
export function parseHeadersFile(text: string): { pattern: string; headers: Map<string, string> }[] {
  const rules: { pattern: string; headers: Map<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: new Map() });
      continue;
    }
    const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!m || !rule) throw new Error(`_headers: not a header line under a path: "${line}"`);
    rule.headers.set(m[1]!.trim(), m[2]!.trim());
  }
  return rules;
}
