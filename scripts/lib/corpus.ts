/**
 * Synthetic seed corpus in the three capture shapes the parser reads, laid out byte
 * for byte like the real captures in `seeds/`, with text from a word model of them
 * (`corpus-model.ts`). Deterministic: the same options give the same bytes.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { titleKey } from '../../src/ingest/merge.ts';
import type { Shape } from '../../src/ingest/shapes.ts';
import { buildModel, renderTokens, tokenFlags, walk, type CorpusModel, type TokenFlags } from './corpus-model.ts';
import { CoveringZipf, type Rng, pick, randInt, shuffle, stream, weighted, zipfSampler } from './random.ts';
import { MONTH_NAMES } from '../../src/lib/format.ts';

export interface CorpusOptions {
  /** Distinct articles (titles) to generate. */
  articles: number;
  seed?: string;
  /** Real seed folder the word model learns from. */
  seedsDir: string;
  tags?: number;
  sources?: number;
  authors?: number;
  /** Share of titles captured a second time in another file. */
  duplicateRate?: number;
  /** Share of files with YAML front matter. */
  frontMatterRate?: number;
}

export interface CorpusFile {
  name: string;
  shape: Shape;
  text: string;
}

export interface CorpusSummary {
  seed: string;
  /** Distinct articles the parser should report after merging duplicates. */
  expectedArticles: number;
  captures: number;
  duplicates: number;
  files: number;
  filesByShape: Record<Shape, number>;
  capturesByShape: Record<Shape, number>;
  filesWithFrontMatter: number;
  /** Distinct tags, outlets and authors that made it into the files. */
  tags: number;
  sources: number;
  authors: number;
  bytes: number;
  /** What the word model learned from. */
  model: CorpusModel['stats'];
}

