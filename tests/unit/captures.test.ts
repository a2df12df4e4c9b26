/** A folder of captures as real sites print them (tests/fixtures/captures/): what each becomes, and that no line is lost. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import { containsWords } from '../../src/ingest/words.ts';
import type { ParseResult } from '../../src/ingest/record.ts';

const CAPTURES = join(import.meta.dirname, '..', 'fixtures', 'captures');
let result: ParseResult;

beforeAll(async () => {
  result = await parseSeedDir(CAPTURES);
});

describe('real-world captures', () => {
  it.each([
    ['aljazeera-ar.txt', '2016-10-21', 'header', 'ar', ['الجزيرة'], [], 'alamm-almthdt-thdhr-mn-kartht-ansanyt-fy-hlb'],
    ['tass-ru.txt', '2016-12-22', 'header', 'ru', ['ТАСС'], ['Иван Петров'], 'armiya-sirii-osvobodila-aleppo-ot-boevikov'],
    ['sana-dateline.txt', '2016-12-13', 'dateline', 'en', ['SANA'], [], 'army-units-restore-security-to-new-areas-in-eastern-aleppo'],
    ['ambiguous-date.txt', '2017-04-03', 'header', 'en', [], ['Adam Jones', 'Maria Lopez'], 'ceasefire-talks-resume-in-astana'],
    ['url-dated.txt', '2016-01-11', 'url', 'en', [], [], 'convoy-reaches-besieged-madaya'],
    ['elpais-es.txt', '2016-10-05', 'header', 'es', ['EL PAÍS'], ['Ana Carbajosa'], 'la-onu-pide-una-tregua-humanitaria-en-alepo'],
    ['reuters-dateline.txt', '2016-12-06', 'url', 'en', ['Reuters'], [], 'syrian-army-pushes-into-aleppos-old-city'],
    ['lemonde-fr.txt', '2016-10-04', 'header', 'fr', [], ['Benjamin Barthe'], 'syrie-lonu-reclame-une-treve-humanitaire-a-alep'],
    ['spiegel-de.txt', '2016-10-04', 'header', 'de', [], ['Christoph Sydow'], 'syrien-uno-warnt-vor-humanitarer-katastrophe-in-aleppo'],
    ['bbc-aleppo.txt', '2016-10-21', 'header', 'en', ['BBC News'], ['Jane Smith'], 'un-warns-of-catastrophe-as-aleppo-aid-convoy-halted'],
  ])('%s gives date %s from the %s, lang %s, sources %j, authors %j, slug %s', (file, date, dateSource, lang, sources, authors, slug) => {
    const article = result.articles.find((candidate) => candidate.origins.some((origin) => origin.file === file));
    expect(article).toMatchObject({ date, dateSource, lang, sources, authors, slug });
  });

  it('read a tag page bulleted with "-" as two articles, and warn of the one ambiguous date only', () => {
    expect(result.articles.filter((article) => article.origins[0].file === 'dash-bullets.txt').map((article) => article.title)).toEqual([
      'Homs rebuilds its old souk',
      'Rents rise in Damascus as displaced families return',
    ]);
    expect(result.problems).toEqual([expect.objectContaining({ file: 'ambiguous-date.txt', line: 3, severity: 'warning', message: expect.stringContaining('ambiguous date') })]);
  });

  it('keep page furniture out of the text, recorded in the origin', () => {
    const bbc = result.articles.find((article) => article.slug.startsWith('un-warns'))!;
    expect(bbc.origins[0].furniture).toEqual(['Share', 'Save', 'Advertisement', 'Read more']);
    expect(bbc.text).not.toMatch(/Advertisement|Read more/);
    expect(bbc.teaser).toMatch(/^The United Nations has warned/);
  });

  it('lose no line: each is a title, a tag, a header or furniture line, or in the text', async () => {
    for (const file of await readdir(CAPTURES)) {
      const records = result.articles.filter((article) => article.origins.some((origin) => origin.file === file));
      const origins = records.flatMap((article) => article.origins.filter((origin) => origin.file === file));
      const placed = (line: string) =>
        records.some((article) => article.title === line || article.tags.some((tag) => line.endsWith(tag)) || containsWords(article.text, line)) ||
        origins.some((origin) => origin.header.includes(line) || origin.furniture.includes(line));
      const lines = (await readFile(join(CAPTURES, file), 'utf8')).split('\n').map((line) => line.trim().replace(/^- /, '')).filter(Boolean);
      expect(lines.filter((line) => !placed(line)), file).toEqual([]);
    }
  });
});
