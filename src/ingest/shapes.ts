/**
 * The three shapes a seed file comes in, each read by one pure function over the
 * file's lines. They cut the text into captures, telling header lines (`header.ts`)
 * and page furniture (`furniture.ts`) from the text; `normalise.ts` turns a capture
 * into a record.
 */

import { isFurniture } from './furniture.ts';
import { readHeaderLine, type HeaderReading } from './header.ts';

export type Shape = 'tag-page' | 'listing' | 'full-text';

export interface Capture {
  /** 0-based index of the title line within the lines given to the shape function. */
  lineIndex: number;
  title: string;
  /** Tag named by a tag page's heading. */
  tag?: string;
  /** Lines between the title and the text: dates, source lines, bylines, a bare outlet name. */
  header: HeaderLine[];
  /** The captured text, one entry per paragraph, whitespace inside each collapsed. */
  paragraphs: string[];
  /** 0-based index of the text's first line (the title's when there is no text). */
  textLineIndex: number;
  /** Page-furniture lines ("Share", "Advertisement") taken out of the capture, as captured. */
  furniture: string[];
  /** True when the shape only ever holds excerpts (listing, tag page). */
  excerpt: boolean;
}

export interface HeaderLine {
  /** The line as captured, whitespace collapsed. */
  text: string;
  lineIndex: number;
  reading: HeaderReading;
}

interface Line {
  text: string;
  index: number;
}

interface Block {
  lines: Line[];
  /** Blank lines between this block and the previous one (0 for the first). */
  gapBefore: number;
  /** Furniture lines seen after this block's first line and before the next block. */
  furniture: string[];
}

const TAG_PAGE_HEADING = /^\s*Contents tagged with\s+(.+?)\s*$/;
/** `•` and `·` may touch the title; `-`, `*` and `–` need a space after them. */
const BULLET = /^(?<indent>\s*)(?:(?<mark>[•·])\s*|(?<spacedMark>[-*–])\s+)(?<title>\S.*)$/u;
/** Listing entries are two blank lines apart, full-text captures four. */
const LISTING_GAP = 2;
const FULL_TEXT_GAP = 4;

function isBlank(line: string): boolean {
  return /^\s*$/.test(line);
}

