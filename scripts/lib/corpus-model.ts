/**
 * A word model of the real seed captures, read at run time: word-level Markov chains
 * (order 2, with order-1 jumps for variety) for headlines and for body sentences,
 * plus name pools (tags, outlets, authors, rare names) taken from the same text.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeSeed } from '../../src/ingest/decode.ts';
import { readFrontMatter } from '../../src/ingest/frontmatter.ts';
import { collapseWhitespace, detectShape, parseFullText, parseListing, parseTagPage, type Capture } from '../../src/ingest/shapes.ts';
import { slugify } from '../../src/ingest/slug.ts';
import { type Rng, shuffle, stream, zipfSampler } from './random.ts';
import { TRAILING_ELLIPSIS } from '../../src/ingest/normalise.ts';

const BOS = 0;
const EOS = 1;
const SENTENCE_SPLIT = /(?<=[.!?…]["”’)]*)\s+(?=["“‘(]*[\p{Lu}\d])/u;
const NAME_TOKEN = /^([“"‘'(]*)(\p{Lu}\p{Ll}{3,})([^\p{L}\p{N}]*)$/u;

/** Capitalised words that start sentences or are too common to be names or tags. */
const STOP = new Set(
  `a an the in on at it its this that these those he she they we i our his her their there here according after before since some
  other but and as also then now when while last earlier meanwhile thus for from with by of to if although throughout following
  commenting beginning during along immediately confirming back nor my en so what where who why how all any each every no not one two
  three four five six more most many much such than very just only even yet still however moreover furthermore today yesterday tomorrow
  january february march april may june july august september october november december monday tuesday wednesday thursday friday
  saturday sunday mr mrs dr said says told reported report reports will would can could should must did does do is are was were be been
  being has have had new first second third last next big great good high early late near far east west north south eastern western
  northern southern central international several few both either neither under over into onto upon about above below between among
  through against toward towards around across behind beyond within without out off up down again once twice`.split(/\s+/),
);

const OUTLET_SUFFIXES = [
  'News', 'Post', 'Times', 'Today', 'Daily', 'Herald', 'Tribune', 'Observer', 'Monitor', 'Agency', 'Press', 'Report', 'Network',
  'TV', 'Radio', 'Online', 'Front', 'Voice', 'Gazette', 'Review', 'Insider', 'Journal', 'Digest', 'Express', 'Chronicle', 'Wire',
];
const NAME_CUES = new Set([
  'president', 'minister', 'spokesman', 'spokeswoman', 'journalist', 'general', 'colonel', 'secretary', 'leader', 'director', 'chairman',
  'analyst', 'by', 'dr', 'king', 'ambassador', 'representative', 'commander', 'head', 'founder', 'mattis', 'umakhanov',
]);

export interface Chain {
  /** Token texts by id; 0 and 1 are the sentence start and end markers. */
  tokens: string[];
  /** Order-2 successors: key `a * V + b` → successor ids (repeated by frequency). */
  next2: Map<number, Int32Array>;
  /** Order-1 successors: id → successor ids. */
  next1: Int32Array[];
}

export interface CorpusModel {
  titleChain: Chain;
  bodyChain: Chain;
  /** True for body/title token ids whose core is a rare real name (replaced by synthetic rare names). */
  rareTitle: Uint8Array;
  rareBody: Uint8Array;
  /** Ranked, most frequent first. */
  tagNames: string[];
  outletNames: string[];
  authorNames: string[];
  /** Synthetic long-tail names, spliced from rare real names. */
  rareNames: string[];
  /** Real titles, paragraphs and sentences that trained the model (for stats). */
  stats: { files: number; captures: number; sentences: number; titleTokens: number; bodyTokens: number };
}

/** Reads every `.txt` seed under `dir` with the project's own decoder, front-matter reader and shape functions. */
async function readCaptures(dir: string): Promise<{ captures: Capture[]; tags: string[]; sources: string[]; authors: string[]; files: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.txt'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const captures: Capture[] = [];
  const tags: string[] = [];
  const sources: string[] = [];
  const authors: string[] = [];
  for (const file of files) {
    const decoded = decodeSeed(await readFile(file));
    if (!decoded.ok) continue;
    const { frontMatter, content } = readFrontMatter(decoded.text, file);
    tags.push(...frontMatter.tags);
    sources.push(...frontMatter.sources);
    authors.push(...frontMatter.authors);
    const lines = content.split('\n');
    const shape = detectShape(lines);
    const found = shape === 'tag-page' ? parseTagPage(lines) : shape === 'listing' ? parseListing(lines) : parseFullText(lines);
    for (const capture of found) {
      if (capture.tag) tags.push(capture.tag);
      for (const { reading } of capture.header) {
        sources.push(...reading.sources);
        authors.push(...reading.authors);
      }
      captures.push(capture);
    }
  }
  return { captures, tags, sources, authors, files: files.length };
}