const SHAPES: Shape[] = ['listing', 'tag-page', 'full-text'];
/** Capture share by shape, as in the real seeds: 40% listing, 40% tag pages, 20% full text. */
const SHAPE_WEIGHTS = [0.4, 0.4, 0.2];
const YEARS = [2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const YEAR_WEIGHTS = [2, 4, 6, 8, 10, 12, 12, 10, 7, 5, 4, 3, 3, 2];
const FUNCTION_WORDS = new Set(
  'the a an of to in on at for with by from and or as that which who is are was were be been will would its his her their this these than into about against not also has have had said'.split(' '),
);
const BYLINE_ROLES = ['on the ground journalist', 'our correspondent', 'staff reporter', 'independent journalist', 'military analyst'];
const NBSP = '\u00a0';

type HeaderKind = 'source' | 'by' | 'by+source' | 'outlet' | 'none';
const HEADER_KINDS: HeaderKind[] = ['source', 'by', 'by+source', 'outlet', 'none'];
const HEADER_WEIGHTS = [0.3, 0.2, 0.12, 0.15, 0.23];

interface CapturePlan {
  article: number;
  /** The second capture of a duplicated title. */
  second: boolean;
  header: HeaderKind;
  byRole: boolean;
  coAuthor: boolean;
  sourceIndex: number;
  authorIndexes: number[];
}

interface FilePlan {
  shape: Shape;
  captures: CapturePlan[];
  frontMatter: boolean;
  date?: string;
  fmTagCount: number;
  fmSource: boolean;
  fmAuthor: boolean;
  tagIndex: number;
  fmTags: number[];
  fmSourceIndex: number;
  fmAuthorIndex: number;
}

/** Text of one article: paragraphs generated lazily in a fixed order from the article's own stream. */
interface ArticleText {
  rng: Rng;
  /** Paragraphs of the full text (when captured in full). */
  fullCount: number;
  paragraphs: string[];
}

class Writer {
  readonly model: CorpusModel;
  readonly seed: string;
  private readonly rareRank: (rng: Rng) => number;
  private readonly body: TokenFlags;
  private readonly title: TokenFlags;

  constructor(model: CorpusModel, seed: string) {
    this.model = model;
    this.seed = seed;
    this.rareRank = zipfSampler(Math.max(model.rareNames.length, 1), 1);
    this.body = tokenFlags(model.bodyChain, FUNCTION_WORDS);
    this.title = tokenFlags(model.titleChain, FUNCTION_WORDS);
  }

  rareName(rng: Rng): string {
    return this.model.rareNames[this.rareRank(rng)] ?? 'Zarqa';
  }

  /** One sentence from the body chain, never one that would read as a header line, always ending in punctuation. */
  sentence(rng: Rng): string {
    const { bodyChain, rareBody } = this.model;
    const { final, functionWord, badStart } = this.body;
    for (let attempt = 0; attempt < 20; attempt++) {
      const ids = walk(bodyChain, rng, 0.15, 55);
      if (ids.length < 4 || badStart[ids[0]]) continue;
      let end = ids.length;
      const finished = final[ids[end - 1]] === 1;
      if (!finished) while (end > 3 && functionWord[ids[end - 1]]) end--;
      const words = renderTokens(bodyChain, ids, rareBody, rng, () => this.rareName(rng), end);
      if (!finished) words[end - 1] = `${words[end - 1].replace(/[,;:–—(“‘"-]+$/u, '')}.`;
      return words.join(' ');
    }
    return 'The situation remains tense.';
  }

  paragraph(rng: Rng): string {
    const count = 1 + weighted(rng, [0.3, 0.35, 0.25, 0.1]);
    let text = this.sentence(rng);
    for (let i = 1; i < count; i++) text += ` ${this.sentence(rng)}`;
    return text;
  }

  /** A headline-like walk of the title chain, without a dangling function word or punctuation at the end. */
  headline(rng: Rng, maxTokens: number, jump = 0.35): string {
    const { titleChain, rareTitle } = this.model;
    const ids = walk(titleChain, rng, jump, maxTokens);
    let end = ids.length;
    while (end > 1 && this.title.functionWord[ids[end - 1]]) end--;
    const words = renderTokens(titleChain, ids, rareTitle, rng, () => this.rareName(rng), end);
    if (end) words[end - 1] = words[end - 1].replace(/[,;:–—-]+$/u, '');
    return words.join(' ').trim();
  }

  article(index: number): ArticleText {
    const rng = stream(this.seed, 'article', index);
    return { rng, fullCount: 2 + weighted(rng, [3, 6, 8, 8, 7, 6, 5, 4, 3, 2, 2, 1, 1]), paragraphs: [] };
  }

  /** The article's n-th text paragraph, generating the ones before it first. */
  textParagraph(article: ArticleText, n: number): string {
    while (article.paragraphs.length <= n) article.paragraphs.push(this.paragraph(article.rng));
    return article.paragraphs[n];
  }
}

/** Cuts at a word boundary at or before `max` characters (at least one word). */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return space > 0 ? text.slice(0, space) : text.slice(0, text.indexOf(' ') > 0 ? text.indexOf(' ') : text.length);
}

/** YAML scalar: plain when safe, else a double-quoted (JSON) string. */
function yamlScalar(value: string): string {
  const plain = /^[\p{L}][\p{L}\p{N} .'’&-]*$/u.test(value) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(value) && !/[ .-]$/.test(value);
  return plain ? value : JSON.stringify(value);
}

function randomDate(rng: Rng): string {
  const year = YEARS[weighted(rng, YEAR_WEIGHTS)];
  const month = String(randInt(rng, 1, 12)).padStart(2, '0');
  const form = weighted(rng, [0.7, 0.2, 0.1]);
  if (form === 2) return String(year);
  if (form === 1) return `${year}-${month}-${String(randInt(rng, 1, 28)).padStart(2, '0')}`;
  return `${year}-${month}`;
}

function hex16(rng: Rng): string {
  const word = () => Math.floor(rng() * 0x100000000).toString(16).padStart(8, '0');
  return word() + word();
}

/** Splits `items` into chunks of random sizes in [min, max]; a last chunk below `least` joins the one before. */
function chunk<T>(rng: Rng, items: T[], min: number, max: number, least: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; ) {
    const size = randInt(rng, min, max);
    chunks.push(items.slice(i, i + size));
    i += size;
  }
  if (chunks.length > 1 && chunks.at(-1)!.length < least) chunks.at(-2)!.push(...chunks.pop()!);
  return chunks;
}

