/**
 * Finding the gazetteer's people, places and organisations in a text, however it is spelled.
 * Pure: `compileGazetteer` once, then `matchEntities` per article.
 *
 * A name is matched as a run of whole words. Both the alias and the text are folded the same way:
 * case and accents ignored, apostrophes dropped ("Ma’arrat" = "Maarrat", "Assad’s" = "Assad"), any
 * spaces, hyphens, commas or quote marks between two words alike ("Deir ez Zor" = "Deir-ez-Zor"),
 * initials with dots one word ("U.S." = "US"). The Arabic article counts for nothing wherever it is
 * a word of its own ("al-", "el ", "ez-", "as-", …) and, after a name's first word, where it is
 * glued on with the consonant it doubles ("Deir Ezzor" = "Deir ez-Zor" = "Deir Zor"). Words are
 * never run together: "IS is" is not "ISIS", "put in" is not "Putin".
 *
 * Speed: folded aliases form a trie of characters, with a space between words, and one pass over
 * the text walks it along each word as it reads it, folding character by character. Most words
 * leave the trie after a step or two; only where a name may start are words built and looked at
 * again. The aliases are folded with the same character folding, so both sides always agree.
 */
import { assignSlugs, compareCodeUnits, foldAccents } from './slug.ts';
import type { GazetteerEntity, SourceLine } from './gazetteer.ts';
import type { EntityKind, EntityMention, Problem } from './record.ts';

/** The Arabic article as outlets transliterate it, in Latin and Cyrillic letters. */
const ARTICLES = new Set([
  'al', 'el', 'ul', 'ad', 'ed', 'ar', 'er', 'as', 'es', 'ash', 'esh', 'at', 'et', 'az', 'ez', 'an', 'en',
  'аль', 'эль', 'ад', 'эд', 'ар', 'эр', 'ас', 'эс', 'аш', 'эш', 'ат', 'эт', 'аз', 'эз', 'ан', 'эн',
]);
const ARTICLE_INITIALS = new Set(['a', 'e', 'u', 'а', 'э']);
/** Articles that can open a name without a hyphen ("Al Bukemal", "El Tanf"); the others are English words there. */
const SPACED_ARTICLES = new Set(['al', 'el', 'аль', 'эль']);
/** An article glued to a sun letter that it doubles: "ezzor" → "zor", "ashsham" → "sham". */
const GLUED_ARTICLE = /^[ae](?=(sh|th|dh|[tdrzsn])\1)/;

