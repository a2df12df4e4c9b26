/**
 * The search page, on Pagefind's JavaScript API. Everything taken from the index is put
 * on the page as text (never as HTML), so captured text can never become markup here.
 * The query, the chosen filters and the order live in the address: `/search/?q=palmyra&tag=Assad&sort=newest`.
 * The index is cut into Pagefind bundles (src/lib/search-bundles.ts): by language, each with its
 * own stemmer, and a large language by year. A search asks a cut language's words bundle which of
 * its bundles hold the query's words, then runs in those only; the first of them (the largest
 * language's newest, searched while the words bundle answers) shows first, and the whole answer
 * follows. The index holds page URLs without the site's base path; Pagefind puts it in front
 * (`baseUrl`). On the dev server the page names no bundle (there is no index) and says so itself.
 */
import { BUNDLE_FILTER, FILTERS, PUBLISHER_META, SORT_DATE_META, SORTS, type FilterName, type SortName } from '../lib/search-filters.ts';

type Counts = Record<string, Record<string, number>>;

interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string; [SORT_DATE_META]?: string; [PUBLISHER_META.name]?: string };
  sub_results: { title: string; url: string; excerpt: string }[];
}

interface Search {
  results: { id: string; score: number; data: () => Promise<ResultData> }[];
  filters: Counts;
}

/** One Pagefind bundle: the module its `pagefind.js` is. */
interface Instance {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options: { filters: Filters; sort?: Record<string, 'asc' | 'desc'> }): Promise<Search>;
  filters(): Promise<Counts>;
}

type Filters = Record<string, { any: string[] }>;

