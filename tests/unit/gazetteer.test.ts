/** The gazetteer files: the shipped list, a seed folder's entities.yaml, and every mistake as a problem with a line. */
import { describe, expect, it } from 'vitest';
import { compileGazetteer, matchEntities, type CompiledGazetteer } from '../../src/ingest/entities.ts';
import { ENTITY_KINDS, loadGazetteer, mergeEntries, readGazetteer } from '../../src/ingest/gazetteer.ts';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article, Problem } from '../../src/ingest/record.ts';
import { SEEDS_DIR, makeSeedDir, runCli, utf8 } from './helpers.ts';

/** Reads, merges and compiles one file on its own: all its problems, and what matches. */
function check(yaml: string): { problems: Problem[]; gazetteer: CompiledGazetteer } {
  const read = readGazetteer(yaml, 'entities.yaml');
  const merged = mergeEntries([], read.entries);
  const { gazetteer, problems } = compileGazetteer(merged.entities);
  return { problems: [...read.problems, ...merged.problems, ...problems], gazetteer };
}

const names = (gazetteer: CompiledGazetteer, text: string) => matchEntities(text, gazetteer).map((mention) => mention.name);
const error = (line: number, message: string | RegExp) => ({ file: 'entities.yaml', line, severity: 'error', message: expect.stringMatching(message) });
const warning = (line: number, message: string | RegExp) => ({ file: 'entities.yaml', line, severity: 'warning', message: expect.stringMatching(message) });

