/** The sitemap's files: every page's address under the site's, in natural order, no error page, cut at 45,000. */
import { describe, expect, it } from 'vitest';
import { sitemapFiles } from '../../src/lib/sitemap.ts';

const SITE = new URL('https://user.github.io/archive/');
const locations = (xml: string | undefined) => [...(xml ?? '').matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);

describe('sitemapFiles', () => {
  it('lists every page under the site address, in natural order, without the error pages', () => {
    const files = sitemapFiles(SITE, ['tags/assad/10/', '', 'tags/assad/2/', '404', '/search/', 'tags/assad/']);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    expect(locations(files.get('sitemap-0.xml'))).toEqual([
      'https://user.github.io/archive/',
      'https://user.github.io/archive/search/',
      'https://user.github.io/archive/tags/assad/',
      'https://user.github.io/archive/tags/assad/2/',
      'https://user.github.io/archive/tags/assad/10/',
    ]);
    expect(locations(files.get('sitemap-index.xml'))).toEqual(['https://user.github.io/archive/sitemap-0.xml']);
    expect(files.get('sitemap-0.xml')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  });

  it('escapes what XML would read as markup', () => {
    const xml = sitemapFiles(SITE, ["a&b/'<c>/"]).get('sitemap-0.xml');
    expect(xml).toContain('<loc>https://user.github.io/archive/a&#38;b/&#39;%3Cc%3E/</loc>');
  });

  it('cuts the addresses into files of 45,000, all named in the index', () => {
    const pages = Array.from({ length: 90_001 }, (_, index) => `articles/${index}/`);
    const files = sitemapFiles(SITE, pages);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-index.xml']);
    expect(locations(files.get('sitemap-0.xml'))).toHaveLength(45_000);
    expect(locations(files.get('sitemap-2.xml'))).toEqual(['https://user.github.io/archive/articles/90000/']);
    expect(locations(files.get('sitemap-index.xml'))).toEqual([0, 1, 2].map((part) => `https://user.github.io/archive/sitemap-${part}.xml`));
  });
});
