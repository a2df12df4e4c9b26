/**
 * The search page, on Pagefind's JavaScript API. Everything taken from the index is put
 * on the page as text (never as HTML), so captured text can never become markup here.
 * The query and the chosen filters live in the address: `/search/?q=palmyra&tag=Assad`.
 * Every language has its own Pagefind bundle, with its own stemmer (scripts/lib/search-index.ts):
 * a search runs in all of them at once and shows their results together, best first.
 */
import { FILTERS, PUBLISHER_META, type FilterName } from '../lib/search-filters.ts';
import { searchBundleUrl } from '../lib/urls.ts';

type Counts = Record<string, Record<string, number>>;

interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string; [PUBLISHER_META.name]?: string };
  sub_results: { title: string; url: string; excerpt: string }[];
}

interface Search {
  results: { id: string; score: number; data: () => Promise<ResultData> }[];
  filters: Counts;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: { filters: Filters }): Promise<Search>;
  filters(): Promise<Counts>;
}

type Filters = Record<string, { any: string[] }>;

/** A result with the language of the bundle that found it. */
interface Found {
  lang: string;
  data: () => Promise<ResultData>;
}

const RESULTS_PER_PAGE = 10;
const SUB_RESULTS_SHOWN = 3;
const DEBOUNCE_MS = 250;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#search-input')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#results')!;
const more = document.querySelector<HTMLButtonElement>('#more-results')!;
const filterGroups = document.querySelector<HTMLElement>('#filters')!;

const names = Object.keys(FILTERS) as FilterName[];
const params = new URLSearchParams(location.search);
const selected = Object.fromEntries(names.map((name) => [name, new Set(params.getAll(name))])) as Record<FilterName, Set<string>>;
const openGroups = new Set<FilterName>(names.filter((name) => selected[name].size));
input.value = params.get('q') ?? '';

/** The site's articles' languages, one Pagefind bundle each: only those that exist, so none is loaded twice. */
const bundles = await Promise.all(
  (form.dataset.languages ?? '').split(' ').filter(Boolean).map(async (lang) => {
    const pagefind: Pagefind = await import(/* @vite-ignore */ `${searchBundleUrl(lang)}pagefind.js`);
    await pagefind.options({ excerptLength: 30, ranking: { metaWeights: { [PUBLISHER_META.name]: PUBLISHER_META.weight } } });
    return { lang, pagefind };
  }),
);

