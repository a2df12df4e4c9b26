/** YAML front matter: applied to every article in its file; bad values are problems with a line. */
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/ingest/frontmatter.ts';
import { parseText } from './helpers.ts';

const TWO_ARTICLES = `First article title

First text paragraph.

Second paragraph of the first.




Second article title

Text of the second.

More text of the second.
`;

const withFrontMatter = (yaml: string, body = TWO_ARTICLES) => `---\n${yaml}\n---\n${body}`;

describe('front matter', () => {
  it('applies date, tags, source and author to every article in the file', () => {
    const text = withFrontMatter('date: 2016-08-05\ntags: [Aleppo, Syria]\nsource: Press TV\nauthor: Eva Bartlett');
    const { articles, problems } = parseText(text);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(2);
    for (const article of articles) {
      expect(article).toMatchObject({
        date: '2016-08-05',
        dateSource: 'front-matter',
        tags: ['Aleppo', 'Syria'],
        sources: ['Press TV'],
        authors: ['Eva Bartlett'],
      });
    }
  });

  it('accepts YYYY, YYYY-MM and YYYY-MM-DD dates', () => {
    for (const date of ['2016', '2016-08', '2016-08-05']) {
      const { articles, problems } = parseText(withFrontMatter(`date: ${date}`));
      expect(problems).toEqual([]);
      expect(articles.map((article) => article.date)).toEqual([date, date]);
    }
  });

  it('accepts a list under sources and authors', () => {
    const { articles } = parseText(withFrontMatter('sources: [Press TV, SANA]\nauthors:\n  - Eva Bartlett\n  - Afraa Dagher'));
    expect(articles[0]).toMatchObject({ sources: ['Press TV', 'SANA'], authors: ['Eva Bartlett', 'Afraa Dagher'] });
  });

  it('wins over a date in the title', () => {
    const { articles } = parseText(withFrontMatter('date: 2017', 'Second trip to Aleppo – August 2016\n\nText.\n\nMore.\n'));
    expect(articles[0]).toMatchObject({ date: '2017', dateSource: 'front-matter' });
  });

  it('adds its tags after the tag-page tag, first-seen order, without duplicates', () => {
    const tagPage = 'Contents tagged with Assad\n\n  • A bullet title\n\n    A teaser …\n';
    const { articles } = parseText(withFrontMatter('tags: [Syria, Assad, Syria]', tagPage));
    expect(articles[0].tags).toEqual(['Assad', 'Syria']);
  });

  it('shifts origins to the title lines in the whole file', () => {
    const { articles } = parseText(withFrontMatter('tags: [Syria]\nsource: SANA'));
    // Front matter takes lines 1–4, so the titles at content lines 1 and 10 are file lines 5 and 14.
    expect(articles.map((article) => article.origins[0].line).sort((a, b) => a - b)).toEqual([5, 14]);
  });

  it('reports `date: yesterday` as an error on the line of the date key', () => {
    const { problems } = parseText(withFrontMatter('tags: [Syria]\ndate: yesterday'), 'dated.txt');
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatchObject({ file: 'dated.txt', line: 3, severity: 'error' });
    expect(problems[0].message).toContain('date');
  });

  it('reports `tags: 5` as an error on the line of the tags key', () => {
    const { problems } = parseText(withFrontMatter('source: SANA\ntags: 5'), 'tagged.txt');
    expect(problems).toEqual([expect.objectContaining({ file: 'tagged.txt', line: 3, severity: 'error' })]);
    expect(problems[0].message).toContain('tags');
  });

  it('warns about an unknown key, naming it and its line', () => {
    const { articles, problems } = parseText(withFrontMatter('tags: [Syria]\npublisher: SANA'), 'extra.txt');
    expect(problems).toEqual([expect.objectContaining({ file: 'extra.txt', line: 3, severity: 'warning' })]);
    expect(problems[0].message).toContain('publisher');
    expect(articles).toHaveLength(2);
  });

  it('leaves a file without front matter alone', () => {
    const result = readFrontMatter('Title\n\nText\n', 'plain.txt');
    expect(result).toMatchObject({ content: 'Title\n\nText\n', lineOffset: 0, problems: [] });
  });
});