/** Apostrophes that may stand inside a word ("Hay'at"); they and the letter-like ones fold to nothing. */
const INNER_APOSTROPHES = new Set([0x27, 0x2019, 0x2bc]);
const APOSTROPHES = /['’ʼʻʿʾ`´‘]/g;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;
const PLAIN_WORD = /^[A-Za-z0-9]+$/;
/** What may stand between two words of one name: spaces (one line break at most), hyphens, dashes, commas, quote marks. */
const NAME_GAP = /^[\s"'“”‘’«»„‹›ʼ,\-‐‑‒–—]+$/u;
const HYPHEN = /[-‐‑‒–—]/;
const SPACE = 0x20;
const DOT = 0x2e;
const APOSTROPHE = 0x27;
const LETTER_S = 0x73;
/** A Wikipedia disambiguation such as "Ministry of Defence (Russia)": such a name is only matched through its aliases. */
const DISAMBIGUATION = /\s\([^)]*\)$/;

export interface GazetteerTopic {
  slug: string;
  name: string;
  kind: EntityKind;
  /** Aliases as written in the gazetteer, without the name itself. */
  aliases: string[];
}

/** The gazetteer folded for matching. Build it once with `compileGazetteer`. */
export interface CompiledGazetteer {
  topics: GazetteerTopic[];
  names: Trie;
}

/**
 * Folded names as a trie of characters, a space between words. Nodes are numbers: 0 is none,
 * `Trie.ROOT` the root; edges for ASCII characters sit in one flat table, the others in a map.
 */
class Trie {
  static readonly ROOT = 1;
  ascii = new Int32Array(0x400 * 0x80);
  readonly other = new Map<number, number>();
  /** The entities a folded name stands for, at the node where it ends. */
  readonly targets: (NameTargets | undefined)[] = [];
  nodes = Trie.ROOT + 1;

  step(node: number, code: number): number {
    return code < 0x80 ? this.ascii[node * 0x80 + code] : (this.other.get(node * 0x10000 + code) ?? 0);
  }

  insert(name: string, targets: NameTargets): void {
    let node = Trie.ROOT;
    for (let at = 0; at < name.length; at++) {
      const code = name.charCodeAt(at);
      let next = this.step(node, code);
      if (!next) {
        next = this.nodes++;
        if (this.nodes * 0x80 > this.ascii.length) {
          const grown = new Int32Array(this.ascii.length * 2);
          grown.set(this.ascii);
          this.ascii = grown;
        }
        if (code < 0x80) this.ascii[node * 0x80 + code] = next;
        else this.other.set(node * 0x10000 + code, next);
      }
      node = next;
    }
    this.targets[node] = targets;
  }
}

interface NameTargets {
  /** Index into `topics` of the entity this name stands for in any case. */
  anyCase?: number;
  /** Case-sensitive forms (accents and separators still folded) → index into `topics`. */
  exact: Map<string, number>;
}

const ASCII_WORD_CHARS = Uint8Array.from({ length: 0x80 }, (_, code) => Number(/[A-Za-z0-9]/.test(String.fromCharCode(code))));
const otherWordChars = new Map<number, boolean>();

function isWordChar(code: number): boolean {
  if (code < 0x80) return ASCII_WORD_CHARS[code] === 1;
  let wordChar = otherWordChars.get(code);
  if (wordChar === undefined) otherWordChars.set(code, (wordChar = LETTER_OR_DIGIT.test(String.fromCharCode(code))));
  return wordChar;
}

const foldedChars = new Map<number, string>();

/** A character lower-cased, without accents, apostrophes or the dots of initials: "Ç" → "c", "ß" → "ss". */
function foldChar(code: number): string {
  let folded = foldedChars.get(code);
  if (folded === undefined) foldedChars.set(code, (folded = code === DOT ? '' : foldAccents(String.fromCharCode(code)).replace(APOSTROPHES, '')));
  return folded;
}

interface Word {
  start: number;
  /** End as written: without a possessive "’s", with the dots of initials ("U.S."). */
  end: number;
  /** Where the gap to the next word starts (after a possessive). */
  next: number;
}

/** A single letter followed by a dot, such as the "U." of "U.S." */
function isInitial(text: string, at: number): boolean {
  return isWordChar(text.charCodeAt(at)) && text.charCodeAt(at + 1) === DOT && !isWordChar(text.charCodeAt(at - 1));
}

/** The first word at or after `from`: letters and digits with apostrophes inside, or initials with dots. */
function readWord(text: string, from: number): Word | undefined {
  let start = from;
  while (start < text.length && !isWordChar(text.charCodeAt(start))) start++;
  if (start >= text.length) return undefined;
  let at = start;
  while (isInitial(text, at)) at += 2;
  if (at > start) {
    // "U.S": the last initial may come without its dot.
    if (isWordChar(text.charCodeAt(at)) && !isWordChar(text.charCodeAt(at + 1))) at++;
    return { start, end: at, next: at };
  }
  while (at < text.length && (isWordChar(text.charCodeAt(at)) || (INNER_APOSTROPHES.has(text.charCodeAt(at)) && isWordChar(text.charCodeAt(at + 1))))) at++;
  const possessive = at - start > 2 && (text.charCodeAt(at - 1) | 0x20) === LETTER_S && INNER_APOSTROPHES.has(text.charCodeAt(at - 2));
  return { start, end: possessive ? at - 2 : at, next: at };
}

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (let word = readWord(text, 0); word; word = readWord(text, word.next)) words.push(word);
  return words;
}

function foldText(text: string): string {
  let folded = '';
  for (let index = 0; index < text.length; index++) folded += foldChar(text.charCodeAt(index));
  return folded;
}

function foldedWord(text: string, word: Word): string {
  return foldText(text.slice(word.start, word.end));
}

/** The word as written with case kept, accents, apostrophes and dots dropped: what case-sensitive aliases compare. */
function exactWord(text: string, word: Word): string {
  const written = text.slice(word.start, word.end);
  return PLAIN_WORD.test(written) ? written : written.normalize('NFKD').replace(/\p{M}+/gu, '').replace(APOSTROPHES, '').replaceAll('.', '');
}

/** Whether word `b` continues a name that word `a` is part of: only separators between them, one line break at most. */
function joins(text: string, a: Word, b: Word): boolean {
  if (b.start - a.next === 1 && text.charCodeAt(a.next) === SPACE) return true;
  const gap = text.slice(a.next, b.start);
  return NAME_GAP.test(gap) && gap.indexOf('\n') === gap.lastIndexOf('\n');
}

