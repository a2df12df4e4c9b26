/** Names in text: folding, whole-word matching, false friends, and the real seeds against the shipped gazetteer. */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGazetteer, matchEntities, mentionText, entitiesWithin, type CompiledGazetteer } from '../../src/ingest/entities.ts';
import { loadGazetteer, mergeEntries, readGazetteer } from '../../src/ingest/gazetteer.ts';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article } from '../../src/ingest/record.ts';
import { SEEDS_DIR, byTitle } from './helpers.ts';

let shipped: CompiledGazetteer;
beforeAll(async () => {
  const { gazetteer, problems } = await loadGazetteer(SEEDS_DIR);
  expect(problems).toEqual([]);
  shipped = gazetteer;
});

/** A gazetteer from YAML, which must have no problems. */
function gazetteerOf(yaml: string): CompiledGazetteer {
  const read = readGazetteer(yaml, 'test.yaml');
  const merged = mergeEntries([], read.entries);
  const compiled = compileGazetteer(merged.entities);
  expect([...read.problems, ...merged.problems, ...compiled.problems]).toEqual([]);
  return compiled.gazetteer;
}

/** name → count of every entity the text names. */
function counts(text: string, gazetteer = shipped): Record<string, number> {
  return Object.fromEntries(matchEntities(text, gazetteer).map((mention) => [mention.name, mention.count]));
}

function spellingsOf(name: string, text: string, gazetteer = shipped): string[] | undefined {
  return matchEntities(text, gazetteer).find((mention) => mention.name === name)?.spellings;
}

describe('folding', () => {
  it('reads every spelling of Deir ez-Zor as one place, keeping the spellings as written', () => {
    const spellings = ['Deir ez-Zor', 'Deir ez Zor', 'Deir-ez-Zor', 'Deir Ezzor', 'Deir Az-Zor', 'Deir al-Zor', 'Deir el Zor', 'Deir Zor', 'DEIR EZ-ZOR', 'Dayr al-Zawr', 'Dayr az-Zawr', 'Deir al-Zour'];
    const [mention, ...others] = matchEntities(spellings.map((spelling) => `Fighting in ${spelling} went on.`).join('\n\n'), shipped);
    expect(others).toEqual([]);
    expect(mention).toEqual({ slug: 'deir-ez-zor', name: 'Deir ez-Zor', kind: 'place', count: spellings.length, spellings });
  });

  it('folds case, accents, apostrophes and quote marks', () => {
    expect(counts('ÇAVUŞOĞLU met Cavusoglu and Mevlut Cavusoglu')).toEqual({ 'Mevlüt Çavuşoğlu': 3 });
    expect(spellingsOf('Maarat al-Numan', 'Ma’arrat al-Nu’man, Maarrat an-Numan and Ma\'arrat al Nu\'man')).toEqual(['Ma’arrat al-Nu’man', 'Maarrat an-Numan', 'Ma\'arrat al Nu\'man']);
    expect(counts('members of the “Islamic state” and the "Islamic State"')).toEqual({ 'Islamic State': 2 });
    expect(counts('Israël and Türkiye')).toEqual({ Israel: 1, Turkey: 1 });
  });

  it('drops the Arabic article in each of its written forms, and a glued one after the first word', () => {
    const gazetteer = gazetteerOf('- name: Jabhat al-Nusra\n  kind: organisation\n');
    for (const form of ['al-', 'el-', 'an-', 'en ', 'ad-', 'ar-', 'as-', 'ash-', 'at-', 'az-', 'ez-', 'es ', 'ed-', 'ul-', '']) {
      expect(counts(`Jabhat ${form}Nusra`, gazetteer), form).toEqual({ 'Jabhat al-Nusra': 1 });
    }
    expect(counts('Jabhat-An-Nusra and Jabhat Annusra', gazetteer)).toEqual({ 'Jabhat al-Nusra': 2 });
    expect(counts('Ahrar ash-Sham, Ahrar al-Sham, Ahrar Ashsham')).toEqual({ 'Ahrar al-Sham': 3 });
    expect(counts('Hezbollah and Hizb Allah')).toEqual({ Hezbollah: 2 });
  });

  it('lets a name start with its article: "al"/"el" as a word, the others only with a hyphen', () => {
    expect(spellingsOf('Abu Kamal', 'Al Bukemal, al-Bukamal and Albukamal')).toEqual(['Al Bukemal', 'al-Bukamal', 'Albukamal']);
    expect(spellingsOf('Al-Tanf', 'El Tanf, at-Tanf, At-Tanf, Tanf')).toEqual(['El Tanf', 'at-Tanf', 'At-Tanf', 'Tanf']);
    expect(spellingsOf('Suwayda', 'the province of As-Suwayda')).toEqual(['As-Suwayda']);
    expect(spellingsOf('Raqqa', 'As Raqqa fell, at Raqqa')).toEqual(['Raqqa']);
    expect(spellingsOf('Bashar al-Assad', 'al-Assad, el-Assad, Bashar al-Assad, Bashar Assad, Bachar el-Assad')).toEqual(['al-Assad', 'el-Assad', 'Bashar al-Assad', 'Bashar Assad', 'Bachar el-Assad']);
  });

  it('reads initials with dots as one word', () => {
    expect(spellingsOf('United States', 'the U.S., the US and the U.S.A.')).toEqual(['U.S.', 'US', 'U.S.A.']);
    expect(counts('a U.S.-led coalition strike')).toEqual({ 'Combined Joint Task Force – Operation Inherent Resolve': 1 });
    expect(counts('the U.N. Security Council and the U.N.')).toEqual({ 'United Nations Security Council': 1, 'United Nations': 1 });
  });

  it('matches Cyrillic forms', () => {
    expect(counts('ИГИЛ и ДАИШ в Дейр-эз-Зор, Дейр эз Зор')).toEqual({ 'Islamic State': 2, 'Deir ez-Zor': 2 });
  });
});