/** Swaps straight and curly apostrophes: the same title as another capture might spell it. */
function respell(title: string): string {
  if (title.includes("'")) return title.replaceAll("'", '’');
  if (title.includes('’')) return title.replaceAll('’', "'");
  return title;
}

export async function generateCorpus(options: CorpusOptions): Promise<{ files: CorpusFile[]; summary: CorpusSummary }> {
  const seed = options.seed ?? '1';
  const articleCount = options.articles;
  if (!Number.isInteger(articleCount) || articleCount < 1) throw new Error('--articles must be a positive integer');
  const model = await buildModel({
    seedsDir: options.seedsDir,
    seed,
    tags: options.tags ?? 300,
    sources: options.sources ?? 150,
    authors: options.authors ?? 120,
    rareNames: Math.max(2000, Math.min(articleCount, 60000)),
  });
  const writer = new Writer(model, seed);
  const plan = stream(seed, 'plan');

  // Unique titles (as the parser folds them), a few with a date in the headline.
  const titles: string[] = [];
  const keys = new Set<string>();
  const titleRng = stream(seed, 'titles');
  while (titles.length < articleCount) {
    let title = '';
    for (let attempt = 0; attempt < 40 && !title; attempt++) {
      let candidate = writer.headline(titleRng, 16);
      if (candidate.split(' ').length < 3 || /^(?:By\s|Source:|•|Contents tagged with)/i.test(candidate)) continue;
      if (titleRng() < 0.02) candidate += ` – ${pick(titleRng, MONTH_NAMES)} ${YEARS[weighted(titleRng, YEAR_WEIGHTS)]}`;
      if (!keys.has(titleKey(candidate))) title = candidate;
    }
    while (!title || keys.has(titleKey(title))) title = `${title || writer.headline(titleRng, 10)} in ${writer.rareName(titleRng)}`;
    keys.add(titleKey(title));
    titles.push(title);
  }

  // Which shape captures each article, and which titles are captured twice (in another shape, so another file).
  const primary = Array.from({ length: articleCount }, () => weighted(plan, SHAPE_WEIGHTS));
  const duplicateCount = Math.round(articleCount * (options.duplicateRate ?? 0.03));
  const duplicated = new Set(shuffle(plan, Array.from({ length: articleCount }, (_, i) => i)).slice(0, duplicateCount));
  const byShape: CapturePlan[][] = [[], [], []];
  const newCapture = (article: number, second: boolean): CapturePlan => ({
    article,
    second,
    header: 'none',
    byRole: false,
    coAuthor: false,
    sourceIndex: -1,
    authorIndexes: [],
  });
  for (let article = 0; article < articleCount; article++) {
    byShape[primary[article]].push(newCapture(article, false));
    if (!duplicated.has(article)) continue;
    const other = primary[article] === 2 ? randInt(plan, 0, 1) : plan() < 0.6 ? 2 : 1 - primary[article];
    byShape[other].push(newCapture(article, true));
  }
  const files: FilePlan[] = [];
  byShape.forEach((captures, shapeIndex) => {
    const full = shapeIndex === 2;
    for (const group of chunk(plan, shuffle(plan, captures), full ? 4 : 8, full ? 8 : 12, full ? 2 : 1)) {
      const frontMatter = plan() < (options.frontMatterRate ?? 0.8);
      files.push({
        shape: SHAPES[shapeIndex],
        captures: group,
        frontMatter,
        date: frontMatter && plan() < 0.95 ? randomDate(plan) : undefined,
        fmTagCount: frontMatter ? weighted(plan, [0.3, 0.35, 0.25, 0.1]) : 0,
        fmSource: frontMatter && plan() < 0.5,
        fmAuthor: frontMatter && plan() < 0.08,
        tagIndex: -1,
        fmTags: [],
        fmSourceIndex: -1,
        fmAuthorIndex: -1,
      });
      if (full) {
        for (const capture of group) {
          capture.header = HEADER_KINDS[weighted(plan, HEADER_WEIGHTS)];
          capture.byRole = plan() < 0.1;
          capture.coAuthor = plan() < 0.05;
        }
      }
    }
  });
  shuffle(plan, files);

  // Tags, outlets and authors: Zipf-distributed over ranked pools, every pool item used when there are enough draws.
  const tagDraws = files.reduce((sum, file) => sum + file.fmTagCount + (file.shape === 'tag-page' ? 1 : 0), 0);
  const sourceDraws = files.reduce(
    (sum, file) => sum + (file.fmSource ? 1 : 0) + file.captures.filter((c) => c.header === 'source' || c.header === 'by+source' || c.header === 'outlet').length,
    0,
  );
  const authorDraws = files.reduce(
    (sum, file) => sum + (file.fmAuthor ? 1 : 0) + file.captures.reduce((n, c) => n + (c.header.startsWith('by') ? (c.coAuthor ? 2 : 1) : 0), 0),
    0,
  );
  const tagPool = new CoveringZipf(model.tagNames, tagDraws);
  const sourcePool = new CoveringZipf(model.outletNames, sourceDraws);
  const authorPool = new CoveringZipf(model.authorNames, authorDraws);
  for (const file of files) {
    const inFile = new Set<number>();
    if (file.shape === 'tag-page') inFile.add((file.tagIndex = tagPool.draw(plan)));
    for (let i = 0; i < file.fmTagCount; i++) {
      const tag = tagPool.draw(plan, inFile);
      if (!inFile.has(tag)) file.fmTags.push(tag);
      inFile.add(tag);
    }
    if (file.fmSource) file.fmSourceIndex = sourcePool.draw(plan);
    if (file.fmAuthor) file.fmAuthorIndex = authorPool.draw(plan);
    for (const capture of file.captures) {
      if (capture.header === 'source' || capture.header === 'by+source' || capture.header === 'outlet') capture.sourceIndex = sourcePool.draw(plan);
      if (capture.header.startsWith('by')) {
        const first = authorPool.draw(plan);
        capture.authorIndexes.push(first);
        if (capture.coAuthor) capture.authorIndexes.push(authorPool.draw(plan, new Set([first])));
      }
    }
  }

  // Render.
  const articles = new Map<number, ArticleText>();
  const textOf = (index: number) => {
    let text = articles.get(index);
    if (!text) {
      text = writer.article(index);
      if (duplicated.has(index)) articles.set(index, text);
    }
    return text;
  };
  const width = Math.max(3, String(files.length - 1).length);
  const nameRng = stream(seed, 'names');
  const output: CorpusFile[] = files.map((file, fileIndex) => {
    const parts: string[] = [];
    if (file.frontMatter) parts.push(frontMatterOf(file, model));
    const entries = file.captures.map((capture) => {
      const rng = stream(seed, 'capture', capture.article, capture.second ? 1 : 0);
      const title = capture.second ? respell(titles[capture.article]) : titles[capture.article];
      const text = textOf(capture.article);
      if (file.shape === 'listing') return `${title}\n\n${listingTeaser(writer, text, rng)}`;
      if (file.shape === 'tag-page') return `  • ${title}\n\n${tagTeaser(writer, text, rng).map((p) => `    ${p}`).join('\n\n')}`;
      return `${title}\n\n${fullText(writer, text, rng, capture, model, duplicated.has(capture.article))}`;
    });
    if (file.shape === 'listing') parts.push(entries.join('\n\n\n'));
    else if (file.shape === 'tag-page') parts.push(`Contents tagged with ${model.tagNames[file.tagIndex]}\n\n${entries.join('\n\n')}`);
    else parts.push(entries.join('\n\n\n\n\n'));
    return { name: `${String(fileIndex).padStart(width, '0')}_${hex16(nameRng)}.txt`, shape: file.shape, text: parts.join('') };
  });

  const count = (weight: (file: FilePlan) => number) =>
    Object.fromEntries(SHAPES.map((shape) => [shape, files.filter((file) => file.shape === shape).reduce((n, file) => n + weight(file), 0)])) as Record<Shape, number>;
  return {
    files: output,
    summary: {
      seed,
      expectedArticles: articleCount,
      captures: articleCount + duplicateCount,
      duplicates: duplicateCount,
      files: output.length,
      filesByShape: count(() => 1),
      capturesByShape: count((file) => file.captures.length),
      filesWithFrontMatter: files.filter((file) => file.frontMatter).length,
      tags: tagPool.distinctUsed,
      sources: sourcePool.distinctUsed,
      authors: authorPool.distinctUsed,
      bytes: output.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0),
      model: model.stats,
    },
  };
}