function isArticle(text: string, start: number, end: number): boolean {
  return end - start >= 2 && end - start <= 3 && ARTICLE_INITIALS.has(foldChar(text.charCodeAt(start))) && ARTICLES.has(foldText(text.slice(start, end)));
}

/** Whether a name may start with this article: "al"/"el" always, the others only when hyphenated ("as-Suwayda"). */
function opensName(text: string, article: Word, next: Word): boolean {
  return joins(text, article, next) && (SPACED_ARTICLES.has(foldedWord(text, article)) || HYPHEN.test(text.slice(article.next, next.start)));
}

/** How many folded characters a glued article takes at the start of a folded word ("ezzor" → 1 + 1), or 0. */
function gluedArticleLength(folded: string): number {
  const glued = GLUED_ARTICLE.exec(folded);
  return glued ? 1 + glued[1].length : 0;
}

/** Adds a folded word to a folded name: articles count for nothing, a glued article is dropped after the first word. */
function extendName(name: string, folded: string): string {
  if (ARTICLES.has(folded)) return name;
  return name ? `${name} ${folded.slice(gluedArticleLength(folded))}` : folded;
}

/** A word's glued article, in folded characters: only words starting with a or e can have one. */
function gluedArticleIn(text: string, word: Word): number {
  const initial = foldChar(text.charCodeAt(word.start));
  if (initial !== 'a' && initial !== 'e') return 0;
  return gluedArticleLength(foldText(text.slice(word.start, Math.min(word.end, word.start + 5))));
}

/** Walks the trie along one character of the text, folded. */
function step(names: Trie, node: number, code: number): number {
  if (code < 0x80) return code === DOT || code === APOSTROPHE ? node : names.step(node, code >= 0x41 && code <= 0x5a ? code + 0x20 : code);
  return walkFolded(names, node, foldChar(code));
}

function walkWord(names: Trie, node: number, text: string, word: Word): number {
  for (let at = word.start; node && at < word.end; at++) node = step(names, node, text.charCodeAt(at));
  return node;
}

function walkFolded(names: Trie, node: number, folded: string): number {
  for (let at = 0; node && at < folded.length; at++) node = names.step(node, folded.charCodeAt(at));
  return node;
}

/** Whether the word at `at` is an article or starts with a glued one: its first few characters tell. */
function startsWithArticle(text: string, at: number): boolean {
  if (!ARTICLE_INITIALS.has(foldChar(text.charCodeAt(at)))) return false;
  let end = at;
  while (end < text.length && end - at < 6 && isWordChar(text.charCodeAt(end))) end++;
  const folded = foldText(text.slice(at, end));
  return ARTICLES.has(folded) || GLUED_ARTICLE.test(folded);
}

/** A quick look at the next word's first characters: whether a name can go on from `node` with it. */
function mayContinue(names: Trie, node: number, text: string, at: number): boolean {
  const space = names.step(node, SPACE);
  if (!space) return false;
  while (at < text.length && !isWordChar(text.charCodeAt(at))) at++;
  return at < text.length && (step(names, space, text.charCodeAt(at)) !== 0 || startsWithArticle(text, at));
}

interface Match {
  topic: number;
  first: Word;
  last: Word;
}

/** The longest gazetteer name that starts with `span` (its words so far, the last one walked to `node`). */
function longestMatchFrom(text: string, span: Word[], node: number, gazetteer: CompiledGazetteer): Match | undefined {
  const { names } = gazetteer;
  let longest: Match | undefined;
  while (node) {
    const targets = names.targets[node];
    const topic = targets && resolveCase(text, span, targets);
    if (topic !== undefined) longest = { topic, first: span[0], last: span[span.length - 1] };
    if (!mayContinue(names, node, text, span[span.length - 1].next)) break;
    let word: Word | undefined;
    do {
      const previous = span[span.length - 1];
      word = readWord(text, previous.next);
      if (!word || !joins(text, previous, word)) return longest;
      span.push(word);
    } while (isArticle(text, word.start, word.end));
    const space = names.step(node, SPACE);
    const glued = gluedArticleIn(text, word);
    node = glued ? walkFolded(names, space, foldedWord(text, word).slice(glued)) : walkWord(names, space, text, word);
  }
  return longest;
}

