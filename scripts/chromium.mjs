// How every tool here starts Debian's Chromium (Playwright cannot download its own browsers on
// these machines). Without the background-networking flags Chromium keeps trying to reach
// Google's services, which this machine's closed network refuses.

/** The Chromium binary: CHROMIUM_PATH (set by scripts/find-chromium.sh), else Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Command-line flags for a headless, offline, root-safe Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
