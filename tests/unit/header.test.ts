/**
 * Header lines, datelines, URLs and page furniture as real news pages print them, in English,
 * French, German, Spanish, Russian and Arabic — each read end to end through the parser.
 */
import { describe, expect, it } from 'vitest';
import type { Article, DateSource } from '../../src/ingest/record.ts';
import { parseText } from './helpers.ts';

const TEXT = 'First paragraph of the text.';

/** A full-text capture: a title, the given lines right above the text, then a second paragraph. */
const capture = (...lines: string[]) => `A headline\n\n${[...lines, TEXT].join('\n')}\n\nA second paragraph.\n`;

function only(text: string): Article {
  const { articles } = parseText(text);
  expect(articles).toHaveLength(1);
  return articles[0];
}

type Language = 'en' | 'fr' | 'de' | 'es' | 'ru' | 'ar';

/** Date lines under a title: the line, and the date it gives. */
const DATE_LINES: [Language, string, string][] = [
  ['en', 'October 4, 2016', '2016-10-04'],
  ['en', '4 October 2016', '2016-10-04'],
  ['en', 'Oct 4, 2016', '2016-10-04'],
  ['en', '2016-10-04', '2016-10-04'],
  ['en', '04.10.2016', '2016-10-04'],
  ['en', '21/10/2016', '2016-10-21'],
  ['en', 'Published: 21 Oct 2016 14:05 GMT', '2016-10-21'],
  ['en', 'Fri 21 Oct 2016 14.05 BST', '2016-10-21'],
  ['en', 'October 21, 2016 2:05 PM UTC', '2016-10-21'],
  ['en', 'Published On 21 Oct 2016', '2016-10-21'],
  ['en', 'Updated 12:41 PM ET, Fri October 21, 2016', '2016-10-21'],
  ['en', 'Last updated: 21 October 2016', '2016-10-21'],
  ['en', 'Posted on October 4, 2016 by admin', '2016-10-04'],
  ['en', 'September 2016', '2016-09'],
  ['fr', 'Publié le 04 octobre 2016 à 10h05 - Mis à jour le 05 octobre 2016 à 08h12', '2016-10-04'],
  ['fr', 'Mardi 4 octobre 2016', '2016-10-04'],
  ['de', 'Dienstag, 04.10.2016, 14:05 Uhr', '2016-10-04'],
  ['de', 'Veröffentlicht am 4. Oktober 2016', '2016-10-04'],
  ['de', 'Stand: 04.10.2016 14:05 Uhr', '2016-10-04'],
  ['es', '4 de octubre de 2016', '2016-10-04'],
  ['es', 'Publicado el 4 oct 2016', '2016-10-04'],
  ['es', 'Actualizado: 21/10/2016 14:05', '2016-10-21'],
  ['ru', '4 октября 2016, 14:05', '2016-10-04'],
  ['ru', 'Опубликовано: 04.10.2016', '2016-10-04'],
  ['ru', '4 октября 2016 г.', '2016-10-04'],
  ['ar', 'الثلاثاء 4 تشرين الأول 2016', '2016-10-04'],
  ['ar', 'نشر في 4 أكتوبر 2016', '2016-10-04'],
  ['ar', 'آخر تحديث: 21 أكتوبر 2016 - 14:05', '2016-10-21'],
  ['ar', '٤ أكتوبر ٢٠١٦', '2016-10-04'],
];

