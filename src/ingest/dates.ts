/**
 * Dates as news sites print them, in English, French, German, Spanish, Russian, Arabic and Turkish.
 *
 * Every language is one entry of LANGUAGES (month, weekday and label words); the patterns are compiled once
 * from the union of all entries, so a date may mix languages ("4 de October") and adding a language means
 * adding one entry. Text is folded before matching: lower case, accents and Arabic short vowels, hamza
 * seats and tatweel dropped (März = marz, أكتوبر = اكتوبر), ة → ه, ى → ي, Arabic-Indic and Persian digits
 * → 0-9, so tables and text are compared in one spelling.
 *
 * Decisions:
 * - Numeric dates are day-first. `04.10.2016` (dots) is always 4 October: US sites never use dots.
 *   `04/10/2016` and `04-10-2016` are read 4 October too, with the month-first reading (10 April) as
 *   `alternative` when both parts are 12 or less and differ; `10/21/2016` can only be month-first and
 *   is read so. Year-first numbers (`2016/10/04`, `2016.10.04`, ISO) are never ambiguous.
 * - Two-digit years (`04.10.16`, `4/10/16`) are read only where the whole text is a date (readDateLine,
 *   the date part of a dateline): 00-69 → 20xx, 70-99 → 19xx. In headlines they are too easily a score,
 *   a version or a fraction, so dateInTitle and dateInUrl never read them.
 * - A bare year is never a date; a month and year is (`September 2016` → `2016-09`).
 * - Weekdays are skipped, not checked against the date. Hijri dates and relative times
 *   ("2 hours ago") are not read.
 * - Labels: Date/Datum/Fecha/Дата/تاريخ and Created count as `published`; Stand (German "as of") counts
 *   as `updated`. A line "Published … | Updated …" gives the first date with its label.
 * - A dateline's `city` is the whole place before the date or outlet ("ALEPPO, Syria"); a dateline needs
 *   an outlet (`(Reuters)`, `/TASS/`, `Damascus, SANA –`, `دمشق-سانا`) or a date, so a bare "BEIRUT —" is
 *   not taken.
 */
import { PartialDateSchema, type PartialDate } from './record.ts';

export interface DateReading {
  /** The reading used (day-first for an ambiguous numeric date). */
  date: PartialDate;
  /** Set when a numeric date could be read two ways (03/04/2016): the month-first reading. */
  alternative?: PartialDate;
}

export type DateLabel = 'published' | 'updated';

interface Language {
  /** January first; every spelling of each month: full, abbreviated, grammatical cases, regional names. */
  months: readonly (readonly string[])[];
  weekdays: readonly string[];
  /** After a day number: 4th, 1er, 4., 1º. */
  ordinals: readonly string[];
  /** Between the parts of a date: "4 de octubre de 2016", "Dienstag, den 4. Oktober". */
  joiners: readonly string[];
  /** After the year: "2016 г.", "2016م". */
  yearSuffixes: readonly string[];
  meridiems: readonly string[];
  /** After a clock time: "14.05 Uhr", "14h". */
  timeWords: readonly string[];
  /** Between a date and its time: "at", "à", "um". */
  timeJoiners: readonly string[];
  zones: readonly string[];
  /** Labels before a date, by kind. */
  published: readonly string[];
  updated: readonly string[];
}

