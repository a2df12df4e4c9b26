/** Inputs the parser must survive: bad bytes, bad YAML, empty files, odd line endings, markup, odd shapes and folders. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import { renderBody } from '../../src/lib/markdown.ts';
import { formatProblem, warningLines } from '../../src/ingest/problems.ts';
import { detectShape } from '../../src/ingest/shapes.ts';
import { makeSeedDir, parseText, utf8, withoutOriginFiles } from './helpers.ts';

const GOOD = 'A good headline\n\nA good paragraph.\n\nAnother good paragraph.\n';

describe('bad input', () => {
  it('names the likely encoding of a file that is not UTF-8, and the command that converts it', async () => {
    const latin1 = new Uint8Array(Buffer.from('Un café au lait\n\nLe café, dit-on, était fermé à Noël.\n', 'latin1'));
    const windows1251 = new Uint8Array([0xc0, 0xf0, 0xec, 0xe8, 0xff, 0x20, 0xee, 0xf1, 0xe2, 0xee, 0xe1, 0xee, 0xe4, 0xe8, 0xeb, 0xe0, 0x20, 0xc0, 0xeb, 0xe5, 0xef, 0xef, 0xee, 0x0a]);
    const dir = await makeSeedDir({ "l'atin.txt": latin1, 'cyrillic.txt': windows1251 });
    const { problems } = await parseSeedDir(dir);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^invalid UTF-8 at byte offset 0 \(byte 0xc0\): the file looks like windows-1251, and seed files must be UTF-8; convert it with `iconv -f windows-1251 -t UTF-8 'cyrillic\.txt' > converted\.tmp && mv converted\.tmp 'cyrillic\.txt'` in the seed folder$/),
      expect.stringMatching(/: the file looks like ISO-8859-1, .*`iconv -f ISO-8859-1 -t UTF-8 'l'\\''atin\.txt' > /),
    ]);
    expect(problems.map((problem) => problem.message).join('\n')).not.toContain('skipped');
  });

  it.each([
    ['does not exist', null, /^the seed folder does not exist \(set SEEDS_DIR/],
    ['is empty', {}, /^the seed folder holds no \.txt file: add captures/],
    ['holds no .txt file', { 'notes.md': '# Notes' }, /^the seed folder holds no \.txt file \(only 1 other file\): add captures/],
  ])('stops with one clear sentence when the seed folder %s', async (_, files, message) => {
    const dir = files ? await makeSeedDir(files) : join(await makeSeedDir({}), 'missing');
    const { articles, problems } = await parseSeedDir(dir);
    expect(articles).toEqual([]);
    expect(problems).toEqual([{ file: dir, line: 0, severity: 'error', message: expect.stringMatching(message) }]);
  });

  it('reports invalid UTF-8 with the file and byte offset, and still parses the other files', async () => {
    const prefix = utf8('A headline\n\nSome text ');
    const bad = new Uint8Array([...prefix, 0xff, ...utf8(' more text.\n')]);
    const dir = await makeSeedDir({ 'bad.txt': bad, 'good.txt': GOOD });
    const { articles, problems } = await parseSeedDir(dir);
    expect(problems).toEqual([expect.objectContaining({ file: 'bad.txt', severity: 'error' })]);
    expect(problems[0].message).toContain(`byte offset ${prefix.length}`);
    expect(articles.map((article) => article.title)).toEqual(['A good headline']);
  });

  it('reports a YAML error in front matter with the file and line', async () => {
    const dir = await makeSeedDir({ 'yaml.txt': `---\ndate: 2016\nfoo: bar: baz\n---\n${GOOD}`, 'good.txt': GOOD.replace('good', 'fine') });
    const { articles, problems } = await parseSeedDir(dir);
    expect(problems).toEqual([expect.objectContaining({ file: 'yaml.txt', line: 3, severity: 'error' })]);
    expect(formatProblem(problems[0])).toMatch(/^yaml\.txt:3: error: /);
    expect(articles.map((article) => article.title)).toContain('A fine headline');
  });

  it.each([
    ['an empty file', ''],
    ['a whitespace-only file', '  \n\n\t\n   \n'],
  ])('warns about %s without crashing', async (_, text) => {
    const dir = await makeSeedDir({ 'empty.txt': text, 'good.txt': GOOD });
    const { articles, problems } = await parseSeedDir(dir);
    expect(problems).toEqual([expect.objectContaining({ file: 'empty.txt', severity: 'warning' })]);
    expect(articles).toHaveLength(1);
  });

  it('reads a UTF-8 BOM and CRLF line endings like plain LF', () => {
    const lf = `---\ntags: [Syria]\n---\nFirst title\n\nSource: Press TV\nText of the first.\n\nShort Heading\n\nMore text.\n\n\n\n\nSecond title\n\nBy Eva Bartlett\nText of the second.\n\nEnd.\n`;
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    const fromLf = parseText(lf, 'lf.txt');
    const fromCrlf = parseText(crlf, 'crlf.txt');
    expect(fromCrlf.problems).toEqual([]);
    expect(fromLf.articles).toHaveLength(2);
    expect(fromCrlf.articles.map(withoutOriginFiles)).toEqual(fromLf.articles.map(withoutOriginFiles));
    for (const article of fromCrlf.articles) expect(JSON.stringify(article)).not.toMatch(/\\r|\\ufeff|\uFEFF/i);
  });

  describe('HTML-looking text', () => {
    const script = '<script>alert(1)</script>';
    const img = '<img src=x onerror=alert(1)>';
    const text = `${script} headline\n\nSource: ${img}\nFirst paragraph ${img} here.\n\n${script}\n\nLast paragraph ${script}.\n`;
    /** The text a browser would show for an HTML fragment. */
    const shownText = (html: string) =>
      html
        .replace(/<[^>]*>/g, '')
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
        .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');

    it('stays literal text in the title, teaser and sources', () => {
      const { articles } = parseText(text);
      expect(articles).toHaveLength(1);
      expect(articles[0].title).toBe(`${script} headline`);
      expect(articles[0].teaser).toBe(`First paragraph ${img} here.`);
      expect(articles[0].sources).toEqual([img]);
    });

    it('is escaped in the body so that it renders as text, not elements', async () => {
      const [article] = parseText(text).articles;
      expect(article.body).not.toMatch(/(^|[^\\])</m);
      const html = await renderBody(article.body);
      expect(html).not.toMatch(/<script|<img/i);
      expect(shownText(html)).toContain(`First paragraph ${img} here.`);
      expect(shownText(html)).toContain(`Last paragraph ${script}.`);
    });

    it('renders <script> in the body as the escaped text &lt;script>', async () => {
      const [article] = parseText(text).articles;
      expect(await renderBody(article.body)).toContain('&lt;script>alert(1)&lt;/script>');
    });
  });

  it('reads a file in none of the three shapes as full-text captures, dropping nothing', () => {
    const lines = [
      'Notes from the archive desk',
      'These lines follow no known shape',
      'Some are short',
      '',
      'A lone paragraph after one blank line',
      '',
      '',
      'Another chunk after two blank lines',
      'with a second line',
      '',
      'And a last one',
    ];
    expect(detectShape(lines)).toBe('full-text');
    const { articles, problems } = parseText(lines.join('\n'));
    expect(problems).toEqual([]);
    const everything = articles.flatMap((a) => [a.title, a.body, ...a.sources, ...a.authors]).join('\n');
    for (const line of lines.filter(Boolean)) expect(everything).toContain(line);
    for (const article of articles) expect(article.truncated).toBe(false);
  });

  it('warns about a non-.txt file in the folder and skips it', async () => {
    const dir = await makeSeedDir({ 'notes.md': '# Not a seed\n\nText.\n', 'good.txt': GOOD });
    const { articles, problems } = await parseSeedDir(dir);
    expect(problems).toEqual([expect.objectContaining({ file: 'notes.md', severity: 'warning' })]);
    expect(articles.map((article) => article.origins[0].file)).toEqual(['good.txt']);
  });

  it('reads sub-folders recursively', async () => {
    const dir = await makeSeedDir({ 'top.txt': GOOD, 'sub/deeper/nested.txt': GOOD.replace('good headline', 'nested headline') });
    const { articles, problems } = await parseSeedDir(dir);
    expect(problems).toEqual([]);
    expect(articles.flatMap((article) => article.origins.map((origin) => origin.file)).sort()).toEqual(['sub/deeper/nested.txt', 'top.txt']);
  });
});

describe('the build log’s warnings', () => {
  const problem = (line: number, severity: 'warning' | 'error' = 'warning') => ({ file: 'a.txt', line, severity, message: `problem ${line}` });

  it('are each shown when there are few', () => {
    expect(warningLines([problem(1), problem(2, 'error'), problem(3)], 'seeds')).toEqual(['a.txt:1: warning: problem 1', 'a.txt:3: warning: problem 3']);
  });

  it('are the first few and a count when there are many, with the command that lists them all', () => {
    const lines = warningLines(Array.from({ length: 25 }, (_, index) => problem(index + 1)), 'my seeds', 20);
    expect(lines).toHaveLength(21);
    expect(lines[19]).toBe('a.txt:20: warning: problem 20');
    expect(lines[20]).toBe('… and 5 more warnings: `npm run -s parse -- my seeds > /dev/null` lists every one');
  });
});
