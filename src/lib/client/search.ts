import { Feed, splitWords, type Item, type ResultData } from './search-feed';
import {
  facetInputId,
  FILTER_KEYS,
  matchStatus,
  pagefindOptions,
  parseState,
  stateToQuery,
  type SearchState,
} from './search-state';

// The small part of pagefind's JS API (pagefind.js, served from pagefind/ under the site's base) that we use.
interface Search {
  results: { id: string; data: () => Promise<ResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (q: string | null, o: ReturnType<typeof pagefindOptions>) => Promise<Search | null>;
}

const PAGE = 10;
// Under the site's base path (`SITE_URL`'s path, Astro's `base`), which Vite writes into the
// script at build time: the site may be served under a sub-path such as `/mobilization/`.
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const PAGEFIND_URL = `${BASE}pagefind/pagefind.js`;
// A phone's width: the same as the style's `max-width: 40rem` rules (global.css).
const NARROW = '(max-width: 40rem)';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * Words cut to about `max` around the first matched one, the matched ones marked (`hits` are word
 * locations; `offset` is the location of the first word). Built as DOM nodes: text stays text.
 */
function excerpt(words: string[], offset: number, hits: number[], max = 24): HTMLParagraphElement {
  const marked = new Set(hits.map((h) => h - offset));
  const first = marked.size ? Math.min(...marked) : 0;
  const start = words.length <= max ? 0 : Math.max(0, Math.min(words.length - max, first - 6));
  const p = el('p', {}, start > 0 ? '…' : '');
  words.slice(start, start + max).forEach((w, i) => {
    if (i) p.append(' ');
    p.append(marked.has(start + i) ? el('mark', {}, w) : w);
  });
  if (start + max < words.length) p.append('…');
  return p;
}

/**
 * One result as a list item. Everything from the index is written as text (DOM nodes, never HTML).
 */
function resultItem(item: Item): HTMLLIElement {
  const li = el('li');
  if (item.type === 'error') {
    li.append('This result could not be loaded.');
    return li;
  }
  const r = item.report;
  const title = r.meta['title'] ?? r.url;
  if (item.type === 'claim') {
    const c = item.claim;
    li.append(el('span', { className: 'kind' }, `Claim · ${c.kind} · ${c.date}`), el('br'));
    li.append(el('a', { href: c.url, className: 'result-title' }, c.statement));
    if (item.quote) li.append(excerpt(splitWords(item.quote.text), item.quote.location, item.hits));
    li.append(
      el('p', { className: 'muted' }, `${c.claimant} · `, el('a', { href: `${r.url}#${c.id}` }, `in “${title}”`)),
    );
    return li;
  }
  const date = r.meta['date'] ? ` · ${r.meta['date']}` : '';
  li.append(el('span', { className: 'kind' }, `Report${date}`), el('br'));
  li.append(el('a', { href: r.url, className: 'result-title' }, title));
  // The excerpt is cut from the report's text (not its claim list) around the first word that
  // matched there (pagefind's own excerpt favours the claim list, whose words weigh more).
  li.append(excerpt(splitWords(r.content).slice(0, item.textEnd), 0, item.hits));
  if (item.near.length) {
    const bits: (Node | string)[] = ['Claims near the match: '];
    item.near.forEach((a, i) =>
      bits.push(
        ...(i ? [' · '] : []),
        el('a', { href: `${r.url}#${a.id}` }, a.text.length > 70 ? `${a.text.slice(0, 68)}…` : a.text),
      ),
    );
    li.append(el('p', { className: 'muted' }, ...bits));
  }
  return li;
}

/** One checkbox of a filter panel, as the page renders it. */
function option(key: string, value: string): HTMLLIElement {
  const id = facetInputId(key, value);
  const box = el('input', { type: 'checkbox', id, name: key, value });
  const count = el('span', { className: 'count' });
  count.dataset['facet'] = key;
  count.dataset['value'] = value;
  return el('li', {}, box, el('label', { htmlFor: id }, `${value} `, count));
}

/** Makes sure a panel has a checkbox for a value, adding it at the top if the page left it out. */
function ensureOption(form: HTMLFormElement, key: string, value: string): void {
  const boxes = form.querySelectorAll<HTMLInputElement>(`input[name="${key}"]`);
  if ([...boxes].some((b) => b.value === value)) return;
  form.querySelector(`details[data-facet="${key}"] ul`)?.prepend(option(key, value));
}

/**
 * Re-lists a long panel (a report or claimant per value, thousands in a large corpus) for the
 * current results: the chosen values, then the commonest values that occur in the results, up to
 * the cap. Keyboard focus stays on the same value.
 */
function relist(panel: HTMLDetailsElement, counts: Record<string, number>, chosen: string[], cap: number): void {
  const key = panel.dataset['facet']!;
  const ul = panel.querySelector('ul')!;
  const focused = ul.contains(document.activeElement) ? (document.activeElement as HTMLInputElement).value : undefined;
  const top = Object.entries(counts)
    .filter(([v, n]) => n > 0 && !chosen.includes(v))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))
    .slice(0, Math.max(0, cap - chosen.length))
    .map(([v]) => v);
  const items = [...chosen, ...top].map((v) => option(key, v));
  for (const li of items) {
    const box = li.querySelector('input')!;
    box.checked = chosen.includes(box.value);
  }
  ul.replaceChildren(...items);
  const note = panel.querySelector<HTMLElement>('.facet-more');
  if (note) {
    const hidden = Object.entries(counts).filter(([v, n]) => n > 0 && !chosen.includes(v)).length - top.length;
    note.textContent = hidden > 0 ? `${hidden} more in these results: narrow the search to list them.` : '';
  }
  if (focused !== undefined) ul.querySelector<HTMLInputElement>(`input[value="${CSS.escape(focused)}"]`)?.focus();
}

