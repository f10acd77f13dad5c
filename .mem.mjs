import { run } from './scripts/bench/measure.mjs';
import { rmSync } from 'node:fs';
const [opts] = process.argv.slice(2);
rmSync('node_modules/.astro', { recursive: true, force: true });
const r = await run(process.execPath, [...(opts ? [opts] : []), 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', '/tmp/o5000c'], { env: { CONTENT_DIR: 'bench-out/content-5000' } });
console.log(opts ?? 'default', r.seconds.toFixed(1), 's', Math.round(r.peakMb), 'MB peak (tree sum)');
