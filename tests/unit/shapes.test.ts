/** The three seed shapes and how each capture becomes a record's fields. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSeed } from '../../src/ingest/decode.ts';
import { renderBody } from '../../src/lib/markdown.ts';
import { detectShape, parseFullText, parseListing, parseTagPage } from '../../src/ingest/shapes.ts';
import { SEEDS_DIR, SEED_FILES, parseText } from './helpers.ts';

const seedLines = (file: string): string[] => {
  const decoded = decodeSeed(readFileSync(join(SEEDS_DIR, file)));
  if (!decoded.ok) throw new Error(`${file} is not UTF-8`);
  return decoded.text.split('\n');
};

const LISTING = `First headline

First teaser that was cut…


Second headline

Second teaser, cut with a space …


Third headline

Third teaser cut with dots...
`;

const TAG_PAGE = `Contents tagged with Assad

  • First bullet title

    Opening paragraph of the first.

    Second paragraph, cut …

  • Second bullet title

    Only paragraph …
`;

const FULL_TEXT = `War Crime: something happened

Source: Press TV
First paragraph of the article.

Another paragraph with https://example.org/report in it.

Emergency UNSC meeting

Closing paragraph.




Second article title

By on the ground journalist Afraa Dagher
Source: Syrian News
Text of the second article.




Third article title

Al Masdar News
Text of the third article.
`;

describe('detectShape', () => {
  it('recognises the shapes of the real seeds', () => {
    expect(SEED_FILES.map((file) => detectShape(seedLines(file)))).toEqual(['listing', 'listing', 'tag-page', 'full-text', 'tag-page']);
  });

  it('recognises the three shapes in small samples', () => {
    expect(detectShape(LISTING.split('\n'))).toBe('listing');
    expect(detectShape(TAG_PAGE.split('\n'))).toBe('tag-page');
    expect(detectShape(FULL_TEXT.split('\n'))).toBe('full-text');
  });
});

describe('parseListing', () => {
  it('gives one excerpt capture per title, with its 0-based line', () => {
    const captures = parseListing(LISTING.split('\n'));
    expect(captures.map(({ title, lineIndex, excerpt }) => ({ title, lineIndex, excerpt }))).toEqual([
      { title: 'First headline', lineIndex: 0, excerpt: true },
      { title: 'Second headline', lineIndex: 5, excerpt: true },
      { title: 'Third headline', lineIndex: 10, excerpt: true },
    ]);
  });
});

describe('parseTagPage', () => {
  it('reads the tag, each bullet title and its indented paragraphs', () => {
    const captures = parseTagPage(TAG_PAGE.split('\n'));
    expect(captures).toHaveLength(2);
    expect(captures[0]).toMatchObject({
      title: 'First bullet title',
      tag: 'Assad',
      lineIndex: 2,
      paragraphs: ['Opening paragraph of the first.', 'Second paragraph, cut …'],
    });
    expect(captures[1]).toMatchObject({ title: 'Second bullet title', tag: 'Assad', lineIndex: 8 });
  });
});

describe('parseFullText', () => {
  it('splits captures four blank lines apart and separates header lines from the text', () => {
    const captures = parseFullText(FULL_TEXT.split('\n'));
    expect(captures.map(({ title, lineIndex, header, excerpt }) => ({ title, lineIndex, header: header.map((line) => line.text), excerpt }))).toEqual([
      { title: 'War Crime: something happened', lineIndex: 0, header: ['Source: Press TV'], excerpt: false },
      { title: 'Second article title', lineIndex: 14, header: ['By on the ground journalist Afraa Dagher', 'Source: Syrian News'], excerpt: false },
      { title: 'Third article title', lineIndex: 23, header: ['Al Masdar News'], excerpt: false },
    ]);
    expect(captures[0].paragraphs[0]).toBe('First paragraph of the article.');
  });
});

describe('record fields', () => {
  it('strip "…", " …" and "..." from excerpt teasers and mark them truncated with no body', () => {
    const { articles } = parseText(LISTING);
    expect(articles.map(({ title, teaser, truncated, body }) => ({ title, teaser, truncated, body }))).toEqual([
      { title: 'First headline', teaser: 'First teaser that was cut', truncated: true, body: '' },
      { title: 'Second headline', teaser: 'Second teaser, cut with a space', truncated: true, body: '' },
      { title: 'Third headline', teaser: 'Third teaser cut with dots', truncated: true, body: '' },
    ]);
  });

  it('tag every tag-page article with the page tag', () => {
    const { articles } = parseText(TAG_PAGE);
    expect(articles.map((article) => article.tags)).toEqual([['Assad'], ['Assad']]);
  });

  it('read sources and authors from the header lines', () => {
    const { articles } = parseText(FULL_TEXT);
    const fields = Object.fromEntries(articles.map((a) => [a.title, { sources: a.sources, authors: a.authors }]));
    expect(fields).toEqual({
      'War Crime: something happened': { sources: ['Press TV'], authors: [] },
      'Second article title': { sources: ['Syrian News'], authors: ['Afraa Dagher'] },
      'Third article title': { sources: ['Al Masdar News'], authors: [] },
    });
  });

  it('read "By Eva Bartlett" as the author Eva Bartlett', () => {
    const [article] = parseText('A trip\n\nBy Eva Bartlett\nBack today from Aleppo.\n\nThen, the only route in was the Ramouseh road.\n').articles;
    expect(article.authors).toEqual(['Eva Bartlett']);
  });

  it('give 1-based title lines as origins', () => {
    const { articles } = parseText(FULL_TEXT, 'dir/full.txt');
    expect(articles.map((a) => [a.title, a.origins.map(({ file, line }) => ({ file, line }))])).toEqual(
      expect.arrayContaining([
        ['War Crime: something happened', [{ file: 'dir/full.txt', line: 1 }]],
        ['Second article title', [{ file: 'dir/full.txt', line: 15 }]],
        ['Third article title', [{ file: 'dir/full.txt', line: 24 }]],
      ]),
    );
  });

  it('make a short stand-alone line inside the body a ## heading', () => {
    const [article] = parseText(FULL_TEXT).articles.filter((a) => a.title.startsWith('War Crime'));
    expect(article.body.split('\n')).toContain('## Emergency UNSC meeting');
  });

  it('collect every URL as a link and make bare URLs links in the body', async () => {
    const { articles } = parseText('Links title\n\nSee https://example.org/a. And http://example.com/b?x=1 too.\n\nEnd paragraph.\n');
    expect(articles[0].links).toEqual(['https://example.org/a', 'http://example.com/b?x=1']);
    const html = await renderBody(articles[0].body);
    expect(html).toContain('<a href="https://example.org/a" rel="noopener noreferrer">');
    expect(html).toContain('<a href="http://example.com/b?x=1" rel="noopener noreferrer">');
  });

  it('shorten a long first paragraph to a teaser of at most 300 characters at a word boundary', () => {
    const paragraph = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const [article] = parseText(`Long title\n\n${paragraph}\n\nSecond paragraph.\n`).articles;
    expect(article.teaser.length).toBeLessThanOrEqual(300);
    expect(article.teaser.length).toBeGreaterThan(250);
    expect(paragraph.startsWith(`${article.teaser} `)).toBe(true);
  });

  it('use a short first paragraph whole as the teaser', () => {
    const [article] = parseText('Short title\n\nJust this.\n\nAnd more.\n').articles;
    expect(article.teaser).toBe('Just this.');
  });

  it('normalise whitespace and NBSP in titles', () => {
    const [article] = parseText('  Syria\u00a0talks \t resume\u00a0 \n\nSome text.\n').articles;
    expect(article.title).toBe('Syria talks resume');
  });

  it('read header lines of a one-paragraph full text, not fold them into the teaser', () => {
    const [article] = parseText('Short news\n\nSource: SANA\nBy Eva Bartlett\nOne paragraph of text.\n').articles;
    expect(article).toMatchObject({ sources: ['SANA'], authors: ['Eva Bartlett'], teaser: 'One paragraph of text.' });
  });

  it.each([
    ['Talks on 5 September 2016', '2016-09-05'],
    ['Talks on September 5, 2016', '2016-09-05'],
    ['Talks of 2016-09-05', '2016-09-05'],
  ])('date the title "%s" %s', (title, date) => {
    const [article] = parseText(`${title}\n\nText.\n\nMore.\n`).articles;
    expect(article).toMatchObject({ date, dateSource: 'title' });
  });

  it('date a title with an explicit month and year, and not one without', () => {
    const { articles } = parseText('Second trip to Aleppo – August 2016\n\nText.\n\n\n\n\nA plain title\n\nText.\n');
    expect(articles.find((a) => a.title.startsWith('Second'))).toMatchObject({ date: '2016-08', dateSource: 'title' });
    expect(articles.find((a) => a.title === 'A plain title')).toMatchObject({ date: null, dateSource: null });
  });
});
