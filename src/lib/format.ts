import { SITE_TITLE } from '../consts.ts';
import { shorten } from '../ingest/normalise.ts';
import type { DateSource, EntityKind } from '../ingest/record.ts';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(month: string): string {
  return MONTH_NAMES[Number(month) - 1];
}

/** "2016" · "August 2016" · "5 August 2016". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return [day && String(Number(day)), month && monthName(month), year].filter(Boolean).join(' ');
}

/** Where a record's date came from, as the article page says it. */
export const DATE_SOURCE_WORDS: Record<DateSource, string> = {
  'front-matter': 'Dated from the seed file’s front matter',
  header: 'Dated from the capture’s header line',
  dateline: 'Dated from the dateline at the start of the text',
  url: 'Dated from a date in a captured link’s address',
  title: 'Dated from the headline',
};

/** What a topic is, as its page says it, and the heading of its kind on the list of topics. */
export const ENTITY_KIND_WORDS: Record<EntityKind, { one: string; many: string }> = {
  person: { one: 'A person', many: 'People' },
  place: { one: 'A place', many: 'Places' },
  organisation: { one: 'An organisation', many: 'Organisations' },
};

/** "A, B and C". */
export function listInWords(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}

export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? noun : many}`;
}

const TITLE_MAX_LENGTH = 70;

/**
 * The document title: "Page · Site" when that fits in 70 characters as written in the
 * HTML, else the page's own title, shortened at a word boundary if need be.
 */
export function documentTitle(title: string): string {
  const fits = (text: string) => escapeText(text).length <= TITLE_MAX_LENGTH;
  const full = title === SITE_TITLE ? title : `${title} · ${SITE_TITLE}`;
  if (fits(full)) return full;
  if (fits(title)) return title;
  let cut = shorten(title, TITLE_MAX_LENGTH - 1);
  while (!fits(`${cut}…`)) cut = shorten(cut, cut.length - 1);
  return `${cut}…`;
}

/**
 * Escapes text for an element's content: `&` and `<` are all that can start markup there.
 * For `<title>`, where Astro's escaping of quotes as `&#39;` would count against its length,
 * and for values that Pagefind's UI inserts as HTML.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
