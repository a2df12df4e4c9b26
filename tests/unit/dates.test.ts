/** Dates as news sites print them: header lines, agency datelines, URLs and headlines in six languages. */
import { describe, expect, it } from 'vitest';
import { dateInTitle, dateInUrl, readDateLine, readDateline } from '../../src/ingest/dates.ts';

describe('readDateLine', () => {
  const lines: [string, ReturnType<typeof readDateLine>][] = [
    // English
    ['October 4, 2016', { date: '2016-10-04' }],
    ['4 October 2016', { date: '2016-10-04' }],
    ['Oct 4, 2016', { date: '2016-10-04' }],
    ['Oct. 4, 2016', { date: '2016-10-04' }],
    ['Sept. 4, 2016', { date: '2016-09-04' }],
    ['4th October 2016', { date: '2016-10-04' }],
    ['4th of October 2016', { date: '2016-10-04' }],
    ['September 2016', { date: '2016-09' }],
    ['Tuesday, October 4, 2016', { date: '2016-10-04' }],
    ['Published: October 4, 2016', { date: '2016-10-04', label: 'published' }],
    ['Posted on Oct 4, 2016 at 2:05 pm', { date: '2016-10-04', label: 'published' }],
    ['Updated on Oct. 4, 2016 2:05 p.m. EDT', { date: '2016-10-04', label: 'updated' }],
    ['Last updated: 4 October 2016', { date: '2016-10-04', label: 'updated' }],
    ['First published on Tue 4 Oct 2016 14.05 BST', { date: '2016-10-04', label: 'published' }],
    ['Tue 4 Oct 2016 14.05 BST Last modified on Tue 4 Oct 2016 15.00 BST', { date: '2016-10-04' }],
    ['Updated 2:05 PM ET, Tue October 4, 2016', { date: '2016-10-04', label: 'updated' }],
    ['Updated 1505 GMT (2305 HKT) October 4, 2016', { date: '2016-10-04', label: 'updated' }],
    ['Posted: Oct 4, 2016 / 02:05 PM EDT', { date: '2016-10-04', label: 'published' }],
    ['Date: 04/10/2016', { date: '2016-10-04', alternative: '2016-04-10', label: 'published' }],
    ['Created: 2016-10-04 14:05:00', { date: '2016-10-04', label: 'published' }],
    ['Oct 4, 2016 - 14:05', { date: '2016-10-04' }],
    ['4 October 2016 (UTC)', { date: '2016-10-04' }],
    ['4 October 2016, 14:05 (UTC+3)', { date: '2016-10-04' }],
    // ISO and numbers
    ['2016-10-04', { date: '2016-10-04' }],
    ['2016-10-04T14:05:00Z', { date: '2016-10-04' }],
    ['Updated: 2016-10-04T14:05:00+03:00', { date: '2016-10-04', label: 'updated' }],
    ['04.10.2016 | 14:05', { date: '2016-10-04' }],
    ['03/04/2016', { date: '2016-04-03', alternative: '2016-03-04' }],
    ['04/04/2016', { date: '2016-04-04' }],
    ['21/10/2016', { date: '2016-10-21' }],
    ['10/21/2016', { date: '2016-10-21' }],
    ['4/10/16', { date: '2016-10-04', alternative: '2016-04-10' }],
    // French
    ['Mardi 4 octobre 2016', { date: '2016-10-04' }],
    ['Date : 1er octobre 2016', { date: '2016-10-01', label: 'published' }],
    ['Mis à jour le 4 oct. 2016 à 14h05', { date: '2016-10-04', label: 'updated' }],
    [
      'Publié le 04/10/2016 à 14h05, mis à jour le 05/10/2016 à 18h30',
      { date: '2016-10-04', alternative: '2016-04-10', label: 'published' },
    ],
    ['PUBLIE LE 4 OCTOBRE 2016', { date: '2016-10-04', label: 'published' }],
    // German
    ['Dienstag, 4. Oktober 2016', { date: '2016-10-04' }],
    ['Veröffentlicht am Dienstag, den 4. Oktober 2016, 14.05 Uhr', { date: '2016-10-04', label: 'published' }],
    ['4. März 2016', { date: '2016-03-04' }],
    ['4. Maerz 2016', { date: '2016-03-04' }],
    ['Aktualisiert am 04.10.2016, 14:05 Uhr', { date: '2016-10-04', label: 'updated' }],
    ['Stand: 04.10.16 14:05 Uhr', { date: '2016-10-04', label: 'updated' }],
    ['Datum: 04.10.2016', { date: '2016-10-04', label: 'published' }],
    // Turkish
    ['27 Mart 2016', { date: '2016-03-27' }],
    ['Pazar, 27 Mart 2016', { date: '2016-03-27' }],
    ['Salı, 4 Ekim 2016 14:05', { date: '2016-10-04' }],
    ['04 EKİM 2016', { date: '2016-10-04' }],
    ['Yayınlanma tarihi: 21 Ağustos 2016, 14:05', { date: '2016-08-21', label: 'published' }],
    ['Güncelleme: 4 Kasım 2016 saat 14:05', { date: '2016-11-04', label: 'updated' }],
    ['1 MAYIS 2016', { date: '2016-05-01' }],
    ['Aralık 2016', { date: '2016-12' }],
    // Spanish
    ['martes, 4 de octubre de 2016', { date: '2016-10-04' }],
    ['1º de septiembre del 2016', { date: '2016-09-01' }],
    ['Publicado el martes, 4 de octubre de 2016 - 14:05 CEST', { date: '2016-10-04', label: 'published' }],
    ['Actualizado el 04/10/2016 a las 14:05 h', { date: '2016-10-04', alternative: '2016-04-10', label: 'updated' }],
    ['Fecha: 4 oct. 2016', { date: '2016-10-04', label: 'published' }],
    // Russian
    ['вторник, 4 октября 2016 г.', { date: '2016-10-04' }],
    ['4 окт. 2016', { date: '2016-10-04' }],
    ['Опубликовано: вторник, 4 октября 2016 г., 14:05 (МСК)', { date: '2016-10-04', label: 'published' }],
    ['Обновлено 04.10.2016 в 14:05', { date: '2016-10-04', label: 'updated' }],
    ['Дата публикации: 04.10.2016', { date: '2016-10-04', label: 'published' }],
    ['Дата: 4 мая 2016 года', { date: '2016-05-04', label: 'published' }],
    ['Дата обновления: 4 мая 2016', { date: '2016-05-04', label: 'updated' }],
    ['сентябрь 2016 г.', { date: '2016-09' }],
    // Arabic
    ['الثلاثاء 4 أكتوبر 2016', { date: '2016-10-04' }],
    ['نشر في الثلاثاء 4 أكتوبر 2016', { date: '2016-10-04', label: 'published' }],
    ['نشر في ٤ تشرين الأول/أكتوبر ٢٠١٦', { date: '2016-10-04', label: 'published' }],
    ['نشر في ٤ أكتوبر ٢٠١٦ الساعة ١٤:٠٥ بتوقيت دمشق', { date: '2016-10-04', label: 'published' }],
    ['آخر تحديث: 4 اكتوبر 2016 - 14:05', { date: '2016-10-04', label: 'updated' }],
    ['تاريخ النشر: 2016/10/04', { date: '2016-10-04', label: 'published' }],
    ['4 أكتوبر 2016م', { date: '2016-10-04' }],
    ['السبت 1 أيلول 2018', { date: '2018-09-01' }],
    ['12 كانون الأول 2016', { date: '2016-12-12' }],
    ['12 كانون الثاني 2016', { date: '2016-01-12' }],
    ['5 يونيه 2016', { date: '2016-06-05' }],
    ['۴ ابریل ۲۰۱۶', { date: '2016-04-04' }],
    ['يوم الخميس 3 آذار 2016', { date: '2016-03-03' }],
  ];
  it.each(lines)('%s', (line, expected) => {
    expect(readDateLine(line)).toEqual(expected);
  });

  it.each([
    'October 4, 2016 saw heavy fighting',
    'Posted on October 4, 2016 by Jane Smith',
    'Source: Reuters',
    'By Jane Smith',
    '2 hours ago',
    'Updated 2 hours ago',
    'Publié il y a 2 heures',
    'Share',
    'Published 2016',
    '2016',
    '4 October',
    'Tuesday',
    '| 14:05',
    '31/02/2016',
    '2016-02-30',
    '13/13/2016',
    '4 تشرين الأول/نوفمبر 2016',
    '62 Syrian forces killed in 2016',
  ])('%s is not a date line', (line) => {
    expect(readDateLine(line)).toBeUndefined();
  });
});