/** A result with the language of the bundle that found it. */
interface Found {
  lang: string;
  score: number;
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
const order = document.querySelector<HTMLSelectElement>('#search-sort')!;

const names = Object.keys(FILTERS) as FilterName[];
const params = new URLSearchParams(location.search);
const selected = Object.fromEntries(names.map((name) => [name, new Set(params.getAll(name))])) as Record<FilterName, Set<string>>;
const openGroups = new Set<FilterName>(names.filter((name) => selected[name].size));
input.value = params.get('q') ?? '';
order.value = params.get('sort') ?? '';

interface BundleAddress {
  id: string;
  url: string;
}

interface Language {
  lang: string;
  words?: BundleAddress;
  bundles: BundleAddress[];
}

interface Bundle {
  lang: string;
  id: string;
  instance: () => Promise<Instance>;
}

const { bundles: bundleList, base } = form.dataset;
const languages: Language[] = bundleList ? JSON.parse(bundleList) : [];

/**
 * A bundle's Pagefind, loaded the first time it is asked for. Each bundle is loaded by its own
 * `pagefind.js`, with its own worker and WebAssembly: instances of one `pagefind.js` share one
 * WebAssembly memory, and only one of them may load it.
 */
function bundle(lang: string, { id, url }: BundleAddress): Bundle {
  let loaded: Promise<Instance> | undefined;
  const load = async () => {
    const instance: Instance = await import(/* @vite-ignore */ `${url}pagefind.js`);
    await instance.options({ excerptLength: 30, baseUrl: base, ranking: { metaWeights: { [PUBLISHER_META.name]: PUBLISHER_META.weight } } });
    // Pagefind loads its worker, WebAssembly and page list on the first call, not on import: start now.
    await instance.init();
    return instance;
  };
  return { lang, id, instance: () => (loaded ??= load()) };
}

/** Each language: its bundles, newest first, and the words bundle that says which of them hold a word. */
const searchable = languages.map(({ lang, words, bundles }) => ({
  words: words && bundle(lang, words),
  bundles: bundles.map((address) => bundle(lang, address)),
}));
const everyBundle = searchable.flatMap(({ bundles }) => bundles);

/**
 * The bundles that can hold results for `term`, the largest language's first, each language's
 * newest first. A bundle with no word starting with a query's word must not be asked: Pagefind
 * would answer with its longest word that the query's word starts with. An exact phrase never does that.
 */
async function bundlesFor(term: string): Promise<Bundle[]> {
  const perLanguage = await Promise.all(
    searchable.map(async ({ words, bundles }) => {
      if (!words || !term || term.includes('"')) return bundles;
      const index = await words.instance();
      await index.filters(); // loads the bundle filter, so that the search counts its values
      const holding = (await index.search(term, { filters: {} })).filters[BUNDLE_FILTER] ?? {};
      return bundles.filter(({ id }) => holding[id] > 0);
    }),
  );
  return perLanguage.flat();
}

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

/**
 * One search in every language's bundle: the results together — best score first, or in the
 * chosen order — and the filter counts added up.
 */
async function searchAll(bundles: Bundle[], term: string | null, filters: Filters, sort?: SortName): Promise<{ results: Results; filters: Counts }> {
  const order = sort && { [sort]: SORTS[sort].direction };
  const searches = await Promise.all(
    bundles.map(async ({ lang, instance }) => ({ lang, found: await (await instance()).search(term, { filters, ...(order && { sort: order }) }) })),
  );
  const lists = searches.map(({ lang, found }) => found.results.map(({ score, data }) => ({ lang, score, data })));
  const results = sort ? inOrder(lists, SORTS[sort].direction) : byScore(lists.flat().sort((a, b) => b.score - a.score));
  return { results, filters: addCounts(searches.map(({ found }) => found.filters)) };
}

/** Results taken a batch at a time, their data loaded only when shown. */
interface Results {
  total: number;
  next(count: number): Promise<Shown[]>;
}

interface Shown {
  lang: string;
  data: ResultData;
}

function byScore(found: Found[]): Results {
  let rest = found;
  return {
    total: found.length,
    next: (count) => {
      const batch = rest.slice(0, count);
      rest = rest.slice(count);
      return Promise.all(batch.map(async ({ lang, data }) => ({ lang, data: await data() })));
    },
  };
}

/**
 * Each bundle's results already come in the chosen date order; merging them needs only the date
 * of each list's first result not yet shown, so a page of results loads a page and a few more.
 * Undated articles come last either way.
 */
function inOrder(lists: Found[][], direction: 'asc' | 'desc'): Results {
  const heads = lists.map((list) => ({ list, at: 0, data: undefined as Promise<ResultData> | undefined }));
  const dateOf = (data: ResultData) => data.meta[SORT_DATE_META] ?? (direction === 'asc' ? '\uffff' : '');
  const before = (a: ResultData, b: ResultData) => (direction === 'asc' ? dateOf(a) < dateOf(b) : dateOf(a) > dateOf(b));
  return {
    total: lists.reduce((sum, list) => sum + list.length, 0),
    next: async (count) => {
      const shown: Shown[] = [];
      while (shown.length < count) {
        const live = heads.filter((head) => head.at < head.list.length);
        if (!live.length) break;
        const data = await Promise.all(live.map((head) => (head.data ??= head.list[head.at].data())));
        const best = data.reduce((chosen, candidate, index) => (before(candidate, data[chosen]) ? index : chosen), 0);
        const head = live[best];
        shown.push({ lang: head.list[head.at].lang, data: data[best] });
        head.at++;
        head.data = undefined;
      }
      return shown;
    },
  };
}

/**
 * Every filter's values and totals, in every bundle: what the panel shows before any search.
 * Loading a bundle's filters is also what makes its searches report filter counts, and it costs
 * time on a large index, so a search loads them (of its own bundles only) once results are on screen.
 */
let totals: Promise<Counts> | undefined;
const loadFilters = () => (totals ??= Promise.all(everyBundle.map(async ({ instance }) => (await instance()).filters())).then(addCounts));

let latest = 0;
let remaining: Results = byScore([]);

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
      // Chosen values first: a group such as Mentions has too many values to scroll through for them.
      .sort(([a, countA], [b, countB]) => Number(selected[name].has(b)) - Number(selected[name].has(a)) || countB - countA || a.localeCompare(b));
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
  if (order.value) next.set('sort', order.value);
  const query = next.toString();
  history.replaceState(null, '', `${query ? `?${query}` : location.pathname}${location.hash}`);
}