/**
 * Runs the search page: reads the state from the URL, keeps the form, the URL and the results
 * in step (typing replaces the history entry, choosing a filter adds one, so Back undoes a
 * filter), updates each filter's count from the current results, and loads pagefind only here.
 */
export function startSearch(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = form.querySelector<HTMLInputElement>('#q')!;
  const sort = form.querySelector<HTMLSelectElement>('#sort')!;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('results') as HTMLOListElement;
  const more = document.getElementById('more') as HTMLButtonElement;
  let pagefind: Promise<Pagefind> | undefined;
  let current: Feed | null = null;
  let currentState: SearchState | null = null;
  let run = 0;

  // The filter indexes are not fetched here: each search asks only for the counts of the panels
  // that are open (see pagefindOptions), so a closed panel costs nothing to download.
  const load = (): Promise<Pagefind> =>
    (pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL).then(async (pf: Pagefind) => {
      // Result URLs are the index's file paths under the base.
      await pf.options({ excerptLength: 24, baseUrl: BASE });
      return pf;
    }));

  const panels = [...form.querySelectorAll<HTMLDetailsElement>('details[data-facet]')];
  // On a phone every panel starts closed, so the first results are on the first screen (the page
  // opens the first one for a wider screen; the style lays them out two a row here).
  if (matchMedia(NARROW).matches) for (const p of panels) p.open = false;
  const openFacets = (): string[] => panels.filter((d) => d.open).map((d) => d.dataset['facet']!);

  const readForm = (): SearchState => {
    const filters: Record<string, string[]> = {};
    for (const key of FILTER_KEYS) {
      const values = [...form.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((i) => i.value);
      if (values.length) filters[key] = values;
    }
    return { q: input.value.trim(), sort: sort.value as SearchState['sort'], filters };
  };

  const writeForm = (state: SearchState): void => {
    // A value chosen in the URL may be one the page did not list (long lists are cut short).
    for (const [key, values] of Object.entries(state.filters)) for (const v of values) ensureOption(form, key, v);
    input.value = state.q;
    sort.value = state.sort;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
      box.checked = state.filters[box.name]?.includes(box.value) ?? false;
    for (const key of FILTER_KEYS) {
      const span = form.querySelector(`[data-selected-for="${key}"]`);
      if (span) span.textContent = state.filters[key]?.length ? `(${state.filters[key]!.length} chosen)` : '';
    }
  };

  const updateCounts = (search: Search | null, chosen: SearchState['filters']): void => {
    for (const panel of panels) {
      const key = panel.dataset['facet']!;
      const counts = search?.filters[key];
      if (counts && panel.dataset['cap']) relist(panel, counts, chosen[key] ?? [], Number(panel.dataset['cap']));
    }
    for (const span of form.querySelectorAll<HTMLElement>('.count')) {
      const n = search ? (search.filters[span.dataset['facet']!]?.[span.dataset['value']!] ?? 0) : undefined;
      if (n === undefined) continue;
      span.textContent = `(${n})`;
      span.closest('li')?.classList.toggle('empty', n === 0);
    }
  };

  // A page of ten results is filled as the reports' fragments arrive: they are fetched ten at a
  // time in parallel and read in rank (or date) order, and each report's results are appended as
  // soon as every report above it has been read, so a result never appears above one already on
  // screen and nothing on screen moves. The list is not a live region (the status line announces
  // a search once); it is marked busy until the page is full or the results run out.
  const showMore = async (): Promise<void> => {
    const feed = current;
    if (!feed) return;
    more.hidden = true;
    list.setAttribute('aria-busy', 'true');
    await feed.take(PAGE, (items) => {
      if (feed === current) list.append(...items.map(resultItem));
    });
    if (feed !== current) return;
    list.setAttribute('aria-busy', 'false');
    more.hidden = feed.done;
    if (feed.done && !list.childElementCount) status.textContent = noResults(currentState!);
  };

  const describe = (state: SearchState): string =>
    [state.q && `“${state.q}”`, ...Object.values(state.filters).flat()].filter(Boolean).join(', ');
  const noResults = (state: SearchState): string =>
    `No results for ${describe(state)}. Try other words, or fewer filters.`;

  const execute = async (state: SearchState): Promise<void> => {
    const mine = ++run;
    const hasFilters = Object.keys(state.filters).length > 0;
    if (!state.q && !hasFilters) {
      current = null;
      list.replaceChildren();
      list.removeAttribute('aria-busy');
      more.hidden = true;
      status.textContent = 'Type a word, or choose a filter, to list matching claims and reports.';
      return;
    }
    status.textContent = 'Searching…';
    // Busy from the moment the search starts, not only once its results are being appended: until
    // then the list still shows the previous search's results.
    list.setAttribute('aria-busy', 'true');
    const pf = await load();
    const search = await pf.search(state.q || null, pagefindOptions(state, openFacets()));
    if (mine !== run) return; // a newer query has started; drop this one
    if (!search) {
      list.setAttribute('aria-busy', 'false');
      return;
    }
    current = new Feed(search.results, state, PAGE);
    currentState = state;
    list.replaceChildren();
    // Pagefind counts reports: how many claims match is known only once every report is read.
    const n = search.results.length;
    status.textContent = n ? matchStatus(n, describe(state)) : noResults(state);
    // The fragments are requested first (take asks for them before its first await), and the
    // filter counts are written while they download.
    const filled = showMore();
    updateCounts(search, state.filters);
    await filled;
  };

  const commit = (push: boolean): void => {
    const state = readForm();
    writeForm(state);
    const url = `${location.pathname}${stateToQuery(state)}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
    void execute(state);
  };

  // Start fetching pagefind as soon as the reader heads for the search box, so the first
  // results do not wait for the download after the last keystroke.
  input.addEventListener('focus', () => void load(), { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => commit(false), 150);
  });
  form.addEventListener('change', (e) => {
    if (e.target !== input) commit(true);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    commit(true);
  });
  document.getElementById('clear-search')?.addEventListener('click', (e) => {
    e.preventDefault();
    writeForm({ q: '', sort: '', filters: {} });
    commit(true);
    input.focus();
  });
  more.addEventListener('click', () => void showMore());
  // Opening a panel fetches that filter's counts for the results on screen; the results stay.
  for (const panel of panels)
    panel.addEventListener('toggle', () => {
      const state = currentState;
      if (!panel.open || !state || !pagefind) return;
      void pagefind
        .then((pf) => pf.search(state.q || null, pagefindOptions(state, openFacets())))
        .then((s) => {
          if (s && state === currentState) updateCounts(s, state.filters);
        });
    });
  window.addEventListener('popstate', () => {
    const state = parseState(location.search);
    writeForm(state);
    void execute(state);
  });

  const initial = parseState(location.search);
  writeForm(initial);
  void execute(initial);
}