const arabicWeekdays = ['الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

const LANGUAGES: Record<'en' | 'fr' | 'de' | 'es' | 'ru' | 'ar' | 'tr', Language> = {
  en: {
    months: [
      ['january', 'jan'],
      ['february', 'feb'],
      ['march', 'mar'],
      ['april', 'apr'],
      ['may'],
      ['june', 'jun'],
      ['july', 'jul'],
      ['august', 'aug'],
      ['september', 'sept', 'sep'],
      ['october', 'oct'],
      ['november', 'nov'],
      ['december', 'dec'],
    ],
    weekdays: [
      'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
      'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
    ],
    ordinals: ['st', 'nd', 'rd', 'th'],
    joiners: ['of'],
    yearSuffixes: [],
    meridiems: ['a.m.', 'am', 'p.m.', 'pm'],
    timeWords: ['hrs'],
    timeJoiners: ['at'],
    zones: [
      'utc', 'gmt', 'z', 'et', 'est', 'edt', 'ct', 'cst', 'cdt', 'mt', 'mst', 'mdt', 'pt', 'pst', 'pdt', 'bst',
      'ist', 'cet', 'cest', 'eet', 'eest', 'wet', 'west', 'ast', 'hkt', 'jst', 'aest', 'aedt', 'sgt', 'irst',
    ],
    published: [
      'published', 'published on', 'published at', 'posted', 'posted on', 'posted at', 'first published',
      'first published on', 'date', 'date published', 'publication date', 'created', 'created on',
    ],
    updated: [
      'updated', 'updated on', 'updated at', 'last updated', 'last updated on', 'last updated at', 'last update',
      'modified', 'modified on', 'last modified', 'last modified on',
    ],
  },
  fr: {
    months: [
      ['janvier', 'janv', 'jan'],
      ['février', 'févr', 'fév'],
      ['mars'],
      ['avril', 'avr'],
      ['mai'],
      ['juin'],
      ['juillet', 'juil'],
      ['août'],
      ['septembre', 'sept'],
      ['octobre', 'oct'],
      ['novembre', 'nov'],
      ['décembre', 'déc'],
    ],
    weekdays: [
      'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
      'lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim',
    ],
    ordinals: ['er'],
    joiners: [],
    yearSuffixes: [],
    meridiems: [],
    timeWords: ['h', 'heures'],
    timeJoiners: ['à'],
    zones: [],
    published: ['publié le', 'publié', 'publiée le', 'publié à', 'mis en ligne le', 'date', 'date de publication', 'créé le'],
    updated: [
      'mis à jour le', 'mis à jour', 'mise à jour le', 'mise à jour', 'dernière mise à jour', 'dernière mise à jour le',
      'modifié le', 'actualisé le',
    ],
  },
  de: {
    months: [
      ['januar', 'jänner', 'jan'],
      ['februar', 'feb'],
      ['märz', 'maerz', 'mrz', 'mär'],
      ['april', 'apr'],
      ['mai'],
      ['juni', 'jun'],
      ['juli', 'jul'],
      ['august', 'aug'],
      ['september', 'sept', 'sep'],
      ['oktober', 'okt'],
      ['november', 'nov'],
      ['dezember', 'dez'],
    ],
    weekdays: [
      'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend', 'sonntag',
      'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so',
    ],
    ordinals: ['.'],
    joiners: ['den'],
    yearSuffixes: [],
    meridiems: [],
    timeWords: ['uhr', 'h'],
    timeJoiners: ['um'],
    zones: ['mez', 'mesz'],
    published: ['veröffentlicht am', 'veröffentlicht', 'erschienen am', 'erstellt am', 'datum'],
    updated: ['aktualisiert am', 'aktualisiert', 'zuletzt aktualisiert', 'zuletzt aktualisiert am', 'geändert am', 'stand'],
  },
  es: {
    months: [
      ['enero', 'ene'],
      ['febrero', 'feb'],
      ['marzo', 'mar'],
      ['abril', 'abr'],
      ['mayo', 'may'],
      ['junio', 'jun'],
      ['julio', 'jul'],
      ['agosto', 'ago'],
      ['septiembre', 'setiembre', 'sept', 'sep', 'set'],
      ['octubre', 'oct'],
      ['noviembre', 'nov'],
      ['diciembre', 'dic'],
    ],
    weekdays: [
      'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo',
      'lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom',
    ],
    ordinals: ['º', '.º', '°'],
    joiners: ['de', 'del'],
    yearSuffixes: [],
    meridiems: [],
    timeWords: ['h', 'horas', 'hs'],
    timeJoiners: ['a las', 'a la'],
    zones: [],
    published: ['publicado el', 'publicado', 'publicada el', 'fecha', 'fecha de publicación', 'creado el'],
    updated: ['actualizado el', 'actualizado', 'actualizada el', 'última actualización', 'modificado el'],
  },
  ru: {
    months: [
      ['январь', 'января', 'январе', 'янв'],
      ['февраль', 'февраля', 'феврале', 'февр', 'фев'],
      ['март', 'марта', 'марте', 'мар'],
      ['апрель', 'апреля', 'апреле', 'апр'],
      ['май', 'мая', 'мае'],
      ['июнь', 'июня', 'июне', 'июн'],
      ['июль', 'июля', 'июле', 'июл'],
      ['август', 'августа', 'августе', 'авг'],
      ['сентябрь', 'сентября', 'сентябре', 'сент', 'сен'],
      ['октябрь', 'октября', 'октябре', 'окт'],
      ['ноябрь', 'ноября', 'ноябре', 'нояб', 'ноя'],
      ['декабрь', 'декабря', 'декабре', 'дек'],
    ],
    weekdays: [
      'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье',
      'пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс',
    ],
    ordinals: ['-го', '-е'],
    joiners: [],
    yearSuffixes: ['г.', 'г', 'года', 'год'],
    meridiems: [],
    timeWords: ['ч.', 'ч'],
    timeJoiners: ['в'],
    zones: ['мск'],
    published: ['опубликовано', 'опубликован', 'опубликована', 'дата публикации', 'дата', 'размещено', 'создано'],
    updated: ['обновлено', 'обновлен', 'обновлена', 'последнее обновление', 'дата обновления', 'изменено'],
  },
  ar: {
    months: [
      ['يناير', 'كانون الثاني', 'كانون ثاني', 'جانفي'],
      ['فبراير', 'شباط', 'فيفري'],
      ['مارس', 'آذار'],
      ['أبريل', 'ابريل', 'نيسان', 'أفريل'],
      ['مايو', 'أيار', 'ماي'],
      ['يونيو', 'يونيه', 'حزيران', 'جوان'],
      ['يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز'],
      ['أغسطس', 'آب', 'أوت', 'غشت'],
      ['سبتمبر', 'أيلول', 'شتنبر'],
      ['أكتوبر', 'تشرين الأول', 'تشرين أول'],
      ['نوفمبر', 'تشرين الثاني', 'تشرين ثاني', 'نونبر'],
      ['ديسمبر', 'كانون الأول', 'كانون أول', 'دجنبر'],
    ],
    weekdays: [...arabicWeekdays, ...arabicWeekdays.map((day) => `يوم ${day}`)],
    ordinals: [],
    joiners: [],
    yearSuffixes: ['م'],
    meridiems: ['ص', 'م', 'صباحا', 'مساء'],
    timeWords: [],
    timeJoiners: ['الساعة', 'في الساعة'],
    zones: ['بتوقيت غرينتش', 'بتوقيت جرينتش', 'بتوقيت دمشق', 'بتوقيت بيروت', 'بتوقيت القدس', 'بتوقيت مكة المكرمة', 'ت.غ', 'ت غ'],
    published: ['نشر في', 'نشر', 'نشر بتاريخ', 'تم النشر', 'تم النشر في', 'تاريخ النشر', 'تاريخ', 'بتاريخ'],
    updated: ['آخر تحديث', 'تم التحديث', 'تحديث', 'آخر تعديل'],
  },
  // Full names only: Turkish abbreviations (Oca, Şub, Tem, Ara) are words in other languages.
  // Dotless ı does not fold to i, so upper-case text (MAYIS) needs its own spelling.
  tr: {
    months: [
      ['ocak'],
      ['şubat'],
      ['mart'],
      ['nisan'],
      ['mayıs', 'mayis'],
      ['haziran'],
      ['temmuz'],
      ['ağustos'],
      ['eylül'],
      ['ekim'],
      ['kasım', 'kasim'],
      ['aralık', 'aralik'],
    ],
    weekdays: ['pazartesi', 'salı', 'sali', 'çarşamba', 'perşembe', 'cuma', 'cumartesi', 'pazar'],
    ordinals: [],
    joiners: [],
    yearSuffixes: [],
    meridiems: [],
    timeWords: [],
    timeJoiners: ['saat'],
    zones: ['trt'],
    published: ['yayınlanma tarihi', 'yayinlanma tarihi', 'yayın tarihi', 'yayin tarihi', 'yayınlanma', 'yayinlanma', 'oluşturulma tarihi', 'tarih'],
    updated: ['güncelleme tarihi', 'güncellenme tarihi', 'son güncelleme', 'güncelleme', 'güncellendi'],
  },
};

/** One spelling for comparing: lower case, no accents or Arabic vowel marks, Western digits. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}\u0640]+/gu, '')
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u0649\u06CC]/g, '\u064A')
    .replace(/\u06A9/g, '\u0643');
}

const tables = Object.values(LANGUAGES);
const words = (pick: (language: Language) => readonly string[]): string[] => tables.flatMap(pick);

/** A regex alternation of folded words, longest first so "septembre" wins over "sept". */
function alternation(list: readonly string[]): string {
  const folded = [...new Set(list.map(fold))].sort((a, b) => b.length - a.length);
  return folded.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, String.raw`\s+`)).join('|');
}