/** The longest gazetteer name that starts with an article (only "al"/"el", or one with a hyphen, can start one). */
function longestMatchAfterArticle(text: string, article: Word, gazetteer: CompiledGazetteer): Match | undefined {
  const next = readWord(text, article.next);
  if (!next || !opensName(text, article, next)) return undefined;
  return longestMatchFrom(text, [article, next], walkWord(gazetteer.names, Trie.ROOT, text, next), gazetteer);
}

function resolveCase(text: string, span: Word[], targets: NameTargets): number | undefined {
  if (targets.anyCase !== undefined) return targets.anyCase;
  return targets.exact.get(span.map((word) => exactWord(text, word)).join(' '));
}

/**
 * Every gazetteer entity the text names, most-named first (then by slug), with how often and in
 * which spellings. Names match as whole words, longest first, without overlapping: in "US-led
 * coalition" only the coalition counts.
 *
 * One pass reads the text a word at a time and walks the trie along each word as it goes. Only a
 * word that a name may start with is looked at again: one whose walk reached a name or may go on
 * to the next word, an article, or a word the pass can't fold alone (apostrophes, initials).
 */
export function matchEntities(text: string, gazetteer: CompiledGazetteer): EntityMention[] {
  const { names } = gazetteer;
  const mentions = new Map<number, EntityMention>();
  for (let at = 0; at < text.length; ) {
    const first = text.charCodeAt(at);
    if (first < 0x80 ? ASCII_WORD_CHARS[first] === 0 : !isWordChar(first)) {
      at++;
      continue;
    }
    const start = at;
    let node = Trie.ROOT;
    let plain = true;
    for (let code = text.charCodeAt(at); at < text.length; code = text.charCodeAt(++at)) {
      if (code < 0x80 && ASCII_WORD_CHARS[code] === 1) {
        if (node) node = names.ascii[node * 0x80 + (code >= 0x41 && code <= 0x5a ? code + 0x20 : code)];
      } else if (isWordChar(code)) node = node && step(names, node, code);
      else if (INNER_APOSTROPHES.has(code) && isWordChar(text.charCodeAt(at + 1))) plain = false;
      else break;
    }
    if (at - start === 1 && text.charCodeAt(at) === DOT) plain = false;
    let match: Match | undefined;
    if (!plain) {
      const word = readWord(text, start)!;
      match = isArticle(text, word.start, word.end)
        ? longestMatchAfterArticle(text, word, gazetteer)
        : longestMatchFrom(text, [word], walkWord(names, Trie.ROOT, text, word), gazetteer);
    } else if (isArticle(text, start, at)) {
      match = longestMatchAfterArticle(text, { start, end: at, next: at }, gazetteer);
    } else if (node && (names.targets[node] !== undefined || mayContinue(names, node, text, at))) {
      match = longestMatchFrom(text, [{ start, end: at, next: at }], node, gazetteer);
    }
    if (!match) continue;
    const spelling = text.slice(match.first.start, match.last.end).replace(/\s+/g, ' ');
    const mention = mentions.get(match.topic);
    if (mention) {
      mention.count++;
      if (!mention.spellings.includes(spelling)) mention.spellings.push(spelling);
    } else {
      const { slug, name, kind } = gazetteer.topics[match.topic];
      mentions.set(match.topic, { slug, name, kind, count: 1, spellings: [spelling] });
    }
    at = match.last.next;
  }
  return [...mentions.values()].sort((a, b) => b.count - a.count || compareCodeUnits(a.slug, b.slug));
}

/**
 * The text of an article that names are looked for in: title and body, or title and teaser when
 * only an excerpt was captured (a full text's teaser repeats its first paragraph), then the texts of
 * other captures that the article's own text does not hold. URLs are left out.
 */
export function mentionText(article: { title: string; teaser: string; body: string; origins: { text: string | null }[] }): string {
  const others = article.origins.flatMap((origin) => (origin.text === null ? [] : [origin.text]));
  return [article.title, article.body || article.teaser, ...others].join('\n\n').replace(/<?https?:\/\/[^\s>]*>?/g, ' ');
}

/**
 * Each entity's slug with the slugs of every entity named inside its names ("anti-ISIS coalition"
 * holds ISIS, "Deir ez-Zor Airport" holds Deir ez-Zor), and of those inside those: what a search
 * index needs besides an entity's own names. An index that holds "anti-ISIS coalition" for an
 * article answers a search for "ISIS" with it, so it must answer "Daesh" and "Islamic State" too.
 */
