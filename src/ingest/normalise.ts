import { PartialDateSchema, type Article, type PartialDate } from './record.ts';
import { BYLINE, SOURCE_LINE, collapseWhitespace, type Capture } from './shapes.ts';
import type { FrontMatter } from './frontmatter.ts';

/** A record before duplicates are merged, slugs assigned and languages detected: `lang` is front matter's, or null. */
export type Draft = Omit<Article, 'slug' | 'lang'> & { lang: string | null };

const TEASER_MAX_LENGTH = 300;
export const TRAILING_ELLIPSIS = /\s*(?:…|\.\.\.)\.?$/u;
const URL_PATTERN = /https?:\/\/[^\s<>"'“”‘’]+/g;
const HEADING_MAX_LENGTH = 60;

export function normaliseCapture(capture: Capture, file: string, line: number, frontMatter: FrontMatter): Draft {
  const title = collapseWhitespace(capture.title);
  const last = capture.paragraphs.at(-1) ?? '';
  const truncated = capture.excerpt && TRAILING_ELLIPSIS.test(last);
  const paragraphs = truncated ? [...capture.paragraphs.slice(0, -1), last.replace(TRAILING_ELLIPSIS, '')] : capture.paragraphs;
  const titleDate = frontMatter.date ? undefined : dateInTitle(title);
  const { sources: headerSources, authors } = readHeader(capture.header);
  const sources = unique([...headerSources, ...frontMatter.sources]);
  const text = paragraphs.join('\n\n');
  return {
    title,
    teaser: truncated ? text : shorten(paragraphs[0] ?? '', TEASER_MAX_LENGTH),
    truncated,
    body: truncated ? '' : toMarkdown(paragraphs),
    text,
    lang: frontMatter.lang ?? null,
    sources,
    authors: unique([...authors, ...frontMatter.authors]),
    tags: unique([...(capture.tag ? [capture.tag] : []), ...frontMatter.tags].map(collapseWhitespace)),
    date: frontMatter.date ?? titleDate ?? null,
    dateSource: frontMatter.date ? 'front-matter' : titleDate ? 'title' : null,
    links: findLinks([title, ...capture.header, ...capture.paragraphs].join('\n')),
    origins: [{ file, line, sources, text: null }],
  };
}

/** Case- and accent-insensitive de-duplication that keeps the first spelling. */
export function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    if (!value || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function readHeader(header: string[]): { sources: string[]; authors: string[] } {
  const sources: string[] = [];
  const authors: string[] = [];
  for (const line of header) {
    const source = line.match(SOURCE_LINE);
    const byline = line.match(BYLINE);
    if (source) sources.push(source[1]);
    else if (byline) authors.push(...bylineNames(byline[1]));
    else sources.push(line);
  }
  return { sources, authors };
}

/** "on the ground journalist Afraa Dagher" → ["Afraa Dagher"]; "A and B" → ["A", "B"]. */
function bylineNames(byline: string): string[] {
  return byline
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((name) => name.replace(/^(?:\p{Ll}\S*\s+)+(?=\p{Lu})/u, '').trim())
    .filter(Boolean);
}

/** Shortens at a word boundary to at most `max` characters. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > 0 ? cut.slice(0, lastSpace) : text.slice(0, max)).replace(/[\s,;:–—-]+$/u, '');
}

/**
 * The captured text as CommonMark: one paragraph each, a short stand-alone line
 * inside the text as a `##` heading, bare URLs as autolinks, everything else escaped
 * so captured text can never become markup.
 */
function toMarkdown(paragraphs: string[]): string {
  return paragraphs
    .map((paragraph, index) => {
      const inside = index > 0 && index < paragraphs.length - 1;
      return inside && isHeading(paragraph) ? `## ${escapeMarkdown(paragraph)}` : linkify(paragraph);
    })
    .join('\n\n');
}

function isHeading(paragraph: string): boolean {
  return (
    paragraph.length <= HEADING_MAX_LENGTH &&
    paragraph.split(' ').length <= 8 &&
    /^[\p{Lu}\d]/u.test(paragraph) &&
    !/[.,;:!?…"”’')\]]$/u.test(paragraph) &&
    !paragraph.includes('://')
  );
}

function linkify(paragraph: string): string {
  let markdown = '';
  let position = 0;
  for (const url of findUrls(paragraph)) {
    const start = paragraph.indexOf(url, position);
    markdown += escapeMarkdown(paragraph.slice(position, start), position === 0) + `<${url}>`;
    position = start + url.length;
  }
  return markdown + escapeMarkdown(paragraph.slice(position), position === 0);
}

/** Backslash-escapes what CommonMark would read as markup, inline and (at a paragraph's start) block. */
function escapeMarkdown(text: string, atStart = true): string {
  const inline = text.replace(/[\\`*_[\]<>&!]/g, '\\$&');
  return atStart ? inline.replace(/^(\s*)([#>+=|~-]|\d+(?=[.)]))/, (_, space: string, mark: string) => `${space}${/\d/.test(mark) ? mark + '\\' : '\\' + mark}`) : inline;
}

/** Every http(s) URL in the text, without trailing punctuation, once each. */
function findLinks(text: string): string[] {
  return [...new Set(findUrls(text))];
}

function findUrls(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)]
    .map(([match]) => trimUrl(match))
    .filter((url) => URL.canParse(url));
}

function trimUrl(url: string): string {
  let trimmed = url.replace(/[.,;:!?…]+$/u, '');
  while (trimmed.endsWith(')') && count(trimmed, '(') < count(trimmed, ')')) trimmed = trimmed.slice(0, -1);
  return trimmed;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\s+(\d{4})\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i');
const MONTH_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{4})\b`, 'i');

/** An explicit date in a headline: "… – August 2016" → "2016-08"; a bare year is not enough. */
function dateInTitle(title: string): PartialDate | undefined {
  const pad = (n: string | number) => String(n).padStart(2, '0');
  const month = (name: string) => pad(MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1);
  let match: RegExpMatchArray | null;
  let date: string | undefined;
  if ((match = title.match(ISO_DATE))) date = match[0];
  else if ((match = title.match(DAY_MONTH_YEAR))) date = `${match[3]}-${month(match[2])}-${pad(match[1])}`;
  else if ((match = title.match(MONTH_DAY_YEAR))) date = `${match[3]}-${month(match[1])}-${pad(match[2])}`;
  else if ((match = title.match(MONTH_YEAR))) date = `${match[2]}-${month(match[1])}`;
  return date && PartialDateSchema.safeParse(date).success ? date : undefined;
}
