import { dateInTitle, dateInUrl, readDateline, type DateReading } from './dates.ts';
import type { FrontMatter } from './frontmatter.ts';
import type { Article, DateSource, PartialDate, Problem } from './record.ts';
import { collapseWhitespace, type Capture } from './shapes.ts';

/** A record before duplicates are merged, slugs assigned, languages detected and names looked up: `lang` is front matter's, or null. */
export type Draft = Omit<Article, 'slug' | 'lang' | 'entities'> & { lang: string | null };

const TEASER_MAX_LENGTH = 300;
export const TRAILING_ELLIPSIS = /\s*(?:…|\.\.\.)\.?$/u;
const URL_PATTERN = /https?:\/\/[^\s<>"'“”‘’]+/g;
const HEADING_MAX_LENGTH = 60;

/**
 * One capture → a record draft, and the problems found on the way. `lineOffset` is the number of
 * file lines before the capture's lines (front matter), to name lines in origins and problems.
 */
export function normaliseCapture(
  capture: Capture,
  file: string,
  lineOffset: number,
  frontMatter: FrontMatter,
): { draft: Draft; problems: Problem[] } {
  const fileLine = (index: number) => lineOffset + index + 1;
  const title = collapseWhitespace(capture.title);
  const last = capture.paragraphs.at(-1) ?? '';
  const truncated = capture.excerpt && TRAILING_ELLIPSIS.test(last);
  const paragraphs = truncated ? [...capture.paragraphs.slice(0, -1), last.replace(TRAILING_ELLIPSIS, '')] : capture.paragraphs;
  const dateline = capture.paragraphs.length ? readDateline(capture.paragraphs[0]) : undefined;
  const sources = unique([
    ...capture.header.flatMap((line) => line.reading.sources),
    ...(dateline?.outlet ? [dateline.outlet] : []),
    ...frontMatter.sources,
  ]);
  const links = findLinks([title, ...capture.header.map((line) => line.text), ...capture.paragraphs].join('\n'));
  const titleLine = fileLine(capture.lineIndex);
  const titleDate = dateInTitle(title);
  const clues: DateClue[] = [
    ...(frontMatter.date ? [{ source: 'front-matter' as const, reading: { date: frontMatter.date }, line: 1 }] : []),
    ...headerDates(capture).map(({ reading, lineIndex }) => ({ source: 'header' as const, reading, line: fileLine(lineIndex) })),
    ...(dateline?.date ? [{ source: 'dateline' as const, reading: dateline.date, line: fileLine(capture.textLineIndex) }] : []),
    ...links.flatMap((link) => dateInUrl(link) ?? []).map((date) => ({ source: 'url' as const, reading: { date }, line: titleLine })),
    ...(titleDate ? [{ source: 'title' as const, reading: { date: titleDate }, line: titleLine }] : []),
  ];
  const { date, dateSource, problems } = chooseDate(clues, file);
  const text = paragraphs.join('\n\n');
  const draft: Draft = {
    title,
    teaser: truncated ? text : shorten(paragraphs[0] ?? '', TEASER_MAX_LENGTH),
    truncated,
    body: truncated ? '' : toMarkdown(paragraphs),
    text,
    lang: frontMatter.lang ?? null,
    sources,
    authors: unique([...capture.header.flatMap((line) => line.reading.authors), ...frontMatter.authors]),
    tags: unique([...(capture.tag ? [capture.tag] : []), ...frontMatter.tags].map(collapseWhitespace)),
    date,
    dateSource,
    links,
    origins: [
      {
        file,
        line: titleLine,
        sources,
        text: null,
        header: capture.header.map((line) => line.text),
        furniture: capture.furniture,
      },
    ],
  };
  return { draft, problems };
}

interface DateClue {
  source: DateSource;
  reading: DateReading;
  /** 1-based file line of a header date or dateline (else the title's, or 1 for front matter): where a warning points. */
  line: number;
}

/** The capture's dated header lines, a "published" (or unlabelled) one before an "updated" one. */
function headerDates(capture: Capture) {
  const dated = capture.header.flatMap(({ reading: { date }, lineIndex }) => (date ? [{ reading: date, lineIndex }] : []));
  return dated.sort((a, b) => Number(a.reading.label === 'updated') - Number(b.reading.label === 'updated'));
}

/**
 * The most trusted clue's date (clues come in order of trust). An ambiguous numeric date
 * (03/04/2016) takes the reading another clue agrees with; with no such clue it is read
 * day-first, with a warning.
 */
function chooseDate(clues: DateClue[], file: string): { date: PartialDate | null; dateSource: DateSource | null; problems: Problem[] } {
  const [best, ...others] = clues;
  if (!best) return { date: null, dateSource: null, problems: [] };
  const { date, alternative } = best.reading;
  if (!alternative) return { date, dateSource: best.source, problems: [] };
  const agrees = (reading: PartialDate) => others.some((clue) => clue.reading.date.startsWith(reading) || reading.startsWith(clue.reading.date));
  if (agrees(alternative) && !agrees(date)) return { date: alternative, dateSource: best.source, problems: [] };
  if (agrees(date) && !agrees(alternative)) return { date, dateSource: best.source, problems: [] };
  const message = `ambiguous date (${best.source}): read day-first as ${date}, though it could be ${alternative}; nothing else in the capture tells which`;
  return { date, dateSource: best.source, problems: [{ file, line: best.line, severity: 'warning', message }] };
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