function frontMatterOf(file: FilePlan, model: CorpusModel): string {
  const lines = ['---'];
  if (file.date) lines.push(`date: ${file.date}`);
  if (file.fmTags.length) lines.push(`tags: [${file.fmTags.map((tag) => yamlScalar(model.tagNames[tag])).join(', ')}]`);
  if (file.fmSourceIndex >= 0) lines.push(`source: ${yamlScalar(model.outletNames[file.fmSourceIndex])}`);
  if (file.fmAuthorIndex >= 0) lines.push(`author: ${yamlScalar(model.authorNames[file.fmAuthorIndex])}`);
  lines.push('---', '');
  return lines.join('\n');
}

/** Listing teaser: the opening text on one line, cut at a word and followed straight by `…`. */
function listingTeaser(writer: Writer, text: ArticleText, rng: Rng): string {
  const target = randInt(rng, 260, 520);
  let teaser = '';
  for (let n = 0; teaser.length < target + 40 && n < 6; n++) teaser += (teaser ? ' ' : '') + writer.textParagraph(text, n);
  const cut = cutAtWord(teaser, Math.min(target, Math.floor(teaser.length * 0.9)));
  return `${cut}${rng() < 0.01 ? '….' : '…'}`;
}

/** Tag-page teaser: one to three opening paragraphs, the last cut at a word and ending in a no-break space and `…`. */
function tagTeaser(writer: Writer, text: ArticleText, rng: Rng): string[] {
  const count = 1 + weighted(rng, [0.3, 0.45, 0.25]);
  const paragraphs: string[] = [];
  for (let n = 0; n < count; n++) paragraphs.push(writer.textParagraph(text, n));
  const last = paragraphs[count - 1];
  const cut = rng() < 0.05 ? last.split(' ')[0] : cutAtWord(last, Math.min(randInt(rng, 30, 340), Math.floor(last.length * 0.85)));
  paragraphs[count - 1] = `${cut}${NBSP}…`;
  if (rng() < 0.1) {
    const n = randInt(rng, 0, count - 1);
    const spaces = [...paragraphs[n].matchAll(/ /g)].map((match) => match.index);
    if (spaces.length > 2) {
      const at = spaces[randInt(rng, 0, spaces.length - 2)];
      paragraphs[n] = `${paragraphs[n].slice(0, at)}${NBSP}${paragraphs[n].slice(at + 1)}`;
    }
  }
  return paragraphs;
}