/** Filter counts of several bundles, added up. */
function addCounts(all: Counts[]): Counts {
  const sum: Counts = {};
  for (const counts of all) {
    for (const [name, values] of Object.entries(counts)) {
      const into = (sum[name] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}

/** One search in every language's bundle: the results together, best score first, and the filter counts added up. */
async function searchAll(term: string | null, filters: Filters): Promise<{ results: Found[]; filters: Counts }> {
  const searches = await Promise.all(bundles.map(async ({ lang, pagefind }) => ({ lang, found: await pagefind.search(term, { filters }) })));
  const results = searches
    .flatMap(({ lang, found }) => found.results.map(({ score, data }) => ({ lang, score, data })))
    .sort((a, b) => b.score - a.score);
  return { results, filters: addCounts(searches.map(({ found }) => found.filters)) };
}

/**
 * Every filter's values and totals. Loading them is what makes a search report filter
 * counts, and it costs time on a large index, so it waits until results are on screen.
 */
let totals: Promise<Counts> | undefined;
const loadFilters = () => (totals ??= Promise.all(bundles.map(({ pagefind }) => pagefind.filters())).then(addCounts));

let latest = 0;
let remaining: Found[] = [];

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** Pagefind's excerpts are text with `<` and `>` escaped and matches wrapped in `<mark>`. */
function excerpt(text: string): HTMLParagraphElement {
  const paragraph = element('p', { className: 'result-excerpt' });
  text.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const match = part.match(/^<mark>(.*)<\/mark>$/);
    const plain = (match ? match[1] : part).replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    paragraph.append(match ? element('mark', {}, plain) : plain);
  });
  return paragraph;
}

/** A result: its article's words in the article's language and direction, the date and publishers in the page's. */
function resultItem(lang: string, data: ResultData): HTMLLIElement {
  const own = { lang, dir: 'auto' };
  const title = data.meta.title ?? data.url;
  const item = element('li', { className: 'result' }, element('h3', own, element('a', { href: data.url }, title)));
  const facts = [data.meta.date, data.meta[PUBLISHER_META.name]].filter(Boolean).join(' · ');
  if (facts) item.append(element('p', { className: 'meta' }, facts));
  item.append(Object.assign(excerpt(data.excerpt), own));
  const sections = data.sub_results.filter((sub) => sub.url.includes('#')).slice(0, SUB_RESULTS_SHOWN);
  if (sections.length) {
    item.append(
      element('ul', { className: 'sub-results', ...own }, ...sections.map((sub) => element('li', {}, element('a', { href: sub.url }, sub.title), excerpt(sub.excerpt)))),
    );
  }
  return item;
}

function renderFilters(counts: Counts) {
  const focused = document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'checkbox' ? document.activeElement.id : undefined;
  const groups = names.map((name) => {
    const values = Object.entries(counts[name] ?? {})
      .filter(([value, count]) => count > 0 || selected[name].has(value))
      .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
    if (!values.length) return undefined;
    const options = values.map(([value, count], index) => {
      const id = `filter-${name}-${index}`;
      const box = element('input', { type: 'checkbox', id, name, value, checked: selected[name].has(value) });
      const label = element('label', { htmlFor: id }, value, ' ', element('span', { className: 'count' }, String(count)));
      return element('li', {}, box, label);
    });
    const group = element('details', { open: openGroups.has(name) }, element('summary', {}, FILTERS[name]), element('ul', { className: 'filter-options' }, ...options));
    group.addEventListener('toggle', () => (group.open ? openGroups.add(name) : openGroups.delete(name)));
    return group;
  });
  filterGroups.replaceChildren(...groups.filter((group) => group !== undefined));
  if (focused) document.getElementById(focused)?.focus();
}

function keepInAddress(term: string) {
  const next = new URLSearchParams();
  if (term) next.set('q', term);
  for (const name of names) for (const value of selected[name]) next.append(name, value);
  const query = next.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

async function showMore() {
  const batch = remaining.slice(0, RESULTS_PER_PAGE);
  remaining = remaining.slice(RESULTS_PER_PAGE);
  const items = await Promise.all(batch.map(async ({ lang, data }) => resultItem(lang, await data())));
  list.append(...items);
  more.hidden = remaining.length === 0;
  return items;
}

/** The chosen filters in Pagefind's form, leaving out one filter if asked. */
function filtersExcept(left?: FilterName): Filters {
  return Object.fromEntries(names.filter((name) => name !== left && selected[name].size).map((name) => [name, { any: [...selected[name]] }]));
}

async function search() {
  const run = ++latest;
  const term = input.value.trim();
  keepInAddress(term);
  const chosen = names.filter((name) => selected[name].size);
  if (!term && !chosen.length) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = '';
    renderFilters(await loadFilters());
    return;
  }
  status.textContent = 'Searching…';
  list.setAttribute('aria-busy', 'true');
  const found = await searchAll(term || null, filtersExcept());
  if (run !== latest) return;
  remaining = found.results;
  list.replaceChildren();
  await showMore();
  if (run !== latest) return;
  list.setAttribute('aria-busy', 'false');
  const count = found.results.length;
  const noun = count === 1 ? 'result' : 'results';
  status.textContent = term ? `${count ? count.toLocaleString('en') : 'No'} ${noun} for “${term}”` : `${count.toLocaleString('en')} ${noun} for the chosen filters`;
  await showFilterCounts(run, term, chosen);
}

/** Counts for the filter panel, once results are shown. Values within a filter add up (any of them), so a chosen filter's counts are those without it. */
async function showFilterCounts(run: number, term: string, chosen: FilterName[]) {
  const all = await loadFilters();
  const countsWith = async (filters: Filters) => (term || Object.keys(filters).length ? (await searchAll(term || null, filters)).filters : all);
  const counts = { ...(await countsWith(filtersExcept())) };
  for (const name of chosen) counts[name] = (await countsWith(filtersExcept(name)))[name];
  if (run === latest) renderFilters(counts);
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(search, DEBOUNCE_MS);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  search();
});
filterGroups.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement)) return;
  const values = selected[box.name as FilterName];
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  search();
});
more.addEventListener('click', async () => {
  more.disabled = true;
  const [first] = await showMore();
  more.disabled = false;
  first?.querySelector('a')?.focus();
});

search();
