import { DATE_SOURCES, type Article, type Problem } from './record.ts';
import type { Draft } from './normalise.ts';
import { unique } from './normalise.ts';
import { detectLanguage } from './language.ts';
import { permanentSlugs, type Permalinks } from './permalinks.ts';
import { bySlug } from './slug.ts';
import { containsWords } from './words.ts';

/** Two captures are the same article when their titles match with case, spacing, quotes and dashes folded. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`´"“”„‟″«»]/g, "'")
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A record before the names in it are looked up. */
export type Merged = Omit<Article, 'entities'>;

/**
 * Merges captures of the same article and gives each a stable slug: the one `permalinks`
 * recorded for it, if any (see permalinks.ts). The fullest capture gives the title, teaser and
 * body; tags, sources, authors, links and origins are pooled; a capture whose text the body does
 * not contain keeps it in its origin, with a warning, and so do dates that disagree. A record
 * whose front matter names no language has it detected, once, from the merged title and text.
 * Returns records sorted by slug.
 */
export function mergeDrafts(drafts: Draft[], permalinks: Permalinks = new Map()): { articles: Merged[]; problems: Problem[] } {
  const groups = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const key = titleKey(draft.title);
    const group = groups.get(key);
    if (group) group.push(draft);
    else groups.set(key, [draft]);
  }
  const slugs = permanentSlugs(new Map([...groups].map(([key, group]) => [key, group[0].title])), permalinks);
  const problems: Problem[] = [];
  const articles = [...groups]
    .map(([key, group]): Merged => {
      const merged = mergeGroup(group, problems);
      return { slug: slugs.get(key)!, ...merged, lang: merged.lang ?? detectLanguage(merged.title, merged.text) };
    })
    .sort(bySlug);
  return { articles, problems };
}

function mergeGroup(group: Draft[], problems: Problem[]): Draft {
  if (group.length === 1) return group[0];
  const primary = group.reduce((best, draft) => (isFuller(draft, best) ? draft : best));
  const at = ({ origins: [origin] }: Draft) => `${origin.file}:${origin.line}`;
  const origins = group.flatMap((draft) => {
    if (draft === primary || containsWords(primary.text, draft.text)) return draft.origins;
    problems.push(warning(draft, `"${draft.title}" is also captured at ${at(primary)} with a different text; both texts are kept`));
    return draft.origins.map((origin) => ({ ...origin, text: draft.text }));
  });
  const dated = group.filter((draft) => draft.date !== null).sort(byDateTrust);
  const [best] = dated;
  for (const draft of dated) {
    if (!best.date!.startsWith(draft.date!)) {
      problems.push(warning(draft, `"${draft.title}" is dated ${draft.date} here (${draft.dateSource}) but ${best.date} at ${at(best)} (${best.dateSource}); the article keeps ${best.date}`));
    }
  }
  // A language named in front matter: the fullest capture's first, else the first capture's that names one.
  const declared = [primary, ...group.filter((draft) => draft !== primary)].filter((draft) => draft.lang !== null);
  const [kept] = declared;
  for (const draft of declared) {
    if (draft.lang !== kept.lang) {
      problems.push(warning(draft, `"${draft.title}" has lang ${draft.lang} in front matter here but ${kept.lang} at ${at(kept)}; the article keeps ${kept.lang}`));
    }
  }
  const pool = (field: 'tags' | 'sources' | 'authors') => unique(group.flatMap((draft) => draft[field]));
  return {
    title: primary.title,
    teaser: primary.teaser,
    truncated: primary.truncated,
    body: primary.body,
    text: primary.text,
    lang: kept?.lang ?? null,
    sources: pool('sources'),
    authors: pool('authors'),
    tags: pool('tags'),
    date: best?.date ?? null,
    dateSource: best?.dateSource ?? null,
    links: [...new Set(group.flatMap((draft) => draft.links))],
    origins,
  };
}

/** A full text beats an excerpt, then the longer text wins; a tie keeps the earlier capture. */
function isFuller(draft: Draft, than: Draft): boolean {
  if (draft.truncated !== than.truncated) return !draft.truncated;
  return draft.text.length > than.text.length;
}

/** The most trusted date source first, then the most precise date; stable, so a tie keeps capture order. */
function byDateTrust(a: Draft, b: Draft): number {
  return DATE_SOURCES.indexOf(a.dateSource!) - DATE_SOURCES.indexOf(b.dateSource!) || b.date!.length - a.date!.length;
}

function warning({ origins: [origin] }: Draft, message: string): Problem {
  return { file: origin.file, line: origin.line, severity: 'warning', message };
}