function url(rng: Rng, model: CorpusModel, writer: Writer): string {
  if (rng() < 0.5) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
    let id = '';
    for (let i = 0; i < 10; i++) id += alphabet[Math.floor(rng() * alphabet.length)];
    return `https://www.youtube.com/watch?v=${id}${alphabet[Math.floor(rng() * 62)]}`;
  }
  const domain = pick(rng, model.outletNames).toLowerCase().replace(/[^a-z0-9]+/g, '');
  const slug = writer
    .headline(rng, 8)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `https://www.${domain || 'news'}.com/${randInt(rng, 2011, 2024)}/${String(randInt(rng, 1, 12)).padStart(2, '0')}/${slug || 'article'}/`;
}

/** Header lines (`Source:`, byline, bare outlet) straight above the first paragraph, then the text. */
function fullText(writer: Writer, text: ArticleText, rng: Rng, capture: CapturePlan, model: CorpusModel, duplicated: boolean): string {
  const header: string[] = [];
  const authors = capture.authorIndexes.map((index) => model.authorNames[index]);
  const source = capture.sourceIndex >= 0 ? model.outletNames[capture.sourceIndex] : '';
  if (capture.header.startsWith('by')) header.push(`By ${capture.byRole ? `${pick(rng, BYLINE_ROLES)} ` : ''}${authors.join(' and ')}`);
  if (capture.header === 'source' || capture.header === 'by+source') header.push(`Source: ${source}`);
  if (capture.header === 'outlet') header.push(source);

  let paragraphs: string[];
  if (!duplicated && rng() < 0.02) {
    paragraphs = [url(rng, model, writer)];
  } else {
    paragraphs = [];
    for (let n = 0; n < text.fullCount; n++) paragraphs.push(writer.textParagraph(text, n));
    if (paragraphs.length >= 4 && rng() < 0.25) {
      const heading = subHeading(writer, rng);
      if (heading) paragraphs.splice(randInt(rng, 2, paragraphs.length - 2), 0, heading);
    }
    if (rng() < 0.12) {
      const link = url(rng, model, writer);
      const lead = pick(rng, ['Watch the video:', 'Full statement:', 'Read more:', 'Original report:']);
      paragraphs.splice(randInt(rng, 1, paragraphs.length), 0, rng() < 0.5 ? link : `${lead} ${link}`);
    }
  }
  const [first, ...rest] = paragraphs;
  return [[...header, first].join('\n'), ...rest].join('\n\n');
}