/** The first page of results, unless those are already the ones on screen (the lead bundle's, say, which the others did not change). */
async function showFirstPage() {
  const batch = await remaining.next(RESULTS_PER_PAGE);
  const shown = [...list.querySelectorAll('.result h3 a')].map((link) => link.getAttribute('href'));
  if (batch.map(({ data }) => data.url).join('\n') !== shown.join('\n')) list.replaceChildren(...batch.map(({ lang, data }) => resultItem(lang, data)));
  more.hidden = list.children.length >= remaining.total;
}

async function showMore() {
  const items = (await remaining.next(RESULTS_PER_PAGE)).map(({ lang, data }) => resultItem(lang, data));
  list.append(...items);
  more.hidden = list.children.length >= remaining.total;
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
  const sort = (order.value as SortName) || undefined;
  const filters = filtersExcept();
  // The lead bundle is searched while the words bundle tells whether it holds the query's words:
  // its answer is used only if it does.
  const [lead] = everyBundle;
  const leadSearch = searchAll([lead], term || null, filters, sort);
  leadSearch.catch(() => {});
  const searchIn = (chosen: Bundle[]) => (chosen.length === 1 && chosen[0] === lead ? leadSearch : searchAll(chosen, term || null, filters, sort));
  const bundles = await bundlesFor(term);
  if (run !== latest) return;
  if (bundles.length > 1) {
    const first = await searchIn(bundles.slice(0, 1));
    if (run !== latest) return;
    if (first.results.total) {
      remaining = first.results;
      await showFirstPage();
      if (run !== latest) return;
    }
  }
  const found = await searchIn(bundles);
  if (run !== latest) return;
  remaining = found.results;
  await showFirstPage();
  if (run !== latest) return;
  list.setAttribute('aria-busy', 'false');
  const count = found.results.total;
  const noun = count === 1 ? 'result' : 'results';
  status.textContent = term ? `${count ? count.toLocaleString('en') : 'No'} ${noun} for “${term}”` : `${count.toLocaleString('en')} ${noun} for the chosen filters`;
  await showFilterCounts(run, term, chosen, bundles);
}

/** Counts for the filter panel, once results are shown, from the bundles searched. Values within a filter add up (any of them), so a chosen filter's counts are those without it. */
async function showFilterCounts(run: number, term: string, chosen: FilterName[], bundles: Bundle[]) {
  await Promise.all(bundles.map(async ({ instance }) => (await instance()).filters()));
  const countsWith = async (filters: Filters) => (term || Object.keys(filters).length ? (await searchAll(bundles, term || null, filters)).filters : loadFilters());
  const counts = { ...(await countsWith(filtersExcept())) };
  for (const name of chosen) counts[name] = (await countsWith(filtersExcept(name)))[name];
  if (run === latest) renderFilters(counts);
}

/** A search, and what the page says when it cannot run one (a bundle that did not load, say) instead of searching forever. */
function runSearch() {
  search().catch((error: Error) => {
    list.setAttribute('aria-busy', 'false');
    status.textContent = `Search could not run (${error.message}). Reload the page to try again.`;
  });
}

let timer: ReturnType<typeof setTimeout> | undefined;

function listen() {
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(runSearch, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    runSearch();
  });
  filterGroups.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement)) return;
    const values = selected[box.name as FilterName];
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    runSearch();
  });
  order.addEventListener('change', runSearch);
  more.addEventListener('click', async () => {
    more.disabled = true;
    const [first] = await showMore();
    more.disabled = false;
    first?.querySelector('a')?.focus();
  });
}

if (everyBundle.length) {
  // What every search needs first, loading while the page is read or typed in.
  const [first] = searchable;
  first.words?.instance();
  first.bundles[0].instance();
  listen();
  runSearch();
}
