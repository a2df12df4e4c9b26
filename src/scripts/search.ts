/**
 * Pagefind's default UI, with the query and filters kept in the address
 * (`/search/?q=palmyra&tag=Assad`) so a search can be shared and reloaded.
 */
interface PagefindUIInstance {
  triggerSearch(term: string): void;
  triggerFilters(filters: Record<string, string[]>): void;
}

declare const PagefindUI: new (options: Record<string, unknown>) => PagefindUIInstance;

const FILTERS = ['tag', 'source', 'year'];
const params = new URLSearchParams(location.search);

function keepInAddress(query: string, filters: Record<string, string[]>) {
  const next = new URLSearchParams();
  if (query) next.set('q', query);
  for (const name of FILTERS) for (const value of filters[name] ?? []) next.append(name, value);
  const search = next.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

let query = params.get('q') ?? '';
let filters: Record<string, string[]> = Object.fromEntries(
  FILTERS.map((name) => [name, params.getAll(name)]).filter(([, values]) => values.length),
);

const ui = new PagefindUI({
  element: '#search',
  showSubResults: true,
  showImages: false,
  autofocus: !query,
  translations: { placeholder: 'Search the archive' },
  processTerm: (term: string) => {
    query = term;
    keepInAddress(query, filters);
    return term;
  },
});

document.querySelector('#search')!.addEventListener('change', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.classList.contains('pagefind-ui__filter-checkbox')) return;
  const checked = [...document.querySelectorAll<HTMLInputElement>('.pagefind-ui__filter-checkbox:checked')];
  filters = {};
  for (const box of checked) (filters[box.name] ??= []).push(box.value);
  keepInAddress(query, filters);
});

if (Object.keys(filters).length) ui.triggerFilters(filters);
if (query) ui.triggerSearch(query);