/** Bylines, source lines and bare outlet lines under a title: the outlets and authors each gives. */
const NAME_LINES: [Language, string, { sources?: string[]; authors?: string[] }][] = [
  ['en', 'By Jane Smith, Middle East correspondent', { authors: ['Jane Smith'] }],
  ['en', 'By Jane Smith and John Doe', { authors: ['Jane Smith', 'John Doe'] }],
  ['en', 'By Jane Smith BBC News', { sources: ['BBC News'], authors: ['Jane Smith'] }],
  ['en', 'By on the ground journalist Afraa Dagher', { authors: ['Afraa Dagher'] }],
  ['en', 'By JANE SMITH, Associated Press', { sources: ['Associated Press'], authors: ['JANE SMITH'] }],
  ['en', 'By Jane Smith for Al Jazeera', { sources: ['Al Jazeera'], authors: ['Jane Smith'] }],
  ['en', 'By Jane Smith in Beirut', { authors: ['Jane Smith'] }],
  ['en', 'By Jane Smith (Reuters)', { sources: ['Reuters'], authors: ['Jane Smith'] }],
  ['en', 'By Reuters Staff', { sources: ['Reuters'] }],
  ['en', 'Source: Press TV', { sources: ['Press TV'] }],
  ['en', 'Via Reuters', { sources: ['Reuters'] }],
  ['en', 'Al Masdar News', { sources: ['Al Masdar News'] }],
  ['fr', 'Par Jean Dupont et Marie Durand', { authors: ['Jean Dupont', 'Marie Durand'] }],
  ['fr', 'Par Jean Dupont (Beyrouth, correspondant)', { authors: ['Jean Dupont'] }],
  ['fr', 'Par Le Monde avec AFP', { sources: ['Le Monde', 'AFP'] }],
  ['fr', 'Source : AFP', { sources: ['AFP'] }],
  ['de', 'Von Hans Müller, Beirut', { authors: ['Hans Müller'] }],
  ['de', 'Von unserem Korrespondenten Hans Müller', { authors: ['Hans Müller'] }],
  ['de', 'Quelle: dpa', { sources: ['dpa'] }],
  ['es', 'Por Juan Pérez y María López', { authors: ['Juan Pérez', 'María López'] }],
  ['es', 'Fuente: EFE', { sources: ['EFE'] }],
  ['es', 'Por EFE', { sources: ['EFE'] }],
  ['ru', 'Автор: Иван Петров', { authors: ['Иван Петров'] }],
  ['ru', 'Автор Иван Петров', { authors: ['Иван Петров'] }],
  ['ru', 'Автор: Иван Петров, РИА Новости', { sources: ['РИА Новости'], authors: ['Иван Петров'] }],
  ['ru', 'Источник: ТАСС', { sources: ['ТАСС'] }],
  ['ru', 'РИА Новости', { sources: ['РИА Новости'] }],
  ['ar', 'بقلم محمد علي', { authors: ['محمد علي'] }],
  ['ar', 'كتب: أحمد حسن', { authors: ['أحمد حسن'] }],
  ['ar', 'بقلم الكاتب محمد علي', { authors: ['محمد علي'] }],
  ['ar', 'المصدر: سانا', { sources: ['سانا'] }],
  ['ar', 'الجزيرة', { sources: ['الجزيرة'] }],
];

/** Agency datelines at the start of the text: the date (when it has a year) and the outlet. */
const DATELINES: [Language, string, { date: string | null; sources: string[] }][] = [
  ['en', 'ALEPPO, Dec 13, 2016 (SANA) – Army units advanced.', { date: '2016-12-13', sources: ['SANA'] }],
  ['en', 'DAMASCUS (Reuters) - Syrian forces advanced.', { date: null, sources: ['Reuters'] }],
  ['en', 'DAMASCUS, Syria (AP) — Syrian troops advanced.', { date: null, sources: ['AP'] }],
  ['en', 'Damascus, SANA – The army advanced.', { date: null, sources: ['SANA'] }],
  ['en', 'MOSCOW, October 4 (RIA Novosti) - Russia said.', { date: null, sources: ['RIA Novosti'] }],
  ['fr', 'BEYROUTH (AFP) - Les forces syriennes ont avancé.', { date: null, sources: ['AFP'] }],
  ['es', 'BEIRUT, 4 de octubre (EFE) - Las fuerzas sirias avanzaron.', { date: null, sources: ['EFE'] }],
  ['ru', 'МОСКВА, 4 октября. /ТАСС/. Российские военные сообщили.', { date: null, sources: ['ТАСС'] }],
  ['ru', 'ДАМАСК, 4 октября 2016 /ТАСС/. Сирийская армия продвинулась.', { date: '2016-10-04', sources: ['ТАСС'] }],
  ['ar', 'دمشق-سانا أعلنت القيادة العامة للجيش.', { date: null, sources: ['سانا'] }],
];

/** Captured URLs with the date in their path. */
const URLS: [string, string][] = [
  ['https://www.example.org/news/2016/10/21/un-aleppo-report', '2016-10-21'],
  ['https://www.theguardian.com/world/2016/oct/21/aleppo-ceasefire', '2016-10-21'],
  ['https://www.lemonde.fr/proche-orient/article/2016/10/04/alep_5007923_3218.html', '2016-10-04'],
  ['https://ria.ru/20161004/1478569450.html', '2016-10-04'],
  ['https://www.aljazeera.net/news/2016/10/4/حلب', '2016-10-04'],
];