export function collapseWhitespace(text: string): string {
  // Most lines need nothing: test first, which is much cheaper than always replacing.
  return /[^\S ]| {2}|^ | $/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * Groups lines into blocks separated by blank lines. Furniture lines are set aside on the block
 * before them (the next one at the start of a file) and count as neither text nor blank: the gap
 * across one is the larger of the blank runs around it. A file of nothing but furniture is read as text.
 */
function toBlocks(lines: string[], furniture = isFurniture): Block[] {
  const blocks: Block[] = [];
  const leading: string[] = [];
  let blank = 0;
  let gap = 0;
  lines.forEach((text, index) => {
    if (isBlank(text)) {
      blank++;
      return;
    }
    gap = Math.max(gap, blank);
    blank = 0;
    const last = blocks.at(-1);
    if (furniture(text)) {
      (last?.furniture ?? leading).push(collapseWhitespace(text));
      return;
    }
    if (last && gap === 0) last.lines.push({ text, index });
    else blocks.push({ lines: [{ text, index }], gapBefore: last ? gap : 0, furniture: leading.splice(0) });
    gap = 0;
  });
  return blocks.length || !leading.length ? blocks : toBlocks(lines, () => false);
}

/** Splits blocks into entries wherever at least `gap` blank lines stand between two blocks. */
function splitEntries(blocks: Block[], gap: number): Block[][] {
  const entries: Block[][] = [];
  for (const block of blocks) {
    if (!entries.length || block.gapBefore >= gap) entries.push([block]);
    else entries.at(-1)!.push(block);
  }
  return entries;
}

export function detectShape(lines: string[]): Shape {
  const blocks = toBlocks(lines);
  if (blocks.length && TAG_PAGE_HEADING.test(blocks[0].lines[0].text)) return 'tag-page';
  if (blocks.some((block) => block.gapBefore >= FULL_TEXT_GAP)) return 'full-text';
  const entries = splitEntries(blocks, LISTING_GAP);
  return entries.length > 0 && entries.every((entry) => readListingEntry(entry)) ? 'listing' : 'full-text';
}

/**
 * `Contents tagged with <Tag>`, then one bullet per article (`•`, `-`, `*`, `·` or `–`: whichever
 * the first bullet uses), each followed by optional header lines and indented teaser paragraphs.
 */
export function parseTagPage(lines: string[]): Capture[] {
  const [heading, ...rest] = toBlocks(lines);
  if (!heading) return [];
  const tag = heading.lines[0].text.match(TAG_PAGE_HEADING)![1];
  const blocks = [{ ...heading, lines: heading.lines.slice(1) }, ...rest];
  const bulletTitle = bulletReader(blocks.flatMap((block) => block.lines));
  const captures: Capture[] = [];
  const leadingFurniture: string[] = [];
  const capture = (line: Line, title: string): Capture => ({
    lineIndex: line.index,
    title,
    tag,
    header: [],
    paragraphs: [],
    textLineIndex: line.index,
    furniture: leadingFurniture.splice(0),
    excerpt: true,
  });
  for (const block of blocks) {
    let inParagraph = false;
    for (const line of block.lines) {
      const title = bulletTitle(line.text);
      const current = captures.at(-1);
      if (title !== undefined || !current) {
        // Text before the first bullet becomes a capture of its own rather than be dropped.
        captures.push(capture(line, title ?? line.text));
        inParagraph = false;
        continue;
      }
      const text = collapseWhitespace(line.text);
      const reading = current.paragraphs.length ? undefined : readHeaderLine(text, { outletAllowed: false });
      if (reading) current.header.push({ text, lineIndex: line.index, reading });
      else if (inParagraph) current.paragraphs[current.paragraphs.length - 1] += ` ${text}`;
      else {
        if (!current.paragraphs.length) current.textLineIndex = line.index;
        current.paragraphs.push(text);
      }
      inParagraph = !reading;
    }
    (captures.at(-1)?.furniture ?? leadingFurniture).push(...block.furniture);
  }
  return captures;
}

/**
 * The page's bullet is the first line's that starts with one; after that only lines with the same
 * mark, indented no deeper, are bullets, so a teaser paragraph opening with a dash stays text.
 */
function bulletReader(lines: Line[]): (line: string) => string | undefined {
  const first = lines.map((line) => BULLET.exec(line.text)?.groups).find(Boolean);
  return (line) => {
    const bullet = first && BULLET.exec(line)?.groups;
    const mark = (groups: Record<string, string>) => groups.mark ?? groups.spacedMark;
    return bullet && first && mark(bullet) === mark(first) && bullet.indent.length <= first.indent.length ? bullet.title : undefined;
  };
}

/** Title line, optional header lines, one teaser paragraph; entries two blank lines apart. */
export function parseListing(lines: string[]): Capture[] {
  return splitEntries(toBlocks(lines), LISTING_GAP).flatMap((entry) => readListingEntry(entry) ?? []);
}

/**
 * A listing entry: a title line, then header lines (under the title or in blocks of their own),
 * then one teaser block whose first line is no header line. Undefined for anything else.
 */
function readListingEntry(entry: Block[]): Capture | undefined {
  const [titleBlock, ...rest] = entry;
  const teaser = rest.pop();
  if (!teaser) return undefined;
  const header = readHeaderLines([...titleBlock.lines.slice(1), ...rest.flatMap((block) => block.lines)]);
  const [first] = teaser.lines;
  if (!header || readHeaderLine(collapseWhitespace(first.text), { outletAllowed: teaser.lines.length > 1 })) return undefined;
  return {
    lineIndex: titleBlock.lines[0].index,
    title: titleBlock.lines[0].text,
    header,
    paragraphs: [collapseWhitespace(teaser.lines.map((line) => line.text).join(' '))],
    textLineIndex: first.index,
    furniture: entry.flatMap((block) => block.furniture),
    excerpt: true,
  };
}

/** Every line read as a header line (no bare outlet), or undefined if one is not. */
function readHeaderLines(lines: Line[]): HeaderLine[] | undefined {
  const header: HeaderLine[] = [];
  for (const line of lines) {
    const text = collapseWhitespace(line.text);
    const reading = readHeaderLine(text, { outletAllowed: false });
    if (!reading) return undefined;
    header.push({ text, lineIndex: line.index, reading });
  }
  return header;
}

/**
 * Title, optional header lines, then the whole text; captures four blank lines apart.
 * Also the reading for any file in none of the shapes, so nothing is dropped.
 */
export function parseFullText(lines: string[]): Capture[] {
  const blocks = toBlocks(lines);
  const gap = blocks.some((block) => block.gapBefore >= FULL_TEXT_GAP) ? FULL_TEXT_GAP : LISTING_GAP;
  return splitEntries(blocks, gap).map((entry) => {
    const [first, ...others] = entry;
    const groups = [first.lines.slice(1), ...others.map((block) => block.lines)].filter((group) => group.length);
    const header: HeaderLine[] = [];
    for (let group = groups[0]; group; group = groups[0]) {
      const text = collapseWhitespace(group[0].text);
      // A bare outlet name only first under the title, with the text right below it.
      const reading = readHeaderLine(text, { outletAllowed: header.length === 0 && group.length > 1 });
      if (!reading) break;
      header.push({ text, lineIndex: group[0].index, reading });
      group.shift();
      if (!group.length) groups.shift();
    }
    return {
      lineIndex: first.lines[0].index,
      title: first.lines[0].text,
      header,
      paragraphs: groups.map((group) => collapseWhitespace(group.map((line) => line.text).join(' '))),
      textLineIndex: groups[0]?.[0].index ?? first.lines[0].index,
      furniture: entry.flatMap((block) => block.furniture),
      excerpt: false,
    };
  });
}
