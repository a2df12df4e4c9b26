/** A regex alternation of literal words, longest first so that "BBC News" wins over "BBC". */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/** A text's letters and digits, every run of anything else as one space: what "the same words" compares. */
export function wordsOf(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Whether `text` holds every word of `part`, in order and together (an excerpt of it, say); a part with no words is in every text. */
export function containsWords(text: string, part: string): boolean {
  const words = wordsOf(part);
  return words === '' || ` ${wordsOf(text)} `.includes(` ${words} `);
}
