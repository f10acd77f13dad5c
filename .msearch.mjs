import { measureSearch } from './scripts/bench/search.mjs';
import { QUERY_WORDS } from './scripts/bench/generate.mjs';
const [url, kind] = process.argv.slice(2);
const words = kind === 'real' ? ['Rosstat', 'Peskov', 'mobilization', 'Kobak', 'drones'] : QUERY_WORDS;
console.log(await measureSearch(url, words));