export function entitiesWithin(gazetteer: CompiledGazetteer): Map<string, string[]> {
  const { topics } = gazetteer;
  const inside = new Map(
    topics.map((topic) => {
      const found = new Set<string>();
      for (const name of [topic.name, ...topic.aliases]) {
        const words = splitWords(name);
        if (words.length < 2) continue;
        const parts = [name.slice(words[1].start), name.slice(0, words[words.length - 2].end)];
        for (const part of parts) for (const mention of matchEntities(part, gazetteer)) found.add(mention.slug);
      }
      found.delete(topic.slug);
      return [topic.slug, found];
    }),
  );
  return new Map(
    topics.map((topic) => {
      const reached = new Set([topic.slug]);
      for (const slug of reached) for (const other of inside.get(slug)!) reached.add(other);
      return [topic.slug, [...reached]];
    }),
  );
}

interface Claim {
  topic: number;
  alias: string;
  where: SourceLine;
}

/**
 * Folds every entity's name and aliases once. An alias that folds to nothing, that no text could
 * match as written, or that folds like another entity's alias is a problem at its file and line,
 * and is left out: the first entity to claim a folded name keeps it. A case-sensitive alias only
 * shares its folded name with other entities' case-sensitive aliases of a different case.
 */
export function compileGazetteer(entities: readonly GazetteerEntity[]): { gazetteer: CompiledGazetteer; problems: Problem[] } {
  const slugs = assignSlugs(new Map(entities.map((entity) => [entity.name, entity.name])), 'entity');
  const problems: Problem[] = [];
  const topics: GazetteerTopic[] = [];
  const anyCase = new Map<string, Claim>();
  const exact = new Map<string, Map<string, Claim>>();
  entities.forEach((entity, topic) => {
    const aliases: string[] = [];
    const ownName = DISAMBIGUATION.test(entity.name) ? [] : [{ text: entity.name, caseSensitive: false, where: entity.where }];
    for (const alias of [...ownName, ...entity.aliases]) {
      const problem = (message: string) =>
        problems.push({ ...alias.where, severity: 'error', message: `entity "${entity.name}": alias "${alias.text}" ${message}` });
      const folded = foldAlias(alias.text);
      if (typeof folded === 'string') {
        problem(folded);
        continue;
      }
      const forms = exact.get(folded.name);
      const sameCase = alias.caseSensitive ? forms?.get(folded.exact) : undefined;
      const claims = [anyCase.get(folded.name), ...(alias.caseSensitive ? [sameCase] : (forms?.values() ?? []))];
      const rival = claims.find((claim) => claim !== undefined && claim.topic !== topic);
      if (rival) {
        problem(`is already an alias of "${entities[rival.topic].name}" (as "${rival.alias}" at ${rival.where.file}:${rival.where.line}); an alias stands for one entity`);
        continue;
      }
      if (alias.text !== entity.name && !aliases.includes(alias.text)) aliases.push(alias.text);
      const claim = { topic, alias: alias.text, where: alias.where };
      if (!alias.caseSensitive) anyCase.set(folded.name, anyCase.get(folded.name) ?? claim);
      else if (!sameCase) exact.set(folded.name, (forms ?? new Map<string, Claim>()).set(folded.exact, claim));
    }
    topics.push({ slug: slugs.get(entity.name)!, name: entity.name, kind: entity.kind, aliases });
  });
  const folded = new Set([...anyCase.keys(), ...exact.keys()]);
  const names = new Trie();
  for (const name of folded) {
    const forms = [...(exact.get(name) ?? [])].map(([form, claim]): [string, number] => [form, claim.topic]);
    names.insert(name, { anyCase: anyCase.get(name)?.topic, exact: new Map(forms) });
  }
  return { gazetteer: { topics, names }, problems };
}

/** An alias's folded name and its case-kept form, or why it can never match. */
function foldAlias(alias: string): { name: string; exact: string } | string {
  const words = splitWords(alias);
  if (!words.length) return 'has no letters or digits';
  for (let index = 1; index < words.length; index++) {
    if (!joins(alias, words[index - 1], words[index])) {
      const gap = alias.slice(words[index - 1].next, words[index].start);
      return `can never match: only spaces, hyphens, commas and quote marks may stand between the words of a name (found "${gap}")`;
    }
  }
  const name = words.reduce((folded, word) => extendName(folded, foldedWord(alias, word)), '');
  if (!name) return 'is only an Arabic article';
  return { name, exact: words.map((word) => exactWord(alias, word)).join(' ') };
}