const MONTH_NUMBERS = new Map<string, number>();
for (const language of tables) {
  language.months.forEach((spellings, index) => {
    for (const spelling of spellings.map(fold)) {
      const known = MONTH_NUMBERS.get(spelling);
      if (known !== undefined && known !== index + 1) throw new Error(`month word "${spelling}" means two months`);
      MONTH_NUMBERS.set(spelling, index + 1);
    }
  });
}

const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{N}])`;
const word = (list: readonly string[]): string => `(?:${alternation(list)})${NOT_WORD_AFTER}`;

const MONTH_NAMES = alternation([...MONTH_NUMBERS.keys()]);
/** A month name, with an optional second name for the same month ("تشرين الأول/أكتوبر"). */
const MONTH = String.raw`(?<monthName>${MONTH_NAMES})(?!\p{L})\.?(?:\s*[/(]\s*(?<monthName2>${MONTH_NAMES})(?!\p{L})\.?\s*\)?)?`;
const DAY = String.raw`(?<day>\d{1,2})(?:\s*(?:${alternation(words((l) => l.ordinals))})(?!\p{L}))?`;
const YEAR = String.raw`(?<year>\d{4})(?:\s*${word(words((l) => l.yearSuffixes))})?`;
const SEPARATOR = String.raw`\s*[,،-]?\s*`;
const JOINER = String.raw`(?:${word(words((l) => l.joiners))}\s+)?`;

const ZONE = String.raw`(?:(?:utc|gmt)?\s*[+\-−]\s*\d{1,2}(?::?\d{2})?|${word(words((l) => l.zones))})`;
const MERIDIEM = word(words((l) => l.meridiems));
const TIME_WORD = word(words((l) => l.timeWords));
const CLOCK = String.raw`\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?`;
/** A clock time: 14:05, 14.05, 14h05, 2:05 pm, 2 pm, 14 Uhr, or CNN's 1505 before a zone. */
const HOUR = String.raw`(?:${CLOCK}(?:\s*${MERIDIEM})?|\d{1,2}\s*(?:${MERIDIEM}|${TIME_WORD})|\d{4}(?=\s*${ZONE}))`;
const TIME = String.raw`${HOUR}(?:\s*${TIME_WORD})?(?:\s*${ZONE})?(?:\s*\(\s*(?:${HOUR}\s*)?${ZONE}\s*\))?`;
const TIME_SEPARATOR = String.raw`(?:\s*[,|/·•@،–—-]\s*|\s+)`;
const BEFORE_TIME = String.raw`${TIME_SEPARATOR}(?:${word(words((l) => l.timeJoiners))}\s+)?`;
const WEEKDAY = String.raw`(?:${word(words((l) => l.weekdays))}\.?(?:\s*[,،]\s*|\s+)${JOINER})`;
const PUBLISHED = alternation(words((l) => l.published));
const UPDATED = alternation(words((l) => l.updated));
const LABEL_END = String.raw`(?:\s*:\s*|\s+)`;

interface DateForm {
  /** Regex source over folded text, with named groups year, day and month or monthName. */
  source: string;
  /** A cheap test the text must pass before the form's big pattern is tried. */
  hint: RegExp;
  /** Day and month are both numbers and could be swapped (03/04/2016). */
  swappable?: boolean;
}

/** The date forms, most precise first; `year` is the pattern for a numeric date's year. */
function dateForms(year: string): DateForm[] {
  const hasYear = /\d{4}/;
  return [
    {
      source: String.raw`(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})(?:t${CLOCK}(?:[.,]\d+)?(?:z|[+-]\d{2}(?::?\d{2})?)?)?`,
      hint: /\d{4}-\d/,
    },
    { source: String.raw`(?<year>\d{4})[./](?<month>\d{1,2})[./](?<day>\d{1,2})`, hint: /\d{4}[./]\d/ },
    { source: String.raw`(?<day>\d{1,2})\.\s?(?<month>\d{1,2})\.\s?(?<year>${year})`, hint: /\d\.\s?\d{1,2}\.\s?\d{2}/ },
    {
      source: String.raw`(?<day>\d{1,2})(?<separator>[/-])(?<month>\d{1,2})\k<separator>(?<year>${year})`,
      hint: /\d([/-])\d{1,2}\1\d{2}/,
      swappable: true,
    },
    { source: `${DAY}${SEPARATOR}${JOINER}${MONTH}${SEPARATOR}${JOINER}${YEAR}`, hint: hasYear },
    { source: `${MONTH}${SEPARATOR}${DAY}${SEPARATOR}${YEAR}`, hint: hasYear },
    { source: `${MONTH}${SEPARATOR}${JOINER}${YEAR}`, hint: hasYear },
  ];
}

/** A day and month without a year ("MOSCOW, October 4 (TASS)"): enough to make a dateline, not a date. */
const DAY_MONTH_FORMS = [`${DAY}${SEPARATOR}${JOINER}${MONTH}`, `${MONTH}${SEPARATOR}${DAY}`];

/** A whole line: label, time (CNN puts it first), weekday, the date, time and zone, nothing else. */
const LINE_FORMS = dateForms(String.raw`\d{4}|\d{2}`).map((form) => ({
  ...form,
  pattern: new RegExp(
    String.raw`^(?:(?:(?<published>${PUBLISHED})|(?<updated>${UPDATED}))${LABEL_END})?(?:${TIME}${TIME_SEPARATOR})?${WEEKDAY}?` +
      String.raw`${form.source}(?:${BEFORE_TIME}${TIME})?(?:\s*\(\s*${ZONE}\s*\))?\s*\.?$`,
    'u',
  ),
}));

const DAY_MONTH_LINES = DAY_MONTH_FORMS.map((source) => new RegExp(String.raw`^${WEEKDAY}?${source}\s*\.?$`, 'u'));

/** A date inside other text: not glued to letters, digits or a longer number. */
const TEXT_FORMS = dateForms(String.raw`\d{4}`).map((form) => ({
  ...form,
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}]|\p{N}[./-])(?:${form.source})(?![\p{L}\p{N}]|[./-]\p{N})`, 'gu'),
}));

