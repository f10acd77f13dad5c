/** The Chromium binary the browser tools use. */
export declare const CHROMIUM_PATH: string;
/** Flags for a headless, offline, root-safe Chromium. */
export declare const CHROMIUM_ARGS: string[];