describe('readDateline', () => {
  it.each([
    ['ALEPPO, Dec 13, 2016 (SANA) – Army units advanced', { city: 'ALEPPO', date: { date: '2016-12-13' }, outlet: 'SANA' }],
    ['DAMASCUS (Reuters) - Syrian forces', { city: 'DAMASCUS', outlet: 'Reuters' }],
    ['MOSCOW, October 4 (TASS) — Russia said', { city: 'MOSCOW', outlet: 'TASS' }],
    ['Beirut, 21 Oct 2016 (AFP) - Rebels', { city: 'Beirut', date: { date: '2016-10-21' }, outlet: 'AFP' }],
    ['DAMASCUS, Oct. 4 (Xinhua) -- Syrian army', { city: 'DAMASCUS', outlet: 'Xinhua' }],
    ['ALEPPO, Syria (AP) — Government', { city: 'ALEPPO, Syria', outlet: 'AP' }],
    ['WASHINGTON/BEIRUT (Reuters) - The United States', { city: 'WASHINGTON/BEIRUT', outlet: 'Reuters' }],
    ['DEIR EZ-ZOR (SANA) – Army units', { city: 'DEIR EZ-ZOR', outlet: 'SANA' }],
    ['MOSCOW, October 4. /TASS/. Russian', { city: 'MOSCOW', outlet: 'TASS' }],
    ['BEIRUT, Oct 21, 2016 — Syrian government', { city: 'BEIRUT', date: { date: '2016-10-21' } }],
    ['Damascus, SANA – President al-Assad', { city: 'Damascus', outlet: 'SANA' }],
    ['Homs, 04/10/2016 (SANA) – x', { city: 'Homs', date: { date: '2016-10-04', alternative: '2016-04-10' }, outlet: 'SANA' }],
    ['МОСКВА, 4 октября 2016 (ТАСС) — Россия', { city: 'МОСКВА', date: { date: '2016-10-04' }, outlet: 'ТАСС' }],
    ['Paris, 4 octobre 2016 (AFP) - La France', { city: 'Paris', date: { date: '2016-10-04' }, outlet: 'AFP' }],
    ['بيروت (رويترز) - قال', { city: 'بيروت', outlet: 'رويترز' }],
    ['دمشق، 4 أكتوبر 2016 (سانا) - أكد', { city: 'دمشق', date: { date: '2016-10-04' }, outlet: 'سانا' }],
    ['دمشق-سانا أكد الرئيس', { city: 'دمشق', outlet: 'سانا' }],
  ])('%s', (paragraph, expected) => {
    expect(readDateline(paragraph)).toEqual(expected);
  });

  it.each([
    'Source: Reuters',
    'By Jane Smith',
    'Syrian forces made series of successful operations against ISIS on Thursday.',
    'The army (SAA) - backed by Russia - advanced.',
    'Russia says 62 Syrian forces have been killed (Reuters reported) - a claim',
    'BEIRUT — Syrian forces',
    'However, the army - which',
  ])('%s has no dateline', (paragraph) => {
    expect(readDateline(paragraph)).toBeUndefined();
  });
});

