/**
 * Who published a capture: labelled source lines ("Source: Press TV", "Источник: ТАСС"), a bare
 * outlet line under the title ("Al Masdar News"), and an outlet run into the end of a byline
 * ("By Jane Smith BBC News"). Lines reach these functions trimmed, with whitespace collapsed.
 */
import { readDateLine } from './dates.ts';
import { alternation } from './words.ts';

interface SourceWords {
  /** Labels followed by a colon (a space before it is fine: "Source :"). */
  labels: readonly string[];
  /** Words followed directly by outlet names, colon optional: "Via Reuters". */
  openers: readonly string[];
}

const SOURCE_WORDS: Record<'en' | 'fr' | 'de' | 'es' | 'ru' | 'ar', SourceWords> = {
  en: { labels: ['source', 'sources'], openers: ['via'] },
  fr: { labels: ['source', 'sources'], openers: ['via'] },
  de: { labels: ['quelle', 'quellen'], openers: ['via'] },
  es: { labels: ['fuente', 'fuentes'], openers: ['vía', 'via'] },
  ru: { labels: ['источник', 'источники'], openers: [] },
  ar: { labels: ['المصدر', 'المصادر', 'مصدر'], openers: [] },
};

/**
 * Outlets known by name, in any script: a line holding only one is an outlet line even without
 * capitals (Arabic), and one at the end of a byline is split off as a source.
 */
const KNOWN_OUTLETS = [
  'Reuters', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'Bloomberg', 'Xinhua', 'Anadolu Agency',
  'BBC', 'BBC News', 'BBC Arabic', 'BBC Russian', 'CNN', 'Sky News', 'Al Jazeera', 'Al Jazeera English',
  'Al Arabiya', 'Al Mayadeen', 'Al Masdar News', 'SANA', 'Press TV', 'RT', 'Sputnik', 'TASS', 'RIA Novosti',
  'Interfax', 'The Guardian', 'The New York Times', 'The Washington Post', 'The Independent', 'The Telegraph',
  'Financial Times', 'Middle East Eye', 'France 24', 'Euronews', 'Deutsche Welle', 'DW', 'Le Monde', 'Le Figaro',
  'Libération', 'Der Spiegel', 'Die Zeit', 'Süddeutsche Zeitung', 'dpa', 'El País', 'El Mundo', 'EFE',
  'Europa Press', 'ТАСС', 'РИА Новости', 'Интерфакс', 'Коммерсантъ', 'Известия', 'Лента.ру', 'الجزيرة', 'العربية',
  'سانا', 'الميادين', 'رويترز', 'فرانس برس', 'بي بي سي', 'سكاي نيوز عربية', 'روسيا اليوم', 'الشرق الأوسط',
];

/** Last words of outlet names: in a byline, "Jane Smith Syrian News" ends with an outlet. */
const OUTLET_WORDS = new Set([
  'news', 'times', 'post', 'press', 'agency', 'tv', 'television', 'radio', 'daily', 'herald', 'journal', 'tribune',
  'telegraph', 'guardian', 'gazette', 'magazine', 'network', 'media', 'online', 'today', 'observer', 'monitor',
  'zeitung', 'presse', 'nachrichten', 'noticias', 'diario', 'новости', 'газета',
]);

const languages = Object.values(SOURCE_WORDS);

const LABELLED = new RegExp(`^(?:${alternation(languages.flatMap((l) => l.labels))})\\s*:\\s*(?<value>\\S.*)$`, 'iu');
const OPENED = new RegExp(`^(?:${alternation(languages.flatMap((l) => l.openers))})(?!\\p{L})\\s*:?\\s*(?<value>\\S.*)$`, 'iu');
const KNOWN_OUTLET = new RegExp(`^(?:${alternation(KNOWN_OUTLETS)})$`, 'iu');
const KNOWN_OUTLET_AT_END = new RegExp(`(?:^|\\s)(?<outlet>${alternation(KNOWN_OUTLETS)})$`, 'iu');
const ACRONYM = /^\p{Lu}{2,}$/u;
const ROMAN_NUMERAL = /^[IVX]+$/;
const NAME_SEPARATOR = /\s*[;,|]\s*|\s+\/\s+/u;

/**
 * The outlets a source line names: "Source: Press TV", "Источник: ТАСС", "Via Reuters";
 * several are separated by commas, semicolons or bars. A URL names its host. A date is never a source.
 */
export function readSourceLine(line: string): string[] | undefined {
  const labelled = LABELLED.exec(line)?.groups?.value;
  const opened = labelled === undefined ? OPENED.exec(line)?.groups?.value : undefined;
  const names = (labelled ?? opened ?? '')
    .split(NAME_SEPARATOR)
    .map(outletName)
    .filter((name) => /\p{L}/u.test(name) && !isDate(name) && (opened === undefined || isOutletLine(name)));
  return names.length ? names : undefined;
}

function outletName(text: string): string {
  const name = text.replace(/\.$/, '').trim();
  return /^https?:\/\//i.test(name) && URL.canParse(name) ? new URL(name).hostname.replace(/^www\./, '') : name;
}

/**
 * A line holding only an outlet's name: a known outlet, or a short run of capitalised words
 * ("Al Masdar News") with no colon (no label, no URL) that is not a date.
 */
export function isOutletLine(line: string): boolean {
  if (isKnownOutlet(line)) return true;
  const words = line.split(' ');
  return (
    line.length <= 40 &&
    words.length <= 5 &&
    !/[.,;:!?…"”’)]$/u.test(line) &&
    !line.includes(':') &&
    words.every((word) => /^[\p{Lu}\d&]/u.test(word)) &&
    !isDate(line)
  );
}

/**
 * A date, or a day and month without the year ("October 4", "Monday 4 October", "4 октября"):
 * a phrase with a number that a year turns into a date. Never an outlet.
 */
function isDate(text: string): boolean {
  return readDateLine(text) !== undefined || (/\p{Nd}/u.test(text) && readDateLine(`${text} 2000`) !== undefined);
}

export function isKnownOutlet(text: string): boolean {
  return KNOWN_OUTLET.test(text);
}

/**
 * An outlet run into the end of a name ("Jane Smith BBC News"): a known outlet, else the words from
 * an acronym on ("Jane Smith NBC Radio"), else — after at least two words — words ending in an
 * outlet word ("Jane Smith Syrian News"). The name keeps at least its first two words.
 */
export function outletAtEnd(text: string): { before: string; outlet: string } | undefined {
  const known = KNOWN_OUTLET_AT_END.exec(text);
  if (known?.groups) return { before: text.slice(0, known.index).trim(), outlet: known.groups.outlet };
  const words = text.split(' ');
  if (words.length < 3 || ACRONYM.test(words[0])) return undefined;
  const acronym = words.findIndex((word, index) => index >= 2 && ACRONYM.test(word) && !ROMAN_NUMERAL.test(word));
  const start = acronym >= 0 ? acronym : words.length >= 4 && OUTLET_WORDS.has(words[words.length - 1].toLowerCase()) ? 2 : -1;
  return start < 0 ? undefined : { before: words.slice(0, start).join(' '), outlet: words.slice(start).join(' ') };
}
