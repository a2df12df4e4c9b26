import matter from 'gray-matter';
import { z } from 'zod';
import { canonicalLanguageTag, LanguageTagSchema, PartialDateSchema, type PartialDate, type Problem } from './record.ts';

export interface FrontMatter {
  date?: PartialDate;
  /** A BCP 47 tag that overrides the detected language of every article in the file. */
  lang?: string;
  tags: string[];
  sources: string[];
  authors: string[];
}

export interface FrontMatterResult {
  frontMatter: FrontMatter;
  /** The file's text after the front matter. */
  content: string;
  /** Lines the front matter took, to turn content line numbers back into file line numbers. */
  lineOffset: number;
  problems: Problem[];
}

const textList = z
  .union([z.string(), z.array(z.string())], { error: 'expected text or a list of text' })
  .transform((value) => [value].flat().map((item) => item.replace(/\s+/g, ' ').trim()));

const FrontMatterSchema = z.object({
  date: z
    .union([z.date(), z.number(), z.string()], { error: 'expected YYYY, YYYY-MM or YYYY-MM-DD' })
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim()))
    .pipe(PartialDateSchema),
  lang: z
    .string({ error: 'expected a BCP 47 language tag such as en, ar or pt-BR' })
    .transform((value) => canonicalLanguageTag(value.trim()))
    .pipe(LanguageTagSchema),
  tags: textList,
  source: textList,
  sources: textList,
  author: textList,
  authors: textList,
}).partial();

const KNOWN_KEYS = Object.keys(FrontMatterSchema.shape);
const EMPTY: FrontMatter = { tags: [], sources: [], authors: [] };

/** Reads optional YAML front matter (gray-matter). Problems name the file line of the offending key. */
export function readFrontMatter(text: string, file: string): FrontMatterResult {
  if (!/^---[ \t]*\n/.test(text)) return { frontMatter: EMPTY, content: text, lineOffset: 0, problems: [] };
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's unbounded cache keyed by file text.
    parsed = matter(text, {});
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return {
      frontMatter: EMPTY,
      content: '',
      lineOffset: 0,
      problems: [{ file, line: (mark?.line ?? 0) + 1, severity: 'error', message: `front matter is not valid YAML: ${reason}` }],
    };
  }
  const lineOffset = countLines(text.slice(0, text.length - parsed.content.length));
  const lineOf = (key: string) => {
    const index = parsed.matter.split('\n').findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`"${key}":`));
    return index < 0 ? 1 : index + 1;
  };
  const problems: Problem[] = [];
  const data: unknown = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({ file, line: 2, severity: 'error', message: 'front matter must be a mapping of keys to values' });
    return { frontMatter: EMPTY, content: parsed.content, lineOffset, problems };
  }
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.includes(key)) {
      problems.push({ file, line: lineOf(key), severity: 'warning', message: `unknown front-matter key "${key}" ignored (known: ${KNOWN_KEYS.join(', ')})` });
    }
  }
  const known = Object.fromEntries(Object.entries(data).filter(([key, value]) => KNOWN_KEYS.includes(key) && value !== null));
  const result = FrontMatterSchema.safeParse(known);
  const valid: z.infer<typeof FrontMatterSchema> = {};
  if (result.success) Object.assign(valid, result.data);
  else {
    const badKeys = new Set(result.error.issues.map((issue) => String(issue.path[0])));
    for (const issue of result.error.issues) {
      const key = String(issue.path[0]);
      problems.push({ file, line: lineOf(key), severity: 'error', message: `front-matter "${key}": ${issue.message} (got ${JSON.stringify(known[key])})` });
    }
    const retry = FrontMatterSchema.safeParse(Object.fromEntries(Object.entries(known).filter(([key]) => !badKeys.has(key))));
    if (retry.success) Object.assign(valid, retry.data);
  }
  const nonEmpty = (...keys: ('tags' | 'source' | 'sources' | 'author' | 'authors')[]) =>
    keys.flatMap((key) => {
      const values = valid[key] ?? [];
      if (values.includes('')) problems.push({ file, line: lineOf(key), severity: 'warning', message: `front-matter "${key}": empty value ignored` });
      return values.filter(Boolean);
    });
  return {
    frontMatter: { date: valid.date, lang: valid.lang, tags: nonEmpty('tags'), sources: nonEmpty('source', 'sources'), authors: nonEmpty('author', 'authors') },
    content: parsed.content,
    lineOffset,
    problems,
  };
}

function countLines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}
