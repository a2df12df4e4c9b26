/** Each record's `lang`: detected from title and text, or named in front matter. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage, rememberLanguages, saveRememberedLanguages } from '../../src/ingest/language.ts';
import { ArticleSchema } from '../../src/ingest/record.ts';
import { makeSeedDir, parseFiles, parseText } from './helpers.ts';

/** Short captures as news sites print them: a headline, then a paragraph or two. */
const NEWS: Record<string, string> = {
  en: `Syrian army advances in eastern Aleppo as rebels retreat

Government forces took three more districts of eastern Aleppo on Monday, a monitoring group said, as thousands of civilians fled the fighting.`,
  fr: `L'armée syrienne reprend plusieurs quartiers d'Alep-Est

Les forces gouvernementales ont repris lundi trois nouveaux quartiers, selon une ONG, tandis que des milliers de civils fuyaient les combats.`,
  de: `Syrische Armee erobert weitere Viertel in Ost-Aleppo

Regierungstruppen haben am Montag drei weitere Stadtteile eingenommen, teilte eine Beobachtungsstelle mit. Tausende Zivilisten flohen vor den Kämpfen.`,
  es: `El ejército sirio avanza en el este de Alepo

Las fuerzas del Gobierno tomaron el lunes otros tres barrios, según un grupo de observadores, mientras miles de civiles huían de los combates.`,
  ru: `Армия освободила Алеппо

Сирийская армия в понедельник взяла под контроль ещё три квартала восточной части города, сообщили в Центре по примирению.`,
  ar: `الجيش السوري يستعيد السيطرة على شرق حلب

أعلنت القيادة العامة للجيش أن وحداته استعادت يوم الاثنين ثلاثة أحياء جديدة في الجزء الشرقي من المدينة.`,
};

const LONG_ENGLISH = 'Rents rise in Damascus\n\nLandlords in the capital raised rents again this month, tenants said.\n\nMore text follows here.\n';

describe('detected language', () => {
  it.each(Object.entries(NEWS))('is %s for a short news capture in that language', (lang, capture) => {
    const { articles, problems } = parseText(`${capture}\n`);
    expect(problems).toEqual([]);
    expect(articles.map((article) => article.lang)).toEqual([lang]);
  });

  it('is read from the headline and an excerpt alike', () => {
    const listing = NEWS.ru.replace(/\.$/, ' …');
    const { articles } = parseText(`${listing}\n`);
    expect(articles[0]).toMatchObject({ truncated: true, lang: 'ru' });
  });

  it('is und ("undetermined") when the text is too short to tell', () => {
    expect(detectLanguage('Aleppo', '')).toBe('und');
    expect(detectLanguage('2016', '12 / 13')).toBe('und');
    const { articles } = parseText('Aleppo\n\nHoms …\n');
    expect(articles[0].lang).toBe('und');
  });

  it('is not thrown off by URLs in the text', () => {
    const url = 'https://www.example.com/world/2016/12/13/syria-army-retakes-eastern-aleppo-districts-monitoring-group-says-report';
    const { articles } = parseText(`${NEWS.ru}\n\n${url}\n`);
    expect(articles[0].lang).toBe('ru');
  });

  it('is und when two languages score alike, as a line of names does', () => {
    expect(detectLanguage('Serena Ghoukah interviews Dr Tim Anderson', 'https://www.youtube.com/watch?v=wXQU8X8PIM4')).toBe('und');
  });

  it('is detected once for the merged record, from the fullest capture', () => {
    const excerpt = 'Армия освободила Алеппо\n\nАрмия …\n';
    const { articles } = parseFiles({ 'a.txt': excerpt, 'b.txt': `${NEWS.ru}\n` });
    expect(articles).toHaveLength(1);
    expect(articles[0].lang).toBe('ru');
  });
});

