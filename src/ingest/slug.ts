import transliterate from '@sindresorhus/transliterate';
import anyAscii from 'any-ascii';

const MAX_SLUG_LENGTH = 80;

/** Locale-free order by UTF-16 code units: the order of records (by slug) and problems in every output. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function bySlug(a: { slug: string }, b: { slug: string }): number {
  return compareCodeUnits(a.slug, b.slug);
}

/** Letters that Unicode decomposition does not fold to ASCII. */
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŀ: 'l',
};

/** Lower-cases and folds accents: "Çavuşoğlu" → "cavusoglu". */
export function foldAccents(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłıħŀ]/g, (letter) => EXTRA_FOLDS[letter] ?? letter);
}

/** A run of letters (and their marks) in scripts other than Latin. */
const NON_LATIN_RUN = /[^\p{Script=Latin}\p{Script=Common}]+/gu;

/**
 * Writes other scripts in Latin letters: "Армия освободила Алеппо" → "Armiya osvobodila Aleppo",
 * "الجيش السوري" → "aljysh alswry". @sindresorhus/transliterate knows Cyrillic, Greek, Arabic,
 * Persian, Urdu, Armenian, Georgian and more; any-ascii spells whatever it leaves (Hebrew, CJK,
 * Indic scripts). Latin text is left to `foldAccents`, so Latin slugs stay as they were.
 */
function latinise(text: string): string {
  return text.replace(NON_LATIN_RUN, (run) => anyAscii(transliterate(run)));
}

/**
 * A URL-safe slug (`[a-z0-9-]`), cut at a word boundary to at most 80 characters.
 * Text with no letters or digits gives an empty string: see `slugOrHash`.
 */
export function slugify(text: string): string {
  const words = foldAccents(latinise(text))
    .replace(/['’‘`´]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, MAX_SLUG_LENGTH);
}

/** A slug that is never empty: text that slugifies to nothing gets `<fallback>-<hash>`. */
function slugOrHash(text: string, fallback: string): string {
  return slugify(text) || `${fallback}-${shortHash(text)}`;
}

/** Eight hex digits of FNV-1a over the UTF-16 code units: stable, tiny, good enough to tell texts apart. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Gives each distinct identity key a unique slug. Texts that slugify alike are told
 * apart by content, not by order: the smallest key keeps the plain slug, the others
 * get their key's hash appended, so the result never depends on input order.
 */
export function assignSlugs(names: Map<string, string>, fallback: string): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const [key, text] of names) {
    const base = slugOrHash(text, fallback);
    if (byBase.has(base)) byBase.get(base)!.push(key);
    else byBase.set(base, [key]);
  }
  const slugs = new Map<string, string>();
  for (const [base, keys] of byBase) {
    keys.sort(compareCodeUnits);
    keys.forEach((key, index) => slugs.set(key, index === 0 ? base : `${base}-${shortHash(key)}`));
  }
  return slugs;
}
