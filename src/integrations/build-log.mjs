import nodeDestination from 'astro/logger/node';

// Astro's own console output (`astro/logger/node`), less one line per page that the incremental
// build reused: at 5,000 reports a rebuild printed 55,000 "├─ /claims/…/index.html (cached)" lines,
// each stamped with the time (an `Intl` format per line) and written to the terminal one by one,
// about 1.5 s of the rebuild's main thread, and a log in which the pages that were rendered again
// could not be found. Those lines are counted instead, and the count printed before the next line
// that is not a page's (at the end of the pages, or earlier if a warning comes between them).
// Rendered pages are listed as Astro lists them, up to `LISTED` in a build; past that they are
// counted too: a cold build at 5,000 reports listed 56,000 of them, about 3 s of its main thread in a CPU profile,
// for a list no one reads, where the few pages a rebuild renders again are all listed. Every other
// line, warnings and errors included, is passed on as Astro writes it.
//
// Plain JavaScript: Astro loads a logger with Node's `import()` before anything is compiled.

/** How many rendered pages a build lists, one line each, before it counts the rest. */
export const LISTED = 200;

/** @typedef {import('astro').AstroLoggerMessage} Message */

/** A page's line as Astro starts it: the path, with the rest of the line still to come. */
const isPageStart = (/** @type {Message} */ e) =>
  e.label === null && e.level === 'info' && e.newLine === false && e.message.includes('├─');
/** The end of a page's line when the page was reused, not rendered. */
const isReusedEnd = (/** @type {Message} */ e) =>
  e.label === 'SKIP_FORMAT' && /\((?:cached|restored)\)/.test(e.message);
/** The end of a rendered page's line: the time it took ("(+12ms)", "(+1m 5s)", coloured in a terminal), written once it is rendered. */
const isRenderedEnd = (/** @type {Message} */ e) =>
  e.label === 'SKIP_FORMAT' && /^\s*(?:\u001b\[[\d;]*m)*\(\+[^)]*\)/.test(e.message);

/**
 * The destination for Astro's `logger.entrypoint`. `options` go to Astro's node destination
 * (`level`).
 * @param {{ level?: import('astro').AstroLoggerLevel }} [options]
 * @param {{ write: (e: Message) => void }} [dest] where lines go (Astro's node destination; a test passes its own)
 */
export default function buildLog(options = {}, dest = nodeDestination(options)) {
  /** @type {Message | undefined} */
  let held;
  let reused = 0;
  // Rendered pages listed so far, those whose time is still to come, and those counted instead.
  let listed = 0;
  let listedOpen = 0;
  let counted = 0;
  let countedOpen = 0;
  const info = (/** @type {string} */ message) => dest.write({ label: null, level: 'info', message, newLine: true });
  const summary = () => {
    if (counted > 0) info(`  └─ ${counted.toLocaleString('en')} more page(s) rendered, not listed one by one`);
    if (reused > 0)
      info(`  └─ ${reused.toLocaleString('en')} page(s) unchanged since the last build, not rendered again`);
    counted = 0;
    reused = 0;
  };
  /** A rendered page's start: listed while fewer than `LISTED` have been, else counted. */
  const rendered = (/** @type {Message} */ e) => {
    if (listed < LISTED) {
      listed++;
      listedOpen++;
      dest.write(e);
    } else {
      counted++;
      countedOpen++;
    }
  };
  return {
    /** @param {Message} e */
    write(e) {
      // Astro writes a page's start and its "(cached)" end one after the other, with nothing between.
      if (held) {
        const start = held;
        held = undefined;
        if (isReusedEnd(e)) {
          reused++;
          return;
        }
        rendered(start);
      }
      if (isPageStart(e)) {
        held = e;
        // A reused page's end follows its start in the same tick; a rendered page's does not. Held
        // no longer than that, a rendered page's start is written before anything its rendering
        // prints, and is not lost if the build then stops (Astro never flushes this destination).
        queueMicrotask(() => {
          if (held !== e) return;
          held = undefined;
          rendered(e);
        });
        return;
      }
      // A rendered page's "(+12ms)" end comes later, between other pages. Ends do not say whose
      // they are (eight pages are in flight), so as many are written as starts were: each listed
      // line gets its end.
      if (isRenderedEnd(e)) {
        if (listedOpen > 0) listedOpen--;
        else if (countedOpen > 0) {
          countedOpen--;
          return;
        }
      }
      // The counts wait for a line of their own.
      if (e.label !== 'SKIP_FORMAT') summary();
      dest.write(e);
    },
    flush() {
      if (held) rendered(held);
      held = undefined;
      summary();
    },
  };
}