describe('whole words only', () => {
  it('never reads a case-sensitive abbreviation in another case', () => {
    expect(counts('This is what IS is: Is it? is.')).toEqual({ 'Islamic State': 1 });
    expect(counts('Let us go. US troops. Us.')).toEqual({ 'United States Armed Forces': 1 });
    expect(counts('the US said, the us said')).toEqual({ 'United States': 1 });
    expect(counts('SAA units; Saa; saa')).toEqual({ 'Syrian Arab Army': 1 });
    expect(counts('IG fighters, ig, Ig')).toEqual({ 'Islamic State': 1 });
  });

  it('never runs words together or reads a name inside a longer word', () => {
    expect(counts('IS is here; put in place; a sad day; I ran home')).toEqual({ 'Islamic State': 1 });
    expect(counts('Assadi, Assadism, Homsville, Syrians, Raqqawi, Putinism, ISISx')).toEqual({});
    expect(counts('Assad’s army, pro-Assad forces, Assad\'s, ASSAD')).toEqual({ 'Bashar al-Assad': 4 });
  });

  it('keeps a name within one sentence and one paragraph', () => {
    expect(counts('He said it was Islamic. State media denied it.')).toEqual({});
    expect(counts('the Islamic\n\nState of things')).toEqual({});
    expect(counts('the Islamic\nState')).toEqual({ 'Islamic State': 1 });
  });

  it('prefers the longest name: a longer name is not read as the shorter one inside it', () => {
    expect(counts('Hafez al-Assad and Bassel al-Assad')).toEqual({ 'Hafez al-Assad': 1, 'Bassel al-Assad': 1 });
    expect(counts('the US-led coalition')).toEqual({ 'Combined Joint Task Force – Operation Inherent Resolve': 1 });
    expect(counts('a car bomb in Bab Tadmur; fighting near Tadmur')).toEqual({ 'Bab Tadmur': 1, Palmyra: 1 });
    expect(counts('reports the Euphrates Post from the Euphrates')).toEqual({ 'Euphrates Post': 1, Euphrates: 1 });
    expect(counts('Deir ez-Zor military airport near Deir ez-Zor')).toEqual({ 'Deir ez-Zor Airport': 1, 'Deir ez-Zor': 1 });
  });
});

