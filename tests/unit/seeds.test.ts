/** The real captures in seeds/: counts, per-file facts and record invariants. */
import { beforeAll, describe, expect, it } from 'vitest';
import { recordsJson } from '../../src/ingest/handover.ts';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import { ArticleSchema, type ParseResult } from '../../src/ingest/record.ts';
import { SEEDS_DIR, SEED_FILES, byTitle, fromFile } from './helpers.ts';

let result: ParseResult;
beforeAll(async () => {
  result = await parseSeedDir(SEEDS_DIR);
});

describe('the five seed files', () => {
  it('give exactly 46 articles and no problems', () => {
    expect(result.articles).toHaveLength(46);
    expect(result.problems).toEqual([]);
  });

  it('give 10, 10, 10, 6 and 10 articles per file (by origins)', () => {
    expect(SEED_FILES.map((file) => fromFile(result.articles, file).length)).toEqual([10, 10, 10, 6, 10]);
  });

  it('give records that all pass ArticleSchema', () => {
    for (const article of result.articles) expect(ArticleSchema.safeParse(article).error).toBeUndefined();
  });

  it('are handed over and published as JSON.stringify writes them, record for record', () => {
    expect(recordsJson(result.articles)).toBe(JSON.stringify(result.articles));
    expect(recordsJson([])).toBe('[]');
  });

  it('give unique slugs, sorted', () => {
    const slugs = result.articles.map((article) => article.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual([...slugs].sort());
    for (const slug of slugs) {
      expect(slug).toMatch(/^[a-z0-9-]+$/);
      expect(slug.length).toBeLessThanOrEqual(80);
    }
  });

  it('keep their header lines in the origins and take no line for page furniture', () => {
    const origins = result.articles.flatMap((article) => article.origins);
    expect(origins.flatMap((origin) => origin.header).sort()).toEqual([
      'Al Masdar News',
      'By Eva Bartlett',
      'By on the ground journalist Afraa Dagher',
      'Source: Press TV',
      'Source: South Front',
      'Source: Syrian News',
    ]);
    expect(origins.flatMap((origin) => origin.furniture)).toEqual([]);
  });

  it('parse to byte-identical JSON when run twice', async () => {
    const again = await parseSeedDir(SEEDS_DIR);
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });
});

describe('tag pages', () => {
  it('tag every article in 002 "Assad"', () => {
    for (const article of fromFile(result.articles, SEED_FILES[2])) expect(article.tags).toContain('Assad');
  });

  it('tag every article in 004 "US-led coalition"', () => {
    for (const article of fromFile(result.articles, SEED_FILES[4])) expect(article.tags).toContain('US-led coalition');
  });
});

describe('003, the full-text captures', () => {
  const articles = () => fromFile(result.articles, SEED_FILES[3]);

  it('name the sources Press TV, Syrian News, Al Masdar News and South Front', () => {
    const sources = articles().flatMap((article) => article.sources);
    expect(sources).toEqual(expect.arrayContaining(['Press TV', 'Syrian News', 'Al Masdar News', 'South Front']));
  });

  it('read the authors Eva Bartlett and Afraa Dagher from the bylines', () => {
    expect(byTitle(articles(), 'Eva Bartlett: Second trip').authors).toEqual(['Eva Bartlett']);
    expect(byTitle(articles(), 'Syria: Coordinated Terror Attacks').authors).toEqual(['Afraa Dagher']);
  });

  it('take the bare outlet line under a title as the source', () => {
    expect(byTitle(articles(), 'Battle for Aleppo').sources).toEqual(['Al Masdar News']);
  });

  it('turn "Emergency UNSC meeting" in the Press TV article into a heading', () => {
    const pressTv = articles().find((article) => article.sources.includes('Press TV'));
    expect(pressTv?.body.split('\n')).toContain('## Emergency UNSC meeting');
  });

  it('keep the YouTube link of "Serena Ghoukah interviews Dr Tim Anderson"', () => {
    const video = byTitle(articles(), 'Serena Ghoukah interviews Dr Tim Anderson');
    expect(video.links).toContain('https://www.youtube.com/watch?v=wXQU8X8PIM4');
    expect(video.body).toContain('https://www.youtube.com/watch?v=wXQU8X8PIM4');
  });

  it('date "Eva Bartlett: Second trip to Aleppo – August 2016" 2016-08 from the title', () => {
    const trip = byTitle(articles(), 'Eva Bartlett: Second trip to Aleppo – August 2016');
    expect(trip).toMatchObject({ date: '2016-08', dateSource: 'title' });
  });

  it('are full texts with a body', () => {
    for (const article of articles()) expect(article).toMatchObject({ truncated: false, body: expect.stringMatching(/\S/) });
  });
});

describe('teasers and titles', () => {
  it('keep Çavuşoğlu in the teaser of the Turkish article in 002', () => {
    const turkish = byTitle(fromFile(result.articles, SEED_FILES[2]), 'Turkish Foreign Ministry');
    expect(turkish.teaser).toContain('Çavuşoğlu');
  });

  it('never end an excerpt teaser with an ellipsis', () => {
    const excerpts = result.articles.filter((article) => article.truncated);
    expect(excerpts).toHaveLength(40);
    for (const { teaser } of excerpts) {
      expect(teaser).not.toMatch(/(…|\.\.\.)\s*$/);
      expect(teaser).not.toBe('');
    }
  });

  it('give truncated excerpts an empty body', () => {
    for (const article of result.articles.filter((a) => a.truncated)) expect(article.body).toBe('');
  });

  it('keep full-text teasers at 300 characters or fewer', () => {
    for (const article of result.articles.filter((a) => !a.truncated)) {
      expect(article.teaser.length).toBeGreaterThan(0);
      expect(article.teaser.length).toBeLessThanOrEqual(300);
    }
  });

  it('have no NBSP and normalised whitespace in titles', () => {
    for (const { title } of result.articles) {
      expect(title).not.toContain('\u00a0');
      expect(title).toBe(title.replace(/\s+/g, ' ').trim());
    }
  });
});
