import nodeDestination from 'astro/logger/node';

// Astro's own console output (`astro/logger/node`), less one line per page that the incremental
// build reused: at 5,000 reports a rebuild printed 55,000 "├─ /claims/…/index.html (cached)" lines,
// each stamped with the time (an `Intl` format per line) and written to the terminal one by one,
// about 1.5 s of the rebuild's main thread, and a log in which the pages that were rendered again
// could not be found. Those lines are counted instead, and the count printed before the next line
// that is not a page's (at the end of the pages, or earlier if a warning comes between them). Every
// other line, warnings and errors included, is passed on as Astro writes it.
//
// Plain JavaScript: Astro loads a logger with Node's `import()` before anything is compiled.

/** @typedef {import('astro').AstroLoggerMessage} Message */

/** A page's line as Astro starts it: the path, with the rest of the line still to come. */
const isPageStart = (/** @type {Message} */ e) =>
  e.label === null && e.level === 'info' && e.newLine === false && e.message.includes('├─');
/** The end of a page's line when the page was reused, not rendered. */
const isReusedEnd = (/** @type {Message} */ e) =>
  e.label === 'SKIP_FORMAT' && /\((?:cached|restored)\)/.test(e.message);

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
  const summary = () => {
    if (reused === 0) return;
    dest.write({
      label: null,
      level: 'info',
      message: `  └─ ${reused.toLocaleString('en')} page(s) unchanged since the last build, not rendered again`,
      newLine: true,
    });
    reused = 0;
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
        dest.write(start);
      }
      if (isPageStart(e)) {
        held = e;
        // A reused page's end follows its start in the same tick; a rendered page's does not. Held
        // no longer than that, a rendered page's start is written before anything its rendering
        // prints, and is not lost if the build then stops (Astro never flushes this destination).
        queueMicrotask(() => {
          if (held !== e) return;
          held = undefined;
          dest.write(e);
        });
        return;
      }
      // A rendered page's "(+12ms)" end comes later, between other pages: the count waits for a line of its own.
      if (e.label !== 'SKIP_FORMAT') summary();
      dest.write(e);
    },
    flush() {
      if (held) dest.write(held);
      held = undefined;
      summary();
    },
  };
}