describe('matchEntities', () => {
  it('counts every mention, most-mentioned first, then by slug', () => {
    const mentions = matchEntities('Raqqa, Aleppo, Rakka and Homs; Raqqah.', shipped);
    expect(mentions).toEqual([
      { slug: 'raqqa', name: 'Raqqa', kind: 'place', count: 3, spellings: ['Raqqa', 'Rakka', 'Raqqah'] },
      { slug: 'aleppo', name: 'Aleppo', kind: 'place', count: 1, spellings: ['Aleppo'] },
      { slug: 'homs', name: 'Homs', kind: 'place', count: 1, spellings: ['Homs'] },
    ]);
  });

  it('gives slugs from the canonical name', () => {
    const slugs = Object.fromEntries(matchEntities("Hay'at Tahrir al-Sham, Çavuşoğlu, the Kremlin, the Pentagon", shipped).map((mention) => [mention.name, mention.slug]));
    expect(slugs).toEqual({
      "Hay'at Tahrir al-Sham": 'hayat-tahrir-al-sham',
      'Mevlüt Çavuşoğlu': 'mevlut-cavusoglu',
      'Moscow Kremlin': 'moscow-kremlin',
      'United States Department of Defense': 'united-states-department-of-defense',
    });
  });

  it('writes a spelling with its whitespace collapsed', () => {
    expect(spellingsOf('Deir ez-Zor', 'in Deir\nez-Zor')).toEqual(['Deir ez-Zor']);
  });

  it('finds nothing in a text without names', () => {
    expect(matchEntities('', shipped)).toEqual([]);
    expect(matchEntities('… — ’ “ ” 2017 a.m.', shipped)).toEqual([]);
  });
});

describe('mentionText', () => {
  it('is the title and the body, or the teaser when only an excerpt was captured, and other captures\' texts, without URLs', () => {
    const origins = [{ text: null }];
    expect(mentionText({ title: 'T', teaser: 'First paragraph.', body: 'First paragraph.\n\nSee <https://example.org/syria-news> now.', origins })).toBe('T\n\nFirst paragraph.\n\nSee   now.');
    expect(mentionText({ title: 'T', teaser: 'Cut off in Raqqa', body: '', origins })).toBe('T\n\nCut off in Raqqa');
    expect(counts(mentionText({ title: 'Raqqa', teaser: 'Raqqa', body: 'Raqqa https://raqqa.example.org', origins }))).toEqual({ Raqqa: 2 });
    expect(mentionText({ title: 'T', teaser: 'In Homs.', body: '', origins: [{ text: null }, { text: 'Another outlet: in Hama.' }] })).toBe('T\n\nIn Homs.\n\nAnother outlet: in Hama.');
  });
});

describe('entitiesWithin', () => {
  it('gives each entity itself and the entities named inside its names, and inside theirs', () => {
    const gazetteer = gazetteerOf(
      '- name: Islamic State\n  kind: organisation\n  aliases: [ISIS, Daesh]\n' +
        '- name: Anti-ISIS coalition\n  kind: organisation\n  aliases: [US-led coalition]\n' +
        '- name: Coalition air base\n  kind: place\n  aliases: [base of the US-led coalition]\n' +
        '- name: Palmyra\n  kind: place\n  aliases: [Tadmur]\n',
    );
    expect(Object.fromEntries(entitiesWithin(gazetteer))).toEqual({
      'islamic-state': ['islamic-state'],
      'anti-isis-coalition': ['anti-isis-coalition', 'islamic-state'],
      'coalition-air-base': ['coalition-air-base', 'anti-isis-coalition', 'islamic-state'],
      palmyra: ['palmyra'],
    });
  });

  it('reaches Palmyra from Bab Tadmur and Deir ez-Zor from its airport in the shipped gazetteer, not the other way', () => {
    const within = entitiesWithin(shipped);
    expect(within.get('bab-tadmur')).toEqual(['bab-tadmur', 'palmyra']);
    expect(within.get('deir-ez-zor-airport')).toEqual(['deir-ez-zor-airport', 'deir-ez-zor']);
    expect(within.get('palmyra')).toEqual(['palmyra']);
  });
});

