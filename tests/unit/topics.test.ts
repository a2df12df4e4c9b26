/** Topics (the entities the archive names, grouped) and related articles, on records parsed with the shipped gazetteer. */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/ingest/record.ts';
import { RELATED_SHOWN } from '../../src/lib/related.ts';
import { searchNames } from '../../src/lib/search-filters.ts';
import { buildArchive } from '../../src/lib/taxonomy.ts';
import { parseFiles } from './helpers.ts';

/** One full-text capture per entry: title → text, with optional tags in front matter. */
function archiveOf(entries: Record<string, string | { text: string; tags: string[] }>, order: 'forward' | 'backward' = 'forward') {
  const files = Object.entries(entries).map(([title, entry], index): [string, string] => {
    const { text, tags } = typeof entry === 'string' ? { text: entry, tags: [] } : entry;
    const frontMatter = tags.length ? `---\ntags: [${tags.join(', ')}]\n---\n` : '';
    return [`${String(index).padStart(3, '0')}.txt`, `${frontMatter}${title}\n\n${text}\n`];
  });
  const { articles, problems } = parseFiles(Object.fromEntries(order === 'forward' ? files : files.reverse()));
  expect(problems).toEqual([]);
  return buildArchive(articles);
}

const byTitle = (articles: Article[], title: string) => articles.find((article) => article.title === title)!;

describe('topics', () => {
  it('group the articles that name an entity, newest first, most named first, with the other spellings the archive uses', () => {
    const archive = archiveOf({
      'First report': 'Shelling in Deir Ezzor and Deir ez-Zor.',
      'Second report': 'Troops near Deir-ez-Zor and DEIR EZZOR, and in Homs.',
      'Third report': 'Talks in Deir ez-Zor.',
      'Fourth report': 'Nothing named here.',
    });
    expect(archive.topics.map(({ name, slug, kind, spellings, articles }) => ({ name, slug, kind, spellings, articles: articles.map((article) => article.title).sort() }))).toEqual([
      { name: 'Deir ez-Zor', slug: 'deir-ez-zor', kind: 'place', spellings: ['Deir Ezzor', 'Deir-ez-Zor'], articles: ['First report', 'Second report', 'Third report'] },
      { name: 'Homs', slug: 'homs', kind: 'place', spellings: [], articles: ['Second report'] },
    ]);
    expect(archive.topicOf('homs')).toBe(archive.topics[1]);
  });
});

describe('related articles', () => {
  const entries = {
    Target: { text: 'Fighting in Mayadin, Homs and Syria.', tags: ['Frontline'] },
    'Shares a rare place': 'Mayadin again, in Syria.',
    'Shares a common place only': 'Elsewhere in Syria.',
    'Shares the tag': { text: 'A quiet day.', tags: ['Frontline'] },
    'Shares two places': 'Mayadin and Homs, Syria.',
    'Also shares Homs (a)': 'Homs, Syria.',
    'Also shares Homs (b)': 'Homs, Syria.',
    'Shares nothing': 'Paris and London.',
    'Syria once more': 'Syria.',
  };

  it('rank articles by the entities and tags they share, a rarer one weighing more, ties broken by slug', () => {
    const archive = archiveOf(entries);
    const related = archive.relatedTo(byTitle(archive.articles, 'Target'));
    expect(related.map(({ article, shared }) => [article.title, shared.map((term) => term.name)])).toEqual([
      ['Shares two places', ['Mayadin', 'Homs', 'Syria']],
      ['Shares the tag', ['Frontline']],
      ['Shares a rare place', ['Mayadin', 'Syria']],
      ['Also shares Homs (a)', ['Homs', 'Syria']],
      ['Also shares Homs (b)', ['Homs', 'Syria']],
    ]);
    expect(related).toHaveLength(RELATED_SHOWN);
    const [first, second, third] = related.map((entry) => entry.score);
    expect(first).toBeGreaterThan(second);
    // Of 9 articles, 2 are tagged Frontline, 3 name Mayadin and 7 Syria: the tag alone outweighs both places.
    expect(second).toBeCloseTo(Math.log(9 / 2));
    expect(third).toBeCloseTo(Math.log(9 / 3) + Math.log(9 / 7));
  });

  it('are the same whatever order the seed files are read in', () => {
    const titles = (order: 'forward' | 'backward') => {
      const archive = archiveOf(entries, order);
      return archive.articles.map((article) => [article.title, archive.relatedTo(article).map((entry) => entry.article.slug)]);
    };
    expect(titles('backward')).toEqual(titles('forward'));
  });

  it('leave out articles that share nothing, or only a term every article has', () => {
    const archive = archiveOf({ One: 'Syria and Homs.', Two: 'Syria.', Three: 'Syria, Paris.' });
    expect(archive.relatedTo(byTitle(archive.articles, 'Two'))).toEqual([]);
    expect(archive.relatedTo(byTitle(archive.articles, 'Three'))).toEqual([]);
  });

  it('find an article through a rare term even when a common term has more articles than are scored', () => {
    const many = Object.fromEntries(Array.from({ length: 400 }, (_, index) => [`Common ${String(index).padStart(3, '0')}`, 'Damascus.']));
    const archive = archiveOf({ ...many, Target: 'Damascus and Mayadin.', 'Zz last by title': 'Mayadin, Damascus.', Elsewhere: 'Paris.' });
    const [best, ...others] = archive.relatedTo(byTitle(archive.articles, 'Target'));
    expect(best.article.title).toBe('Zz last by title');
    expect(others.map((entry) => entry.article.title)).toEqual(['Common 000', 'Common 001', 'Common 002', 'Common 003']);
  });
});

describe('the names field of search', () => {
  const entities = new Map([
    ['islamic-state', { names: ['Islamic State', 'ISIS'], within: ['islamic-state'] }],
    ['coalition', { names: ['anti-ISIS coalition'], within: ['coalition', 'islamic-state'] }],
    ['palmyra', { names: ['Palmyra', 'Tadmur'], within: ['palmyra'] }],
  ]);
  const spellings = new Map([['islamic-state', ['IS', 'Daesh']]]);

  it('holds the names of the entities an article mentions and of those inside their names, with the spellings the archive uses, each once', () => {
    expect(searchNames(['coalition', 'palmyra'], entities, (slug) => spellings.get(slug) ?? [])).toBe('anti-ISIS coalition, Islamic State, ISIS, IS, Daesh, Palmyra, Tadmur');
    expect(searchNames(['islamic-state', 'coalition'], entities, (slug) => spellings.get(slug) ?? [])).toBe('Islamic State, ISIS, IS, Daesh, anti-ISIS coalition');
    expect(searchNames([], entities, () => [])).toBe('');
  });
});
