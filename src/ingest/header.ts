/**
 * Header lines: the lines between a capture's title and its text, and what each says. A header
 * line is a date line, a source line, a byline (either of them maybe with a date), or — with the
 * text right below it — a bare outlet name. A line that is a date is read as a date and nothing else.
 */
import { BYLINE_START, readByline } from './bylines.ts';
import { readDateLine, type DateLabel, type DateReading } from './dates.ts';
import { isOutletLine, readSourceLine } from './sources.ts';

export interface HeaderReading {
  date?: DateReading & { label?: DateLabel };
  sources: string[];
  authors: string[];
}

/** Longer than this, a line is text, not a header line. */
const HEADER_MAX_LENGTH = 200;
/** Between a byline or source and a date on one line: "By Jane Smith | 4 October 2016". */
const DATE_SEPARATOR = /\s*(?:[,|·•]|\s[-–—]\s)\s*/gu;

/**
 * What a header line says, or undefined when it is not one. `outletAllowed`: the place and
 * context allow a bare outlet name (the shape decides: first under the title, text right below).
 * Lines are trimmed, with whitespace collapsed.
 */
export function readHeaderLine(line: string, { outletAllowed }: { outletAllowed: boolean }): HeaderReading | undefined {
  if (line.length > HEADER_MAX_LENGTH) return undefined;
  const date = readDateLine(line);
  if (date) return { date, sources: [], authors: [] };
  return (
    readNamesAndDate(line) ??
    readNames(line) ??
    (outletAllowed && isOutletLine(line) ? { sources: [line], authors: [] } : undefined)
  );
}

function readNames(text: string): HeaderReading | undefined {
  const sources = readSourceLine(text);
  return sources ? { sources, authors: [] } : readByline(text);
}

/**
 * A source line or byline and a date on one line, either way round: "By Jane Smith, October 4, 2016",
 * "4 October 2016 | Source: SANA", "Posted on October 4, 2016 by admin".
 */
function readNamesAndDate(line: string): HeaderReading | undefined {
  if (!/\p{Nd}/u.test(line)) return undefined;
  for (const separator of line.matchAll(DATE_SEPARATOR)) {
    const head = line.slice(0, separator.index);
    const tail = line.slice(separator.index + separator[0].length);
    const tailDate = readDateLine(tail);
    const before = tailDate && readNames(head);
    if (before) return { ...before, date: tailDate };
    const headDate = readDateLine(head);
    const after = headDate && readNames(tail);
    if (after) return { ...after, date: headDate };
  }
  // A date, then a byline that may name nobody useful: "Posted on October 4, 2016 by admin".
  for (const start of line.matchAll(BYLINE_START)) {
    const date = readDateLine(line.slice(0, start.index));
    if (date) return { date, ...(readByline(line.slice(start.index).trim()) ?? { sources: [], authors: [] }) };
  }
  return undefined;
}