describe('the records of the real seeds', () => {
  let articles: Article[];
  beforeAll(async () => {
    ({ articles } = await parseSeedDir(SEEDS_DIR));
  });
  /** name → count of the entities a record carries. */
  const entitiesOf = (title: string) => Object.fromEntries(byTitle(articles, title).entities.map((entity) => [entity.name, entity.count]));

  it('give every record the entities its text names, and 45 of the 46 name at least one', () => {
    for (const article of articles) expect(article.entities).toEqual(matchEntities(mentionText(article), shipped));
    expect(articles.filter((article) => article.entities.length)).toHaveLength(45);
  });

  it('names in the Press TV report on the Deir Ezzor airstrike', () => {
    expect(entitiesOf('War Crime: 62 Syrian forces')).toEqual({
      'Islamic State': 11,
      'United States': 11,
      Syria: 8,
      'United Nations Security Council': 6,
      'Combined Joint Task Force – Operation Inherent Resolve': 5,
      Iraq: 4,
      Russia: 4,
      'Washington, D.C.': 3,
      'Deir ez-Zor Airport': 2,
      'Maria Zakharova': 2,
      Moscow: 2,
      'United Nations': 2,
      'Al-Nusra Front': 1,
      Damascus: 1,
      'Deir ez-Zor': 1,
      Geneva: 1,
      Manbij: 1,
      'Ministry of Foreign Affairs and Expatriates (Syria)': 1,
      'Ministry of Foreign Affairs (Russia)': 1,
      'Syrian Arab Army': 1,
      'Syrian Observatory for Human Rights': 1,
      'United Kingdom': 1,
      'United States Armed Forces': 1,
      'White House': 1,
    });
    const spellings = Object.fromEntries(byTitle(articles, 'War Crime: 62 Syrian forces').entities.map((entity) => [entity.name, entity.spellings]));
    expect(spellings['Deir ez-Zor']).toEqual(['Deir Ezzor']);
    expect(spellings['Deir ez-Zor Airport']).toEqual(['Dayr al-Zawr military airport', 'Dayr al-Zawr air base']);
    expect(spellings['Islamic State']).toEqual(['Daesh']);
    expect(spellings['Al-Nusra Front']).toEqual(['Jabhat Fateh al-Sham']);
  });

  it('names in the Raqqa evacuation report, "IG" and "Rakka" included', () => {
    expect(entitiesOf('Pentagon confirmed the evacuation of IG fighters')).toEqual({
      Raqqa: 3,
      'Islamic State': 2,
      'United States Department of Defense': 2,
      'Combined Joint Task Force – Operation Inherent Resolve': 1,
      'Syrian Democratic Forces': 1,
    });
  });

  it('names in the Nusra report, with its French-style transliteration', () => {
    expect(entitiesOf('“Djebhat-An-Nusra”')).toEqual({ 'Al-Nusra Front': 2, Syria: 2, 'Eastern Ghouta': 1, 'Golan Heights': 1, Quneitra: 1 });
  });

  it('names in the Homs and Tartous bombings report: Bab Tadmur is not Palmyra, the civil defence not the White Helmets', () => {
    expect(entitiesOf('Syria: Coordinated Terror Attacks')).toEqual({
      Syria: 9,
      Israel: 5,
      'Syrian Arab Army': 3,
      'Golan Heights': 2,
      'Al-Hasakah': 1,
      'Al-Qaeda': 1,
      'Bab Tadmur': 1,
      Damascus: 1,
      Homs: 1,
      Tartus: 1,
    });
  });

  it('names in the Deir-ez-Zor front report: Al Bukemal and General Suheil', () => {
    expect(entitiesOf('The fighting in the province of Deir-ez-Zor')).toEqual({
      'Islamic State': 2,
      'Abu Kamal': 1,
      'Deir ez-Zor': 1,
      Iraq: 1,
      'Suheil al-Hassan': 1,
      'Syrian Arab Army': 1,
    });
  });

  it('names in the report on the Saudi king', () => {
    expect(entitiesOf('Russian deputies and Saudi king')).toEqual({
      'Bashar al-Assad': 2,
      'Federation Council (Russia)': 1,
      Interfax: 1,
      Riyadh: 1,
      'Salman of Saudi Arabia': 1,
      'Saudi Arabia': 1,
      Syria: 1,
    });
  });
});