describe('date lines under the title', () => {
  it.each(DATE_LINES)('%s: "%s" gives %s from the header', (_, line, date) => {
    const article = only(capture(line));
    expect(article).toMatchObject({ date, dateSource: 'header', sources: [], authors: [], teaser: TEXT });
    expect(article.origins[0].header).toEqual([line]);
  });
});

describe('bylines and source lines', () => {
  it.each(NAME_LINES)('%s: "%s"', (_, line, { sources = [], authors = [] }) => {
    const article = only(capture(line));
    expect(article).toMatchObject({ sources, authors, teaser: TEXT, date: null });
    expect(article.origins[0]).toMatchObject({ header: [line], sources });
  });

  it('read a byline or a source line and a date on one line, either way round', () => {
    expect(only(capture('By Jane Smith, October 4, 2016'))).toMatchObject({ authors: ['Jane Smith'], date: '2016-10-04', dateSource: 'header' });
    expect(only(capture('4 October 2016 | Source: SANA'))).toMatchObject({ sources: ['SANA'], date: '2016-10-04', dateSource: 'header' });
    expect(only(capture('Source: SANA, October 4, 2016'))).toMatchObject({ sources: ['SANA'], date: '2016-10-04', dateSource: 'header' });
  });

  it('read the issue’s header: a date line and a byline with a role', () => {
    const article = only(capture('Published: 21 Oct 2016 14:05 GMT', 'By Jane Smith, Middle East correspondent'));
    expect(article).toMatchObject({ date: '2016-10-21', dateSource: 'header', authors: ['Jane Smith'], sources: [], teaser: TEXT });
  });

  it('leave a line that only starts like a byline in the text', () => {
    const article = only(capture('By the end of the day'));
    expect(article).toMatchObject({ authors: [], sources: [], teaser: `By the end of the day ${TEXT}` });
    expect(article.origins[0].header).toEqual([]);
  });
});

describe('a date is never a source or an author', () => {
  const dates = DATE_LINES.map(([, line, date]) => [line, date]);

  it.each(dates)('"%s" in a byline, a listing and a tag page', (line, date) => {
    const byline = only(capture(`By Jane Smith | ${line}`));
    expect(byline).toMatchObject({ authors: ['Jane Smith'], sources: [] });

    const listing = parseText(`Headline one\n\n${line}\n\nTeaser one …\n\n\nHeadline two\n\nTeaser two …\n`).articles;
    expect(listing.find((a) => a.title === 'Headline one')).toMatchObject({ date, dateSource: 'header', sources: [], authors: [], teaser: 'Teaser one' });

    const tagPage = parseText(`Contents tagged with Aleppo\n\n  • Headline one\n\n    ${line}\n\n    Teaser one …\n`).articles;
    expect(tagPage).toHaveLength(1);
    expect(tagPage[0]).toMatchObject({ date, dateSource: 'header', sources: [], authors: [], teaser: 'Teaser one' });
  });

  it('not even without its year, as a bare line or a source', () => {
    for (const line of ['Monday 4 October', 'Source: October 4, 2016', 'Source: 4 October']) {
      expect(only(capture(line))).toMatchObject({ sources: [], authors: [], teaser: `${line} ${TEXT}` });
    }
  });
});

describe('datelines', () => {
  it.each(DATELINES)('%s: "%s"', (_, paragraph, { date, sources }) => {
    const article = only(`A headline\n\n${paragraph}\n\nA second paragraph.\n`);
    expect(article).toMatchObject({ date, dateSource: date && 'dateline', sources, teaser: paragraph });
    expect(article.origins[0].sources).toEqual(sources);
  });
});

describe('dates in captured URLs', () => {
  it.each(URLS)('%s gives %s', (url, date) => {
    expect(only(capture(`Read the report at ${url} now.`))).toMatchObject({ date, dateSource: 'url' });
  });
});