/** A label after the first date of a line ("Publié le … , mis à jour le …"), where a second date starts. */
const SECOND_LABEL = new RegExp(String.raw`(?<=[\s|,;·•/–—-])(?:${UPDATED}|${PUBLISHED})${LABEL_END}`, 'gu');

/** A header line that IS a date, as a whole, with its label kind if it had one. */
export function readDateLine(line: string): (DateReading & { label?: DateLabel }) | undefined {
  const folded = fold(line).trim();
  if (!/\d/.test(folded) || folded.length > 160) return undefined;
  const found = firstOfTwoDates(folded) ?? readWholeLine(folded);
  return found && (found.label ? { ...found.reading, label: found.label } : found.reading);
}

/** "Publié le … , mis à jour le …": the first date, when both halves are date lines. */
function firstOfTwoDates(folded: string): LabelledReading | undefined {
  SECOND_LABEL.lastIndex = 0;
  for (let second = SECOND_LABEL.exec(folded); second; second = SECOND_LABEL.exec(folded)) {
    const first = readWholeLine(folded.slice(0, second.index).replace(/[\s|,;·•/–—-]+$/u, ''));
    if (first && readWholeLine(folded.slice(second.index))) return first;
  }
  return undefined;
}

interface LabelledReading {
  reading: DateReading;
  label?: DateLabel;
}

