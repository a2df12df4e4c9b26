import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/consts.ts';
import { articleKey, listingKey } from '../../src/lib/cache-key.ts';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import { listingPageUrl, listingPaths, paginate } from '../../src/lib/pagination.ts';
import type { Article } from '../../src/ingest/record.ts';
import type { Term } from '../../src/lib/taxonomy.ts';
import { monthUrl, YEAR_PAGE_SEGMENT, yearUrl } from '../../src/lib/urls.ts';

describe('paginate', () => {
  const items = Array.from({ length: PAGE_SIZE * 2 + 1 }, (_, index) => index);

  it('cuts a listing into pages of PAGE_SIZE, the first at the listing URL', () => {
    const pages = paginate(items, '/tags/assad/');
    expect(pages.map(({ param }) => param)).toEqual([undefined, '2', '3']);
    expect(pages.map(({ page }) => page.data.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 1]);
    expect(pages[1].page).toMatchObject({ currentPage: 2, lastPage: 3, total: items.length, start: PAGE_SIZE, end: PAGE_SIZE * 2 - 1 });
    expect(pages[1].page.url).toEqual({ prev: '/tags/assad/', next: '/tags/assad/3/' });
    expect(pages[0].page.url.prev).toBeUndefined();
    expect(pages[2].page.url.next).toBeUndefined();
  });

  it('gives an empty listing one empty page', () => {
    expect(paginate([], '/tags/x/').map(({ page }) => [page.total, page.data.length, page.lastPage])).toEqual([[0, 0, 1]]);
  });

  it('keeps a year listing’s pages clear of its months', () => {
    const yearPages = Array.from({ length: 12 }, (_, index) => listingPageUrl(yearUrl('2024'), index + 1, YEAR_PAGE_SEGMENT));
    const months = Array.from({ length: 12 }, (_, index) => monthUrl('2024', String(index + 1).padStart(2, '0')));
    expect(yearPages[9]).toBe('/archive/2024/page/10/');
    expect(yearPages.filter((url) => months.includes(url))).toEqual([]);
    expect(paginate(items, yearUrl('2024'), YEAR_PAGE_SEGMENT)[1].param).toBe('page/2');
  });
});

describe('cache keys for incremental builds', async () => {
  const { articles } = await parseSeedDir('seeds');
  const edited = (article: Article): Article => ({ ...article, teaser: `${article.teaser} More.` });
  const term = (name: string, slug: string): Term => ({ name, slug, articles: [] });

  it('a listing page keeps its key until a record it shows, its heading or its place changes', () => {
    const [first, second] = paginate(articles, '/archive/undated/');
    const key = listingKey('Undated', first.page);
    expect(listingKey('Undated', paginate(articles, '/archive/undated/')[0].page)).toBe(key);
    expect(listingKey('Undated', paginate([...articles.slice(0, -1), edited(articles.at(-1)!)], '/archive/undated/')[0].page)).toBe(key);
    expect(listingKey('Undated', paginate([edited(articles[0]), ...articles.slice(1)], '/archive/undated/')[0].page)).not.toBe(key);
    expect(listingKey('Dated', first.page)).not.toBe(key);
    expect(listingKey('Undated', second.page)).not.toBe(key);
    expect(listingKey('Undated', paginate(articles.slice(0, -1), '/archive/undated/')[0].page)).not.toBe(key);
  });

  it('every page of a listing with a sentence about it (a topic’s spellings) changes its key with the sentence', () => {
    const keys = (about: string) => listingPaths(articles, '/topics/x/', 'X', { topic: 'x' }, { about }).map((path) => path.cacheKey);
    const before = keys('A place. Also written as Y.');
    expect(keys('A place. Also written as Y.')).toEqual(before);
    const after = keys('A place. Also written as Y and Z.');
    expect(after.filter((key, index) => key === before[index])).toEqual([]);
  });

  it('a listing’s first page with a timeline changes its key with the date of any of its records, even one on a later page', () => {
    const keys = (list: Article[], timeline = true) => listingPaths(list, '/tags/x/', 'Tagged “x”', { tag: 'x' }, { timeline }).map((path) => path.cacheKey);
    const redated = (article: Article): Article => ({ ...article, date: '2019-03', dateSource: 'front-matter' });
    const last = articles.length - 1;
    const [first, second] = keys(articles);
    expect(keys([...articles.slice(0, last), edited(articles[last])]).slice(0, 2)).toEqual([first, second]);
    const afterRedating = keys([...articles.slice(0, last), redated(articles[last])]);
    expect(afterRedating[0]).not.toBe(first);
    expect(afterRedating[1]).toBe(second);
    const withoutTimeline = keys(articles, false)[0];
    expect(withoutTimeline).not.toBe(first);
    expect(keys([...articles.slice(0, last), redated(articles[last])], false)[0]).toBe(withoutTimeline);
    expect(listingPaths(articles, '/tags/x/', 'Tagged “x”', { tag: 'x' }, { timeline: true }).map((path) => Boolean(path.props.timeline))).toEqual([true, false, false]);
  });

  it('an article page changes its key with its record (its body with it), the names or slugs of its terms, its neighbours, its related articles and its entities’ names', () => {
    const around = { previous: articles[1], next: articles[2] };
    const related = [{ slug: articles[1].slug, title: articles[1].title, lang: articles[1].lang, date: articles[1].date, shared: ['Palmyra'] }];
    const names = 'Palmyra, Tadmur';
    const key = articleKey(articles[0], [term('Assad', 'assad')], around, related, names);
    expect(articleKey({ ...articles[0] }, [term('Assad', 'assad')], { ...around }, [{ ...related[0] }], names)).toBe(key);
    expect(articleKey(edited(articles[0]), [term('Assad', 'assad')], around, related, names)).not.toBe(key);
    expect(articleKey(articles[0], [term('Assad', 'assad-2')], around, related, names)).not.toBe(key);
    expect(articleKey(articles[0], [term('ASSAD', 'assad')], around, related, names)).not.toBe(key);
    expect(articleKey(articles[0], [term('Assad', 'assad')], { ...around, next: articles[3] }, related, names)).not.toBe(key);
    expect(articleKey(articles[0], [term('Assad', 'assad')], { previous: { ...articles[1], title: 'Retitled' }, next: articles[2] }, related, names)).not.toBe(key);
    // A neighbour's body is not on the page.
    expect(articleKey(articles[0], [term('Assad', 'assad')], { ...around, next: edited(articles[2]) }, related, names)).toBe(key);
    expect(articleKey(articles[0], [term('Assad', 'assad')], around, [], names)).not.toBe(key);
    expect(articleKey(articles[0], [term('Assad', 'assad')], around, [{ ...related[0], title: 'Retitled' }], names)).not.toBe(key);
    expect(articleKey(articles[0], [term('Assad', 'assad')], around, [{ ...related[0], shared: ['Palmyra', 'Homs'] }], names)).not.toBe(key);
    expect(articleKey(articles[0], [term('Assad', 'assad')], around, related, 'Palmyra, Tadmur, Tadmor')).not.toBe(key);
  });
});