describe('front matter lang', () => {
  it('overrides the detected language of every article in the file', () => {
    const { articles, problems } = parseText(`---\nlang: ar\n---\n${LONG_ENGLISH}`);
    expect(problems).toEqual([]);
    expect(articles[0].lang).toBe('ar');
  });

  it('is put in BCP 47 canonical case', () => {
    const { articles, problems } = parseText(`---\nlang: PT-br\n---\n${LONG_ENGLISH}`);
    expect(problems).toEqual([]);
    expect(articles[0].lang).toBe('pt-BR');
  });

  it.each([
    ['english', '"english"'],
    ['xx', '"xx"'],
    ['en_GB', '"en_GB"'],
    ['5', '5'],
  ])('is an error naming file and line when it is not a language tag: %s', (value, shown) => {
    const { articles, problems } = parseText(`---\ndate: 2016\nlang: ${value}\n---\n${LONG_ENGLISH}`, 'bad-lang.txt');
    expect(problems).toEqual([
      { file: 'bad-lang.txt', line: 3, severity: 'error', message: `front-matter "lang": expected a BCP 47 language tag such as en, ar or pt-BR (got ${shown})` },
    ]);
    // Nothing else is lost: the article is still read, its language detected.
    expect(articles[0]).toMatchObject({ title: 'Rents rise in Damascus', date: '2016', lang: 'en' });
  });

  it('of two captures that disagree: the fuller capture wins, with a warning naming both', () => {
    const { articles, problems } = parseFiles({
      'a.txt': `---\nlang: fr\n---\nRents rise in Damascus\n\nLandlords …\n`,
      'b.txt': `---\nlang: en-GB\n---\n${LONG_ENGLISH}`,
    });
    expect(articles[0].lang).toBe('en-GB');
    expect(problems).toEqual([
      { file: 'a.txt', line: 4, severity: 'warning', message: '"Rents rise in Damascus" has lang fr in front matter here but en-GB at b.txt:4; the article keeps en-GB' },
    ]);
  });
});

describe('the record schema', () => {
  const [record] = parseText(LONG_ENGLISH).articles;

  it.each(['en', 'ar', 'pt-BR', 'zh-Hant', 'ckb', 'und'])('accepts %s', (lang) => {
    expect(ArticleSchema.safeParse({ ...record, lang }).success).toBe(true);
  });

  it.each(['', 'EN', 'xx', 'english', 'pt-br', 'en_GB'])('rejects %j', (lang) => {
    expect(ArticleSchema.safeParse({ ...record, lang }).success).toBe(false);
  });
});

describe('languages remembered across builds', () => {
  it('answers a question asked before from the file, unless told to start fresh, and keeps only what the last parse asked', async () => {
    const file = join(await makeSeedDir({}), 'cache', 'languages.json');
    rememberLanguages(file, { fresh: false });
    expect(detectLanguage('Army retakes Aleppo', 'The Syrian army said on Tuesday it had taken the last rebel districts of the city.')).toBe('en');
    expect(detectLanguage('Armee erobert Aleppo', 'Die syrische Armee hat am Dienstag die letzten Viertel der Stadt eingenommen.')).toBe('de');
    saveRememberedLanguages();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.values(saved.languages).sort()).toEqual(['de', 'en']);

    // A planted answer shows that the file is read, not eld.
    const [englishKey] = Object.entries(saved.languages).find(([, lang]) => lang === 'en')!;
    writeFileSync(file, JSON.stringify({ ...saved, languages: { [englishKey]: 'fr' } }));
    rememberLanguages(file, { fresh: false });
    expect(detectLanguage('Army retakes Aleppo', 'The Syrian army said on Tuesday it had taken the last rebel districts of the city.')).toBe('fr');
    saveRememberedLanguages();

    rememberLanguages(file, { fresh: true });
    expect(detectLanguage('Army retakes Aleppo', 'The Syrian army said on Tuesday it had taken the last rebel districts of the city.')).toBe('en');
    saveRememberedLanguages();
    expect(Object.values(JSON.parse(readFileSync(file, 'utf8')).languages)).toEqual(['en']);

    writeFileSync(file, JSON.stringify({ detector: 'another eld', languages: { [englishKey]: 'fr' } }));
    rememberLanguages(file, { fresh: false });
    expect(detectLanguage('Army retakes Aleppo', 'The Syrian army said on Tuesday it had taken the last rebel districts of the city.')).toBe('en');
    saveRememberedLanguages();
  });
});