/** A short stand-alone line such as "Emergency UNSC meeting": no end punctuation, at most 60 characters. */
function subHeading(writer: Writer, rng: Rng): string | undefined {
  for (let attempt = 0; attempt < 10; attempt++) {
    const words = writer.headline(rng, randInt(rng, 2, 6), 0.5).split(' ');
    const text = words.join(' ').replace(/[^\p{L}\p{N}]+$/u, '');
    if (words.length >= 2 && text.length <= 60 && /^[\p{Lu}\d]/u.test(text) && !text.includes('://') && !/^(?:By\s|Source:)/i.test(text)) return text;
  }
  return undefined;
}

/** Writes the files into `dir`; refuses a non-empty folder unless `force` (which first removes earlier generated files). */
export async function writeCorpus(dir: string, files: CorpusFile[], { force = false } = {}): Promise<void> {
  await mkdir(dir, { recursive: true });
  const existing = await readdir(dir);
  if (existing.length && !force) throw new Error(`${dir} is not empty (use --force to replace earlier generated seed files)`);
  if (force) {
    await Promise.all(existing.filter((name) => /^\d+_[0-9a-f]{16}\.txt$/.test(name)).map((name) => rm(join(dir, name))));
    const left = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.txt'));
    if (left.length) process.stderr.write(`corpus: warning: ${dir} still holds ${left.length} other .txt file(s); they will be parsed too\n`);
  }
  const batch = 64;
  for (let i = 0; i < files.length; i += batch) {
    await Promise.all(files.slice(i, i + batch).map((file) => writeFile(join(dir, file.name), file.text)));
  }
}