describe('date precedence within one capture', () => {
  const FRONT_MATTER = '---\ndate: 2016-01-01\n---\n';
  const HEADER = '2 February 2016';
  const DATELINE = 'ALEPPO, March 3, 2016 (SANA) – The army advanced.';
  const URL_LINE = 'See https://example.org/2016/04/04/report for more.';
  const titled = (text: string) => text.replace('A headline', 'Talks resume – May 2016');

  it.each<[string, string, DateSource]>([
    [FRONT_MATTER + titled(capture(HEADER, DATELINE, URL_LINE)), '2016-01-01', 'front-matter'],
    [titled(capture(HEADER, DATELINE, URL_LINE)), '2016-02-02', 'header'],
    [titled(capture(DATELINE, URL_LINE)), '2016-03-03', 'dateline'],
    [titled(capture(URL_LINE)), '2016-04-04', 'url'],
    [titled(capture()), '2016-05', 'title'],
  ])('%#: the most trusted clue dates the capture', (text, date, dateSource) => {
    expect(only(text)).toMatchObject({ date, dateSource });
  });

  it('take the published date over an updated one, and keep both lines in the record', () => {
    for (const lines of [
      ['Updated: 22 October 2016', 'Published: 21 October 2016'],
      ['Published: 21 October 2016', 'Updated: 22 October 2016'],
    ]) {
      const article = only(capture(...lines));
      expect(article).toMatchObject({ date: '2016-10-21', dateSource: 'header', teaser: TEXT });
      expect(article.origins[0].header).toEqual(lines);
    }
  });

  it('read a dateline’s outlet beside a source line, and keep the dateline in the text', () => {
    const article = only(capture('Source: Press TV', 'DAMASCUS (Reuters) - Syrian forces advanced.'));
    expect(article).toMatchObject({ sources: ['Press TV', 'Reuters'], teaser: 'DAMASCUS (Reuters) - Syrian forces advanced. First paragraph of the text.' });
  });
});

describe('an ambiguous numeric date', () => {
  it('is read day-first with a warning naming the file and the date’s line', () => {
    const { articles, problems } = parseText(capture('03/04/2016'), 'dir/capture.txt');
    expect(articles[0]).toMatchObject({ date: '2016-04-03', dateSource: 'header' });
    expect(problems).toEqual([
      { file: 'dir/capture.txt', line: 3, severity: 'warning', message: expect.stringMatching(/ambiguous date.*2016-04-03.*2016-03-04/) },
    ]);
  });

  it('counts front matter lines in the warning’s line', () => {
    const { problems } = parseText(`---\ntags: [Aleppo]\n---\n${capture('03/04/2016')}`);
    expect(problems).toMatchObject([{ line: 6, severity: 'warning' }]);
  });

  it('takes the reading another clue in the capture agrees with, without a warning', () => {
    const monthFirst = parseText(capture('03/04/2016', 'See https://example.org/2016/03/report.'));
    expect(monthFirst.articles[0]).toMatchObject({ date: '2016-03-04', dateSource: 'header' });
    expect(monthFirst.problems).toEqual([]);
    const dayFirst = parseText(capture('03/04/2016', 'See https://example.org/2016/04/03/report.'));
    expect(dayFirst.articles[0]).toMatchObject({ date: '2016-04-03', dateSource: 'header' });
    expect(dayFirst.problems).toEqual([]);
  });

  it('warns for an ambiguous dateline too', () => {
    const { articles, problems } = parseText(capture('ALEPPO, 03/04/2016 (SANA) – The army advanced.'));
    expect(articles[0]).toMatchObject({ date: '2016-04-03', dateSource: 'dateline', sources: ['SANA'] });
    expect(problems).toMatchObject([{ line: 3, severity: 'warning' }]);
  });
});

