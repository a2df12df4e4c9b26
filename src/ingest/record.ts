import { z } from 'zod';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day. */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'not a calendar date');

function isRealDate(value: string): boolean {
  const [year, month = 1, day = 1] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "Undetermined": the language of a text too short or too mixed to tell. */
export const UNDETERMINED_LANGUAGE = 'und';

const languageNames = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });

/** A language tag in BCP 47's canonical case (`EN` → `en`, `pt-br` → `pt-BR`); a malformed one is returned as it was. */
export function canonicalLanguageTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

/** `und`, or a canonical BCP 47 tag whose language Unicode CLDR knows ("en", "ar", "pt-BR", "zh-Hant"). */
export const LanguageTagSchema = z.string().refine(isKnownLanguageTag, 'expected a BCP 47 language tag such as en, ar or pt-BR');

/** Every record is checked, and an archive has a handful of languages: ask Intl once for each. */
const knownLanguageTags = new Map<string, boolean>();

function isKnownLanguageTag(tag: string): boolean {
  let known = knownLanguageTags.get(tag);
  if (known === undefined) knownLanguageTags.set(tag, (known = tag === UNDETERMINED_LANGUAGE || isCanonicalCldrTag(tag)));
  return known;
}

function isCanonicalCldrTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag && languageNames.of(new Intl.Locale(tag).language) !== undefined;
  } catch {
    return false;
  }
}

/** Where a date was read, in order of trust: a capture's front matter beats its header lines, and so on. */
export const DATE_SOURCES = ['front-matter', 'header', 'dateline', 'url', 'title'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/** One capture of the article: where it is, who published it, and its text when that adds to the article's. */
const OriginSchema = z.object({
  /** Seed file path relative to the seed folder, with `/` separators. */
  file: z.string().min(1),
  /** 1-based line of the capture's title. */
  line: z.number().int().positive(),
  /** Outlets this capture names (header lines, dateline, front matter). */
  sources: z.array(z.string().min(1)),
  /** This capture's text when the article's `text` does not contain it; `null` when it does. */
  text: z.string().nullable(),
  /** The capture's header lines as captured (dates, source lines, bylines, a bare outlet name), whatever they were read as. */
  header: z.array(z.string().min(1)),
  /** Page-furniture lines ("Share", "Advertisement", "5 min read") kept out of the capture's text. */
  furniture: z.array(z.string().min(1)),
});

/** What a gazetteer entity is: see src/ingest/gazetteer.yaml. */
export const ENTITY_KINDS = ['person', 'place', 'organisation'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A person, place or organisation of the gazetteer that the article names. */
const EntitySchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** The canonical name: the title of the English Wikipedia article. */
  name: z.string().min(1),
  kind: z.enum(ENTITY_KINDS),
  /** How many times the article names it. */
  count: z.number().int().positive(),
  /** The forms the article writes it in (whitespace collapsed), in order of first occurrence. */
  spellings: z.array(z.string().min(1)).min(1),
});

export const ArticleSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(1),
    teaser: z.string(),
    truncated: z.boolean(),
    body: z.string(),
    /** The captured text as plain text, paragraphs separated by a blank line: the fullest capture's. */
    text: z.string(),
    /** The text's language as a BCP 47 tag: front matter's `lang`, else detected from title and text; `und` when undecidable. */
    lang: LanguageTagSchema,
    sources: z.array(z.string().min(1)),
    authors: z.array(z.string().min(1)),
    tags: z.array(z.string().min(1)),
    /** Every gazetteer entity the title and text name, most-named first, then by slug. */
    entities: z.array(EntitySchema),
    date: PartialDateSchema.nullable(),
    dateSource: z.enum(DATE_SOURCES).nullable(),
    links: z.array(z.url({ protocol: /^https?$/ })),
    origins: z.array(OriginSchema).min(1),
  })
  .refine((article) => (article.date === null) === (article.dateSource === null), {
    message: 'date and dateSource go together',
    path: ['dateSource'],
  })
  .refine((article) => !article.truncated || article.body === '', {
    message: 'a truncated capture has no body',
    path: ['body'],
  });

export type Article = z.infer<typeof ArticleSchema>;
export type EntityMention = z.infer<typeof EntitySchema>;
export type PartialDate = z.infer<typeof PartialDateSchema>;

export const ProblemSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export type Problem = z.infer<typeof ProblemSchema>;

export interface ParseResult {
  articles: Article[];
  problems: Problem[];
}