function readWholeLine(folded: string): LabelledReading | undefined {
  for (const form of LINE_FORMS) {
    const groups = form.hint.test(folded) ? form.pattern.exec(folded)?.groups : undefined;
    const reading = groups && toReading(groups, form.swappable);
    if (!groups || !reading) continue;
    const label = groups.published ? 'published' : groups.updated ? 'updated' : undefined;
    return label ? { reading, label } : { reading };
  }
  return undefined;
}

/** An explicit date in a headline; a bare year is not enough. */
export function dateInTitle(title: string): PartialDate | undefined {
  const folded = fold(title);
  let best: { index: number; date: PartialDate } | undefined;
  for (const { pattern, hint, swappable } of TEXT_FORMS) {
    if (!hint.test(folded)) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(folded); match && (!best || match.index < best.index); match = pattern.exec(folded)) {
      const reading = match.groups && toReading(match.groups, swappable);
      if (reading) best = { index: match.index, date: reading.date };
    }
  }
  return best?.date;
}

const PLACE_WORD = String.raw`(?:\p{Lu}|\p{Lo})[\p{L}\p{M}'’.-]*`;
const PLACE_NAME = String.raw`${PLACE_WORD}(?:\s+(?:${PLACE_WORD}|al|el|ez|ad|as|ar|de|du|la|le|of|am|der)){0,4}`;
const PLACE = new RegExp(String.raw`^${PLACE_NAME}(?:\s*/\s*${PLACE_NAME})*$`, 'u');
const OUTLET = /^(?:\p{Lu}|\p{Lo})[\p{L}\p{M}\p{N} .&'’-]{0,39}$/u;
const ACRONYM = /^\p{Lu}{2,8}$/u;
/** Where a dateline's head ends: an outlet in parentheses or slashes, or a dash set off by a space. */
const DATELINE_END =
  /\s*\((?<paren>[^()\n]{1,40})\)\s*(?:[-–—]+|:)|\.?\s*\/(?<slash>[^/\n]{1,30})\/\.?|(?:\s+-+|\s*[–—]+|--)(?=\s)/gu;
/** SANA's Arabic dateline, city and agency joined by a hyphen: "دمشق-سانا". */
const ARABIC_DATELINE = /^\s*(?<city>\p{Script=Arabic}+(?: \p{Script=Arabic}+)?)-(?<outlet>\p{Script=Arabic}+)(?=\s|$)/u;
const DATELINE_MAX = 120;

/** A news-agency dateline at the very start of a paragraph: city, date (if it has a year) and outlet. */
export function readDateline(paragraph: string): { city: string; date?: DateReading; outlet?: string } | undefined {
  const arabic = ARABIC_DATELINE.exec(paragraph)?.groups;
  if (arabic) return { city: arabic.city, outlet: arabic.outlet };
  const start = paragraph.slice(0, DATELINE_MAX);
  DATELINE_END.lastIndex = 0;
  for (let end = DATELINE_END.exec(start); end; end = DATELINE_END.exec(start)) {
    const outlet = (end.groups?.paren ?? end.groups?.slash)?.trim();
    if (outlet !== undefined && !OUTLET.test(outlet)) continue;
    const head = readDatelineHead(start.slice(0, end.index).trim(), outlet === undefined);
    if (head) return { ...head, ...(outlet !== undefined && { outlet }) };
  }
  return undefined;
}

/** The place and date before a dateline's end; without an outlet, a date (or SANA's "City, SANA") is required. */
function readDatelineHead(head: string, needsMore: boolean): { city: string; date?: DateReading; outlet?: string } | undefined {
  const commas = [...head.matchAll(/\s*[,،]\s*/gu)];
  for (const comma of commas) {
    const city = head.slice(0, comma.index);
    const date = isPlace(city) ? readDatelineDate(head.slice(comma.index + comma[0].length)) : undefined;
    if (date) return { city, ...date };
  }
  if (!isPlace(head)) return undefined;
  if (!needsMore) return { city: head };
  const last = commas.at(-1);
  if (!last) return undefined;
  const city = head.slice(0, last.index);
  const outlet = head.slice(last.index + last[0].length);
  return ACRONYM.test(outlet) && /\p{Ll}/u.test(city) ? { city, outlet } : undefined;
}

/** Place names separated by commas or slashes: "ALEPPO, Syria", "WASHINGTON/BEIRUT". */
function isPlace(text: string): boolean {
  return text.split(/\s*[,،]\s*/u).every((part) => PLACE.test(part));
}

/** A dateline's date part: with a year it is read; a day and month alone still makes a dateline. */
function readDatelineDate(text: string): { date?: DateReading } | undefined {
  const folded = fold(text).trim();
  const found = readWholeLine(folded);
  if (found) return { date: found.reading };
  return DAY_MONTH_LINES.some((pattern) => pattern.test(folded)) ? {} : undefined;
}

const URL_YEARS = { min: 1990, max: 2100 };

/** A date in a URL's path, as whole segments (/2016/10/21/) or a slug prefix (/20161021-title). */
export function dateInUrl(url: string): PartialDate | undefined {
  if (!URL.canParse(url, 'http://relative.invalid/')) return undefined;
  const segments = new URL(url, 'http://relative.invalid/').pathname.split('/');
  for (const [index, segment] of segments.entries()) {
    const date = dateInSegments(segment, segments[index + 1], segments[index + 2]);
    if (date) return date;
  }
  return undefined;
}

function dateInSegments(segment: string, next = '', afterNext = ''): PartialDate | undefined {
  const compact = /^(\d{4})(-?)(\d{2})\2(\d{2})(?=$|[-_.])/.exec(segment);
  if (compact) return urlDate(compact[1], Number(compact[3]), Number(compact[4]));
  if (!/^\d{4}$/.test(segment)) return undefined;
  const month = /^\d{1,2}$/.test(next) ? Number(next) : MONTH_NUMBERS.get(fold(next));
  if (month === undefined) return undefined;
  return urlDate(segment, month, /^\d{1,2}$/.test(afterNext) ? Number(afterNext) : undefined);
}

function urlDate(year: string, month: number, day?: number): PartialDate | undefined {
  const number = Number(year);
  return number >= URL_YEARS.min && number <= URL_YEARS.max ? partialDate(number, month, day) : undefined;
}

function toReading(groups: Record<string, string | undefined>, swappable = false): DateReading | undefined {
  const year = fullYear(groups.year ?? '');
  const month = groups.month ? Number(groups.month) : monthNumber(groups.monthName);
  if (month === undefined || (groups.monthName2 && monthNumber(groups.monthName2) !== month)) return undefined;
  const day = groups.day ? Number(groups.day) : undefined;
  const date = partialDate(year, month, day);
  const monthFirst = swappable && day !== undefined ? partialDate(year, day, month) : undefined;
  if (!date) return monthFirst ? { date: monthFirst } : undefined;
  return monthFirst && monthFirst !== date ? { date, alternative: monthFirst } : { date };
}

function monthNumber(name: string | undefined): number | undefined {
  return name === undefined ? undefined : MONTH_NUMBERS.get(name.replace(/\s+/g, ' '));
}

/** Two-digit years pivot at 70, as POSIX strptime does: 16 → 2016, 98 → 1998. */
function fullYear(year: string): number {
  const number = Number(year);
  return year.length > 2 ? number : number < 70 ? 2000 + number : 1900 + number;
}

function partialDate(year: number, month: number, day?: number): PartialDate | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${year}-${pad(month)}${day === undefined ? '' : `-${pad(day)}`}`;
  return PartialDateSchema.safeParse(date).success ? date : undefined;
}
