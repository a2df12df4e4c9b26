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

const OriginSchema = z.object({
  /** Seed file path relative to the seed folder, with `/` separators. */
  file: z.string().min(1),
  /** 1-based line of the capture's title. */
  line: z.number().int().positive(),
});

export const ArticleSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(1),
    teaser: z.string(),
    truncated: z.boolean(),
    body: z.string(),
    sources: z.array(z.string().min(1)),
    authors: z.array(z.string().min(1)),
    tags: z.array(z.string().min(1)),
    date: PartialDateSchema.optional(),
    dateSource: z.enum(['front-matter', 'title']).optional(),
    links: z.array(z.url({ protocol: /^https?$/ })),
    origins: z.array(OriginSchema).min(1),
  })
  .refine((article) => (article.date === undefined) === (article.dateSource === undefined), {
    message: 'date and dateSource go together',
    path: ['dateSource'],
  })
  .refine((article) => !article.truncated || article.body === '', {
    message: 'a truncated capture has no body',
    path: ['body'],
  });

export type Article = z.infer<typeof ArticleSchema>;
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
