/**
 * The three shapes a seed file comes in, each read by one pure function over the
 * file's lines. They only cut the text into captures; `normalise.ts` turns a
 * capture into a record.
 */

export type Shape = 'tag-page' | 'listing' | 'full-text';

export interface Capture {
  /** 0-based index of the title line within the lines given to the shape function. */
  lineIndex: number;
  title: string;
  /** Tag named by a tag page's heading. */
  tag?: string;
  /** Lines between the title and the text: `Source: X`, `By X`, a bare outlet name. */
  header: string[];
  /** The captured text, one entry per paragraph, whitespace inside each collapsed. */
  paragraphs: string[];
  /** True when the shape only ever holds excerpts (listing, tag page). */
  excerpt: boolean;
}

interface Block {
  start: number;
  lines: string[];
  /** Blank lines between this block and the previous one (0 for the first). */
  gapBefore: number;
}

const TAG_PAGE_HEADING = /^\s*Contents tagged with\s+(.+?)\s*$/;
const BULLET = /^\s*•\s*(.*)$/;
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

function toBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let blank = 0;
  lines.forEach((line, index) => {
    if (isBlank(line)) {
      blank++;
      return;
    }
    const last = blocks.at(-1);
    if (last && blank === 0) last.lines.push(line);
    else blocks.push({ start: index, lines: [line], gapBefore: blocks.length ? blank : 0 });
    blank = 0;
  });
  return blocks;
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
  if (blocks.length && TAG_PAGE_HEADING.test(blocks[0].lines[0])) return 'tag-page';
  if (blocks.some((block) => block.gapBefore >= FULL_TEXT_GAP)) return 'full-text';
  const entries = splitEntries(blocks, LISTING_GAP);
  const isListingEntry = (entry: Block[]) =>
    entry.length === 2 && entry[0].lines.length === 1 && !isHeaderLine(entry[1].lines, true);
  return entries.length > 0 && entries.every(isListingEntry) ? 'listing' : 'full-text';
}

/** `Contents tagged with <Tag>`, then `  • <title>` bullets, each followed by indented teaser paragraphs. */
export function parseTagPage(lines: string[]): Capture[] {
  const [heading, ...rest] = toBlocks(lines);
  if (!heading) return [];
  const tag = heading.lines[0].match(TAG_PAGE_HEADING)![1];
  const captures: Capture[] = [];
  const blocks = [{ ...heading, lines: heading.lines.slice(1), start: heading.start + 1 }, ...rest];
  for (const block of blocks) {
    block.lines.forEach((line, offset) => {
      const bullet = line.match(BULLET);
      if (bullet) {
        captures.push({ lineIndex: block.start + offset, title: bullet[1], tag, header: [], paragraphs: [], excerpt: true });
        return;
      }
      const current = captures.at(-1);
      if (!current) {
        // Text before the first bullet: keep it as a capture of its own rather than drop it.
        captures.push({ lineIndex: block.start + offset, title: line, tag, header: [], paragraphs: [], excerpt: true });
      } else if (offset === 0 || BULLET.test(block.lines[offset - 1])) {
        current.paragraphs.push(collapseWhitespace(line));
      } else {
        current.paragraphs[current.paragraphs.length - 1] += ` ${collapseWhitespace(line)}`;
      }
    });
  }
  return captures;
}

/** Title line, blank line, one teaser paragraph; entries two blank lines apart. */
export function parseListing(lines: string[]): Capture[] {
  return splitEntries(toBlocks(lines), LISTING_GAP).map(([title, teaser]) => ({
    lineIndex: title.start,
    title: title.lines[0],
    header: [],
    paragraphs: [collapseWhitespace(teaser.lines.join(' '))],
    excerpt: true,
  }));
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
    const textLines = [first.lines.slice(1), ...others.map((block) => block.lines)].filter((group) => group.length);
    const header: string[] = [];
    while (textLines.length && isHeaderLine(textLines[0], header.length === 0)) {
      header.push(collapseWhitespace(textLines[0].shift()!));
      if (!textLines[0].length) textLines.shift();
    }
    return {
      lineIndex: first.start,
      title: first.lines[0],
      header,
      paragraphs: textLines.map((group) => collapseWhitespace(group.join(' '))),
      excerpt: false,
    };
  });
}

export const SOURCE_LINE = /^\s*Source:\s*(.+?)\s*$/i;
export const BYLINE = /^\s*By\s+(.+?)\s*$/;

/**
 * A header line is `Source: X`, `By X`, or — first under the title, with text
 * right below it on the next line — a short bare outlet name such as "Al Masdar News".
 */
function isHeaderLine(group: string[], firstHeader: boolean): boolean {
  const [line] = group;
  if (SOURCE_LINE.test(line)) return true;
  if (BYLINE.test(line)) return line.length <= 80 && !/[.;:!?…]$/.test(line.trim());
  return firstHeader && group.length > 1 && isOutletName(line);
}

function isOutletName(line: string): boolean {
  const text = collapseWhitespace(line);
  const words = text.split(' ');
  return (
    text.length <= 40 &&
    words.length <= 5 &&
    !/[.,;:!?…"”’)]$/.test(text) &&
    !/https?:\/\//.test(text) &&
    words.every((word) => /^[\p{Lu}\d&]/u.test(word))
  );
}