function isHeadingLike(paragraph: string): boolean {
  return paragraph.length <= 60 && paragraph.split(' ').length <= 8 && !/[.,;:!?…"”’')\]]$/u.test(paragraph);
}

/** The complete sentences of the captured text: an excerpt's last, cut-off sentence is dropped. */
function sentencesOf(capture: Capture): string[] {
  const sentences: string[] = [];
  capture.paragraphs.forEach((paragraph, index) => {
    if (/https?:\/\//.test(paragraph) || isHeadingLike(paragraph)) return;
    const last = index === capture.paragraphs.length - 1;
    let parts = paragraph.split(SENTENCE_SPLIT).map((part) => part.trim()).filter(Boolean);
    if (capture.excerpt && last && TRAILING_ELLIPSIS.test(paragraph)) parts = parts.slice(0, -1);
    for (const part of parts) if (part.split(' ').length >= 3 && !/…$/.test(part)) sentences.push(part);
  });
  return sentences;
}

function buildChain(sequences: string[][]): Chain {
  const ids = new Map<string, number>([['\u0002', BOS], ['\u0003', EOS]]);
  const tokens = ['\u0002', '\u0003'];
  const idOf = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) {
      id = tokens.length;
      ids.set(token, id);
      tokens.push(token);
    }
    return id;
  };
  const encoded = sequences.map((sequence) => [BOS, BOS, ...sequence.map(idOf), EOS]);
  const size = tokens.length;
  const lists2 = new Map<number, number[]>();
  const lists1: number[][] = Array.from({ length: size }, () => []);
  for (const sequence of encoded) {
    for (let i = 2; i < sequence.length; i++) {
      const key = sequence[i - 2] * size + sequence[i - 1];
      let list = lists2.get(key);
      if (!list) lists2.set(key, (list = []));
      list.push(sequence[i]);
      lists1[sequence[i - 1]].push(sequence[i]);
    }
  }
  const next2 = new Map<number, Int32Array>();
  for (const [key, list] of lists2) next2.set(key, Int32Array.from(list));
  return { tokens, next2, next1: lists1.map((list) => Int32Array.from(list)) };
}

/**
 * Walks the chain from a sentence start: order-2 steps, an order-1 step with
 * probability `jump` (so sentences are recombined, not copied), at most `maxTokens`.
 */
export function walk(chain: Chain, rng: Rng, jump: number, maxTokens: number): number[] {
  const size = chain.tokens.length;
  const out: number[] = [];
  let a = BOS;
  let b = BOS;
  while (out.length < maxTokens) {
    let choices: Int32Array | undefined;
    if (b !== BOS && rng() < jump) choices = chain.next1[b];
    if (!choices || !choices.length) choices = chain.next2.get(a * size + b) ?? chain.next1[b];
    if (!choices || !choices.length) break;
    const next = choices[Math.floor(rng() * choices.length)];
    if (next === EOS) break;
    out.push(next);
    a = b;
    b = next;
  }
  return out;
}

