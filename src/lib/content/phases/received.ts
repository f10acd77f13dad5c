import { dirname, join } from 'node:path';
import type { ValidationContext } from '../types';

/** The non-blank lines of a text, trimmed: what the verbatim check compares. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** A line as quoted in a message: short enough to read on one line. */
function excerpt(line: string): string {
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/**
 * Phase 3: each report is its text as received, word for word. The text is kept byte for byte as
 * `received/<report id>.txt` (`npm run new:report` writes it). Every line of the body (a heading
 * without its `#`s) is a line of that text, in its order; every line of it left out is the title
 * or is listed in `provenance.omitted`. A received text without a report is a stray.
 */
export function checkReceived(ctx: ValidationContext): void {
  const { problems } = ctx;
  const byId = new Map(ctx.raw.received.map((r) => [r.id, r]));
  for (const r of ctx.raw.received) {
    if (r.error) problems.add(r.file, r.error.field, r.error.reason);
    else if (!ctx.known.articles.has(r.id)) problems.add(r.file, '(file)', `no report has the id ${r.id}: a received text is named after its report's id; rename or remove it`);
  }
  for (const a of ctx.articles) {
    const received = byId.get(a.id);
    if (!received) {
      const where = join(dirname(dirname(a.file)), 'received', `${a.id}.txt`);
      problems.add(a.file, 'provenance.seed', `the report's text as received is missing: keep it, unchanged, as ${where}`);
      continue;
    }
    const body = lines(a.body).map((l) => l.replace(/^#{1,6}\s+/, ''));
    // An empty body is reported as such (./bodies.ts), not as every received line left out.
    if (received.text === undefined || body.length === 0) continue;
    const source = lines(received.text);
    const left: string[] = [];
    let i = 0;
    let inOrder = true;
    for (const line of body) {
      while (i < source.length && source[i] !== line) left.push(source[i++]!);
      if (i === source.length) {
        problems.add(a.file, 'body', `the line "${excerpt(line)}" is not in ${received.file} (or not in its order there)`);
        inOrder = false;
        break;
      }
      i++;
    }
    // After a line out of order every later line would be reported too: the first is enough.
    if (!inOrder) continue;
    left.push(...source.slice(i));
    const omitted = a.data.provenance.omitted.join(' ');
    for (const line of left) {
      // Page furniture is listed by what it says; its first words are enough to recognise it.
      if (line === a.data.title.trim() || omitted.includes(line.slice(0, 20))) continue;
      problems.add(a.file, 'provenance.omitted', `the received line "${excerpt(line)}" is left out of the body: restore it, or list it here`);
    }
  }
}