describe('dateInUrl', () => {
  it.each([
    ['https://example.com/2016/10/21/syria-talks/', '2016-10-21'],
    ['https://example.com/news/2016/10/', '2016-10'],
    ['https://example.com/2016-10-21/syria', '2016-10-21'],
    ['https://example.com/2016-10-21-syria-talks', '2016-10-21'],
    ['https://example.com/news/20161021/', '2016-10-21'],
    ['https://example.com/news/20161021-syria-talks.html', '2016-10-21'],
    ['https://www.theguardian.com/world/2016/oct/04/syria-aleppo', '2016-10-04'],
    ['/2016/3/5/story', '2016-03-05'],
  ])('%s', (url, expected) => {
    expect(dateInUrl(url)).toBe(expected);
  });

  it.each([
    'https://example.com/article/2016123456/',
    'https://example.com/story?date=2016/10/21',
    'https://example.com/page#2016/10/21',
    'https://example.com/2016/syria-review',
    'https://example.com/1985/10/21/old',
    'https://example.com/2016/13/01/',
    'https://example.com/news/20161331-title',
    'https://example.com/id/920161021/',
    'not a url at all',
  ])('%s has no date', (url) => {
    expect(dateInUrl(url)).toBeUndefined();
  });
});

describe('dateInTitle', () => {
  it.each([
    ['Syria: the fighting continues – August 2016', '2016-08'],
    ['Aleppo under siege, 4 October 2016', '2016-10-04'],
    ['Talks on October 4, 2016 fail', '2016-10-04'],
    ['Situation report 2016-10-04', '2016-10-04'],
    ['Homs ceasefire 03/04/2016', '2016-04-03'],
    ['Syrie : la situation au 4 octobre 2016', '2016-10-04'],
    ['Syrien-Konflikt: Lage am 4. Oktober 2016', '2016-10-04'],
    ['Siria, 4 de octubre de 2016: ataques en Alepo', '2016-10-04'],
    ['Сирия: итоги 4 октября 2016 года', '2016-10-04'],
    ['حلب في 4 تشرين الأول 2016', '2016-10-04'],
    ['Week of 3 October 2016 to 9 October 2016', '2016-10-03'],
  ])('%s', (title, expected) => {
    expect(dateInTitle(title)).toBe(expected);
  });

  it.each([
    'Syria 2016: the year in review',
    'The West has a new reason for intervention into the Syrian conflict',
    '62 Syrian forces killed in US-led coalition strike',
    'Score 4/10/16 in the final',
    'Version 1.04.10.2016 released',
    'February 30, 2016 never happened',
  ])('%s has no date', (title) => {
    expect(dateInTitle(title)).toBeUndefined();
  });
});