function coreWord(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Folded key for de-duplicating names the way the parser does (case and accents ignored). */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function isOutletLike(name: string): boolean {
  const words = name.split(' ');
  return name.length <= 40 && words.length <= 5 && !/[.,;:!?…"”’)]$/.test(name) && words.every((word) => /^[\p{Lu}\d&]/u.test(word));
}

/** Proper-noun phrases (runs of capitalised words) with their frequencies, most frequent first. */
function properNouns(sentences: string[][], titles: string[][]): { phrase: string; count: number }[] {
  const counts = new Map<string, { phrase: string; count: number }>();
  const add = (words: string[]) => {
    if (!words.length || words.length > 3) return;
    const phrase = words.join(' ');
    if (phrase.length < 3 || phrase.length > 32) return;
    const key = nameKey(phrase);
    const entry = counts.get(key) ?? counts.set(key, { phrase, count: 0 }).get(key)!;
    entry.count++;
  };
  for (const sequence of [...sentences, ...titles]) {
    let run: string[] = [];
    const flush = () => {
      while (run.length && STOP.has(run[0].toLowerCase())) run.shift();
      while (run.length && STOP.has(run.at(-1)!.toLowerCase())) run.pop();
      add(run);
      run = [];
    };
    sequence.forEach((token) => {
      const core = coreWord(token);
      const capitalised = /^[\p{Lu}][\p{L}\d'’-]*$/u.test(core) && !/^\d/.test(core);
      if (!capitalised || /^[“"‘'(]/.test(token)) flush();
      if (capitalised) run.push(core.replace(/[’']s$/, ''));
      if (!capitalised || /[^\p{L}\p{N}]$/u.test(token)) flush();
    });
    flush();
  }
  return [...counts.values()].sort((x, y) => y.count - x.count || (x.phrase < y.phrase ? -1 : x.phrase > y.phrase ? 1 : 0));
}

/** Ranked, de-duplicated (by folded name and by slug) list of `target` names. */
function rankedUnique(candidates: Iterable<string>, target: number, accept: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  for (const candidate of candidates) {
    const name = collapseWhitespace(candidate);
    const key = nameKey(name);
    const slug = slugify(name);
    if (!name || !slug || keys.has(key) || keys.has(`slug:${slug}`) || !accept(name)) continue;
    keys.add(key);
    keys.add(`slug:${slug}`);
    out.push(name);
    if (out.length >= target) break;
  }
  return out;
}

/** Pairs (i, j) of two lists walked diagonal by diagonal, so early items of both come first. */
function* diagonal<A, B>(first: readonly A[], second: readonly B[]): Generator<[A, B]> {
  for (let sum = 0; sum < first.length + second.length - 1; sum++) {
    for (let i = Math.max(0, sum - second.length + 1); i <= Math.min(sum, first.length - 1); i++) yield [first[i], second[sum - i]];
  }
}

export interface ModelOptions {
  seedsDir: string;
  seed: string;
  tags: number;
  sources: number;
  authors: number;
  rareNames: number;
}

export async function buildModel(options: ModelOptions): Promise<CorpusModel> {
  const real = await readCaptures(options.seedsDir);
  if (!real.captures.length) throw new Error(`no captures found in ${options.seedsDir} to learn from`);
  const rng = stream(options.seed, 'model');
  const titleTokens = real.captures.map((capture) => collapseWhitespace(capture.title).split(' '));
  const sentences = real.captures.flatMap(sentencesOf).map((sentence) => sentence.split(' '));
  const titleChain = buildChain(titleTokens);
  const bodyChain = buildChain([...sentences, ...titleTokens.map((title) => [...title.slice(0, -1), `${title.at(-1)}.`])]);

  // Word frequencies over the whole real text, to tell rare names from common words.
  const frequency = new Map<string, number>();
  for (const sequence of [...sentences, ...titleTokens]) {
    for (const token of sequence) {
      const core = coreWord(token);
      frequency.set(core, (frequency.get(core) ?? 0) + 1);
    }
  }
  const isRareName = (token: string) => {
    const match = token.match(NAME_TOKEN);
    return !!match && !STOP.has(match[2].toLowerCase()) && (frequency.get(match[2]) ?? 0) <= 2 && !frequency.has(match[2].toLowerCase());
  };
  const rareFlags = (chain: Chain) => Uint8Array.from(chain.tokens, (token, id) => (id > EOS && isRareName(token) ? 1 : 0));
  const rareReal = [...new Set([...frequency.keys()].filter((word) => isRareName(word)))].sort();

  // Synthetic rare names: the front of one rare real name spliced to the back of another.
  const rareNames: string[] = [];
  const seen = new Set<string>([...frequency.keys()].map((word) => word.toLowerCase()));
  const lower = rareReal.map((word) => word.toLowerCase());
  for (let attempt = 0; rareNames.length < options.rareNames && attempt < options.rareNames * 20 && lower.length > 1; attempt++) {
    const a = lower[Math.floor(rng() * lower.length)];
    const b = lower[Math.floor(rng() * lower.length)];
    if (a === b) continue;
    const cutA = 2 + Math.floor(rng() * (a.length - 2));
    const cutB = Math.floor(rng() * (b.length - 2));
    const name = a.slice(0, cutA) + b.slice(cutB);
    if (name.length < 5 || name.length > 14 || seen.has(name) || !/[aeiouy]/.test(name.slice(-3))) continue;
    seen.add(name);
    rareNames.push(name[0].toUpperCase() + name.slice(1));
  }

  const nouns = properNouns(sentences, titleTokens);
  const singleNames = nouns.filter((noun) => !noun.phrase.includes(' ') && /^\p{Lu}\p{Ll}+$/u.test(noun.phrase)).map((noun) => noun.phrase);
  const topicWords = [...frequency.entries()]
    .filter(([word, count]) => /^\p{Ll}{6,}$/u.test(word) && !/(?:ed|ing|ly)$/.test(word) && count >= 2 && !STOP.has(word))
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([word]) => word);

  const tagNames = rankedUnique(
    (function* () {
      yield* real.tags;
      for (const noun of nouns) yield noun.phrase;
      for (const [name, topic] of diagonal(nouns.map((noun) => noun.phrase), topicWords)) yield `${name} ${topic}`;
    })(),
    options.tags,
    (name) => name.length <= 40,
  );

  const outletNames = rankedUnique(
    (function* () {
      yield* real.sources;
      for (const [name, suffix] of diagonal(singleNames, OUTLET_SUFFIXES)) yield `${name} ${suffix}`;
      for (const [name, suffix] of diagonal(rareNames, OUTLET_SUFFIXES)) yield `${name} ${suffix}`;
    })(),
    options.sources,
    isOutletLike,
  );

  // Person names: real bylines, then names that follow a title or role ("spokeswoman Maria Zakharova"), recombined.
  const firsts: string[] = [];
  const lasts: string[] = [];
  for (const sequence of sentences) {
    for (let i = 0; i + 2 < sequence.length; i++) {
      if (!NAME_CUES.has(coreWord(sequence[i]).toLowerCase())) continue;
      const first = sequence[i + 1];
      const last = coreWord(sequence[i + 2]);
      const common = (frequency.get(first) ?? 0) > 3;
      if (/^\p{Lu}\p{Ll}+$/u.test(first) && /^\p{Lu}\p{Ll}+$/u.test(last) && !STOP.has(first.toLowerCase()) && !common) {
        firsts.push(first);
        lasts.push(last);
      }
    }
  }
  for (const author of real.authors) {
    const [first, ...rest] = author.split(' ');
    if (first && rest.length) {
      firsts.push(first);
      lasts.push(rest.join(' '));
    }
  }
  const uniqueFirsts = [...new Set(firsts)];
  const uniqueLasts = [...new Set([...lasts, ...rareNames.slice(0, 200)])];
  shuffle(rng, uniqueFirsts);
  shuffle(rng, uniqueLasts);
  const authorNames = rankedUnique(
    (function* () {
      yield* real.authors;
      for (const [first, last] of diagonal(uniqueFirsts, uniqueLasts)) yield `${first} ${last}`;
    })(),
    options.authors,
    (name) => name.length <= 40 && isOutletLike(name),
  );

  return {
    titleChain,
    bodyChain,
    rareTitle: rareFlags(titleChain),
    rareBody: rareFlags(bodyChain),
    tagNames,
    outletNames,
    authorNames,
    rareNames,
    stats: {
      files: real.files,
      captures: real.captures.length,
      sentences: sentences.length,
      titleTokens: titleChain.tokens.length - 2,
      bodyTokens: bodyChain.tokens.length - 2,
    },
  };
}

/** Renders walked token ids as words, swapping rare real names for synthetic long-tail ones. */
export function renderTokens(chain: Chain, ids: number[], rare: Uint8Array, rng: Rng, rareName: () => string, end = ids.length): string[] {
  const words = new Array<string>(end);
  for (let i = 0; i < end; i++) {
    const token = chain.tokens[ids[i]];
    if (rare[ids[i]] && rng() < 0.75) {
      const match = token.match(NAME_TOKEN)!;
      words[i] = match[1] + rareName() + match[3];
    } else words[i] = token;
  }
  return words;
}

/** Per-token flags of a chain, so sentences can be checked without regular expressions over whole strings. */
export interface TokenFlags {
  /** Ends a sentence: `.`, `!` or `?`, maybe followed by closing quotes. */
  final: Uint8Array;
  /** A function word a headline or a cut sentence should not end on. */
  functionWord: Uint8Array;
  /** Would make a paragraph read as a header line or bullet: `By`, `Source:`, `•`, `Contents`. */
  badStart: Uint8Array;
}

export function tokenFlags(chain: Chain, functionWords: ReadonlySet<string>): TokenFlags {
  const flag = (test: (token: string) => boolean) => Uint8Array.from(chain.tokens, (token, id) => (id > EOS && test(token) ? 1 : 0));
  return {
    final: flag((token) => /[.!?]["”’)]*$/.test(token)),
    functionWord: flag((token) => functionWords.has(token.toLowerCase().replace(/[^\p{L}]/gu, ''))),
    badStart: flag((token) => /^(?:by|source:?|•.*|contents)$/i.test(token)),
  };
}

export { zipfSampler };
