import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/consts.ts';
import { listingPageUrl, paginate } from '../../src/lib/pagination.ts';
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