describe('the shipped gazetteer', () => {
  it('has no problems and at least 80 entities of every kind, each with its own slug', async () => {
    const { gazetteer, problems } = await loadGazetteer(SEEDS_DIR);
    expect(problems).toEqual([]);
    expect(gazetteer.topics.length).toBeGreaterThanOrEqual(80);
    expect(new Set(gazetteer.topics.map((topic) => topic.kind))).toEqual(new Set(ENTITY_KINDS));
    expect(new Set(gazetteer.topics.map((topic) => topic.slug)).size).toBe(gazetteer.topics.length);
    for (const topic of gazetteer.topics) expect(topic.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('lists aliases as written, without the name itself', async () => {
    const { gazetteer } = await loadGazetteer(SEEDS_DIR);
    const palmyra = gazetteer.topics.find((topic) => topic.name === 'Palmyra');
    expect(palmyra).toEqual({ slug: 'palmyra', name: 'Palmyra', kind: 'place', aliases: ['Tadmur', 'Tadmor', 'Palmyre', 'Пальмира'] });
  });
});

describe('reading a gazetteer file', () => {
  it('reads name, kind, aliases (a list or one text) and case-sensitive aliases', () => {
    const { problems, gazetteer } = check('- name: Example Town\n  kind: place\n  aliases: Exampleville\n  caseSensitive: [EXT]\n');
    expect(problems).toEqual([]);
    expect(names(gazetteer, 'Example Town, exampleville, EXT, ext')).toEqual(['Example Town']);
    expect(matchEntities('Example Town, exampleville, EXT, ext', gazetteer)[0].count).toBe(3);
  });

  it('accepts an empty file or one with only comments', () => {
    expect(check('').problems).toEqual([]);
    expect(check('# nothing yet\n').problems).toEqual([]);
  });

  it('reports invalid YAML at its line', () => {
    expect(check('- name: A\n  kind: place\n- name: B\n  kind: [place\n').problems).toEqual([error(5, /^not valid YAML: /)]);
    expect(check('- name: A\n  name: B\n  kind: place\n').problems).toEqual([error(2, /^not valid YAML: .*unique/)]);
  });

  it('reports a file that is not a list, and an entry that is not a mapping', () => {
    expect(check('name: A\nkind: place\n').problems).toEqual([error(1, 'expected a list of entities')]);
    expect(check('- name: A\n  kind: place\n- just a name\n').problems).toEqual([error(3, 'expected an entity')]);
  });

  it('reports a missing name, an unknown kind and values of the wrong type at their lines', () => {
    expect(check('- kind: place\n  aliases: [X]\n').problems).toEqual([error(1, /^entity: "name" is missing$/)]);
    expect(check('- name: A\n  kind: city\n').problems).toEqual([error(2, /^entity "A": "kind" expected one of person, place, organisation \(got "city"\)$/)]);
    expect(check('- name: A\n  kind: place\n  aliases: 7\n').problems).toEqual([error(3, /"aliases" expected a list of text \(got 7\)/)]);
    expect(check('- name: A\n  kind: place\n  aliases:\n    - X\n    - 1917\n    - ""\n').problems).toEqual([
      error(5, /"aliases" item 2 expected text \(got 1917\)/),
      error(6, /"aliases" item 3 must not be empty/),
    ]);
    expect(check('- name: A\n  kind: place\n  replace: yes\n').problems).toEqual([error(3, /"replace" expected true or false/)]);
  });

  it('warns about an unknown key and keeps the rest of the entry', () => {
    const { problems, gazetteer } = check('- name: A\n  kind: place\n  alias: [B]\n');
    expect(problems).toEqual([warning(3, /^entity "A": unknown key "alias" ignored/)]);
    expect(names(gazetteer, 'A and B')).toEqual(['A']);
  });

  it('reports an entity listed twice in one file, and a new entity without a kind', () => {
    expect(check('- name: Aleppo\n  kind: place\n- name: ALEPPO\n  kind: place\n').problems).toEqual([error(3, /^entity "ALEPPO": already listed at line 1/)]);
    expect(check('- name: A\n  aliases: [B]\n').problems).toEqual([error(1, /^entity "A": a new entity needs a kind/)]);
  });

  it('reports an alias that two entities claim, once folded, at the second one', () => {
    const { problems, gazetteer } = check('- name: A\n  kind: place\n  aliases: [Deir ez-Zor]\n- name: B\n  kind: place\n  aliases:\n    - Bee\n    - deir ezzor\n');
    expect(problems).toEqual([error(8, /^entity "B": alias "deir ezzor" is already an alias of "A" \(as "Deir ez-Zor" at entities.yaml:3\)/)]);
    expect(names(gazetteer, 'Deir Ezzor, Bee')).toEqual(['A', 'B']);
  });

  it('lets case-sensitive aliases of different case stand for different entities, but not an alias in any case', () => {
    expect(check('- name: A\n  kind: place\n  caseSensitive: [US]\n- name: B\n  kind: place\n  caseSensitive: [Us]\n').problems).toEqual([]);
    expect(check('- name: A\n  kind: place\n  caseSensitive: [US]\n- name: B\n  kind: place\n  aliases: [us]\n').problems).toEqual([
      error(6, /^entity "B": alias "us" is already an alias of "A"/),
    ]);
  });

  it('reports an alias that could never match', () => {
    expect(check('- name: A\n  kind: place\n  aliases: [St. Petersburg, al-, "…"]\n').problems).toEqual([
      error(3, /alias "St. Petersburg" can never match: .*found "\. "/),
      error(3, /alias "al-" is only an Arabic article/),
      error(3, /alias "…" has no letters or digits/),
    ]);
  });

  it('matches a name with a disambiguation only through its aliases', () => {
    const { gazetteer } = check('- name: Ministry of Defence (Russia)\n  kind: organisation\n  aliases: [Russian Defence Ministry]\n');
    expect(names(gazetteer, 'the Ministry of Defence (Russia) and the Russian Defence Ministry')).toEqual(['Ministry of Defence (Russia)']);
    expect(matchEntities('the Ministry of Defence (Russia)', gazetteer)).toEqual([]);
  });
});

describe("a seed folder's entities.yaml", () => {
  it('adds entities and aliases to the shipped ones', async () => {
    const dir = await makeSeedDir({
      'entities.yaml': '- name: Second Qumran Foundation\n  kind: organisation\n\n- name: Deir ez-Zor\n  aliases: [Dar Zoor]\n',
    });
    const { gazetteer, problems } = await loadGazetteer(dir);
    expect(problems).toEqual([]);
    expect(names(gazetteer, 'the Second Qumran Foundation in Dar Zoor and Deir ez-Zor')).toEqual(['Deir ez-Zor', 'Second Qumran Foundation']);
    expect(gazetteer.topics.find((topic) => topic.name === 'Deir ez-Zor')?.aliases).toContain('Dar Zoor');
  });

  it('replaces a shipped entity by its canonical name, kind and aliases included', async () => {
    const dir = await makeSeedDir({
      'entities.yaml': '- name: bashar al-assad\n  replace: true\n  kind: person\n  aliases: [President Assad]\n- name: Palmyra\n  kind: organisation\n',
    });
    const { gazetteer, problems } = await loadGazetteer(dir);
    expect(problems).toEqual([]);
    expect(matchEntities('Assad met President Assad in Palmyra', gazetteer).map(({ name, kind, count }) => ({ name, kind, count }))).toEqual([
      { name: 'bashar al-assad', kind: 'person', count: 1 },
      { name: 'Palmyra', kind: 'organisation', count: 1 },
    ]);
  });

  it('reports its mistakes at its own lines, after the shipped file', async () => {
    const dir = await makeSeedDir({
      'entities.yaml': '- name: Daesh Watch\n  kind: organisation\n  aliases: [Daesh]\n- name: Nowhere\n  replace: true\n  kind: place\n- name: Palmyra\n  kind: ruin\n',
    });
    const { problems, gazetteer } = await loadGazetteer(dir);
    expect(problems).toEqual([
      error(3, /^entity "Daesh Watch": alias "Daesh" is already an alias of "Islamic State" \(as "Daesh" at src\/ingest\/gazetteer.yaml:\d+\)/),
      warning(4, /^entity "Nowhere": replace: true, but there is no entity of that name/),
      error(8, /^entity "Palmyra": "kind" expected one of person, place, organisation \(got "ruin"\)/),
    ]);
    expect(names(gazetteer, 'Daesh in Palmyra')).toEqual(['Islamic State', 'Palmyra']);
  });

  it('is read with a byte-order mark and CRLF line endings, and invalid UTF-8 is an error with its line', async () => {
    const withBom = await makeSeedDir({ 'entities.yaml': '\uFEFF- name: Example Town\r\n  kind: place\r\n  aliases: [Exampleville]\r\n' });
    const read = await loadGazetteer(withBom);
    expect(read.problems).toEqual([]);
    expect(names(read.gazetteer, 'Exampleville')).toEqual(['Example Town']);
    const invalid = await makeSeedDir({ 'entities.yaml': new Uint8Array([...utf8('- name: A\n  kind: place\n  aliases: [B'), 0xff, ...utf8(']\n')]) });
    expect((await loadGazetteer(invalid)).problems).toEqual([error(3, /^invalid UTF-8 at byte offset 37/)]);
  });
});

describe('entities.yaml through parseSeedDir', () => {
  const story = 'A night in Dar Zoor\n\nFighting went on near Dar Zoor and in Palmyra, said the Second Qumran Foundation.\n';
  const entitiesOf = (articles: Article[]) => articles[0].entities.map(({ name, kind, count, spellings }) => ({ name, kind, count, spellings }));

  it('gives the records its added entity and aliases, and is not reported as a skipped file', async () => {
    const shipped = await parseSeedDir(await makeSeedDir({ 'story.txt': story }));
    expect(entitiesOf(shipped.articles)).toEqual([{ name: 'Palmyra', kind: 'place', count: 1, spellings: ['Palmyra'] }]);
    const dir = await makeSeedDir({
      'story.txt': story,
      'entities.yaml': '- name: Second Qumran Foundation\n  kind: organisation\n- name: Deir ez-Zor\n  aliases: [Dar Zoor]\n',
    });
    const { articles, problems } = await parseSeedDir(dir);
    expect(problems).toEqual([]);
    expect(entitiesOf(articles)).toEqual([
      { name: 'Deir ez-Zor', kind: 'place', count: 2, spellings: ['Dar Zoor'] },
      { name: 'Palmyra', kind: 'place', count: 1, spellings: ['Palmyra'] },
      { name: 'Second Qumran Foundation', kind: 'organisation', count: 1, spellings: ['Second Qumran Foundation'] },
    ]);
  });

  it('overrides a shipped entity: replace: true drops its aliases', async () => {
    const dir = await makeSeedDir({ 'story.txt': 'Tadmur and Palmyra\n\nTadmur, also Palmyra.\n', 'entities.yaml': '- name: Palmyra\n  replace: true\n' });
    const { articles, problems } = await parseSeedDir(dir);
    expect(problems).toEqual([]);
    expect(entitiesOf(articles)).toEqual([{ name: 'Palmyra', kind: 'place', count: 2, spellings: ['Palmyra'] }]);
  });

  it('fails like a front-matter error: an error names entities.yaml and its line, and the CLI exits 1', async () => {
    const dir = await makeSeedDir({ 'story.txt': story, 'entities.yaml': '- name: Second Qumran Foundation\n  kind: organisation\n- name: Nowhere Town\n  aliases: [Nowhereville]\n' });
    const { articles, problems } = await parseSeedDir(dir);
    expect(problems).toEqual([error(3, /^entity "Nowhere Town": a new entity needs a kind \(person, place, organisation\)$/)]);
    expect(articles).toHaveLength(1);
    const cli = runCli(dir);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('entities.yaml:3: error: entity "Nowhere Town": a new entity needs a kind');
  });

  it('is known only at the top of the seed folder: elsewhere it is a skipped file', async () => {
    const dir = await makeSeedDir({ 'story.txt': story, 'more/entities.yaml': '- name: Nowhere Town\n  kind: place\n' });
    expect((await parseSeedDir(dir)).problems).toEqual([{ file: 'more/entities.yaml', line: 0, severity: 'warning', message: 'not a .txt file; skipped' }]);
  });
});