describe('page furniture', () => {
  const FURNITURE: [Language, string][] = [
    ['en', 'Share'],
    ['en', 'Save'],
    ['en', 'Advertisement'],
    ['en', 'Read more'],
    ['en', 'Updated 2 hours ago'],
    ['en', '5 min read'],
    ['en', 'Share | Save | Print'],
    ['en', 'Comments (12)'],
    ['fr', 'Partager'],
    ['fr', 'Lire aussi'],
    ['fr', 'Il y a 3 heures'],
    ['de', 'Anzeige'],
    ['de', 'vor 2 Stunden'],
    ['de', '3 Min. Lesezeit'],
    ['es', 'Publicidad'],
    ['es', 'hace 5 minutos'],
    ['ru', 'Поделиться'],
    ['ru', 'Читайте также'],
    ['ru', '2 часа назад'],
    ['ar', 'شارك'],
    ['ar', 'اقرأ أيضا'],
    ['ar', 'منذ ساعتين'],
  ];

  it.each(FURNITURE)('%s: "%s" is kept out of the text and recorded', (_, line) => {
    const article = only(`A headline\n\n${line}\n\n${TEXT}\n\n${line}\n\nShort middle line\n\n${line}\n\nLast paragraph.\n`);
    expect(article.teaser).toBe(TEXT);
    expect(article.text).toBe(`${TEXT}\n\nShort middle line\n\nLast paragraph.`);
    expect(article.body).not.toContain(line);
    expect(article.origins[0].furniture).toEqual([line, line, line]);
  });

  it('reads a pasted BBC page: furniture neither heading nor teaser, the byline run into the outlet', () => {
    const page = 'Aleppo: UN calls for truce\n\nShare\n\nSave\n\nBy Jane Smith BBC News\n\nUpdated 2 hours ago\n\n' +
      'The UN has called for a truce in Aleppo.\n\nAdvertisement\n\nAid agencies say food is running out.\n\nRead more\n\nTalks resume on Monday.\n';
    const article = only(page);
    expect(article).toMatchObject({ authors: ['Jane Smith'], sources: ['BBC News'], teaser: 'The UN has called for a truce in Aleppo.', date: null });
    expect(article.body).not.toMatch(/^## /m);
    expect(article.origins[0]).toMatchObject({ header: ['By Jane Smith BBC News'], furniture: ['Share', 'Save', 'Updated 2 hours ago', 'Advertisement', 'Read more'] });
  });

  it('is recorded on listings and tag pages, which still read as such', () => {
    const listing = parseText('Headline one\n\nShare\n\nTeaser one …\nRead more\n\n\nHeadline two\n\nTeaser two …\nRead more\n').articles;
    expect(listing.map((a) => [a.title, a.teaser, a.truncated, a.origins[0].furniture])).toEqual([
      ['Headline one', 'Teaser one', true, ['Share', 'Read more']],
      ['Headline two', 'Teaser two', true, ['Read more']],
    ]);
    const tagPage = parseText('Contents tagged with Aleppo\n\nShare\n\n  • Headline one\n\n    Teaser one …\n\n    Read more\n\n  • Headline two\n\n    Teaser two …\n').articles;
    expect(tagPage.map((a) => [a.title, a.teaser, a.origins[0].furniture])).toEqual([
      ['Headline one', 'Teaser one', ['Share', 'Read more']],
      ['Headline two', 'Teaser two', []],
    ]);
  });

  it('is read as text when a file holds nothing else, so nothing is lost', () => {
    const article = only('Share\nAdvertisement\n');
    expect(article).toMatchObject({ title: 'Share', text: 'Advertisement' });
  });

  it('is only ever a whole line', () => {
    const article = only(capture('Share the load, officials said.', 'Read more about the war below.'));
    expect(article.origins[0].furniture).toEqual([]);
    expect(article.teaser).toContain('Share the load');
  });
});

describe('tag-page bullets', () => {
  it.each(['•', '-', '*', '·', '–'])('"%s" bullets each start an article', (mark) => {
    const page = `Contents tagged with Housing\n\n  ${mark} Rents rise in Damascus\n\n    Rents rose by a third …\n\n  ${mark} Power cuts in Aleppo\n\n    Power is off for hours …\n`;
    const { articles } = parseText(page);
    expect(articles.map((a) => [a.title, a.teaser, a.tags])).toEqual([
      ['Power cuts in Aleppo', 'Power is off for hours', ['Housing']],
      ['Rents rise in Damascus', 'Rents rose by a third', ['Housing']],
    ]);
  });

  it('keep a teaser paragraph that opens with a dash in the text', () => {
    const page = 'Contents tagged with Aleppo\n\n  - Mayor speaks\n\n    – We will rebuild, the mayor said.\n\n    He spoke on Monday …\n';
    const [article] = parseText(page).articles;
    expect(article).toMatchObject({ title: 'Mayor speaks', teaser: '– We will rebuild, the mayor said.\n\nHe spoke on Monday' });
  });
});
