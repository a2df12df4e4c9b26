import type { Article } from './record.ts';
import type { Draft } from './normalise.ts';
import { unique } from './normalise.ts';
import { permanentSlugs, type Permalinks } from './permalinks.ts';
import { bySlug } from './slug.ts';

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

/**
 * Merges captures of the same article (a full text wins over an excerpt; tags,
 * sources, authors, links and origins are pooled) and gives each a stable slug: the one
 * `permalinks` recorded for it, if any (see permalinks.ts). Returns records sorted by slug.
 */
export function mergeDrafts(drafts: Draft[], permalinks: Permalinks = new Map()): Article[] {
  const groups = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const key = titleKey(draft.title);
    const group = groups.get(key);
    if (group) group.push(draft);
    else groups.set(key, [draft]);
  }
  const slugs = permanentSlugs(new Map([...groups].map(([key, group]) => [key, group[0].title])), permalinks);
  return [...groups]
    .map(([key, group]): Article => ({ slug: slugs.get(key)!, ...mergeGroup(group) }))
    .sort(bySlug);
}

function mergeGroup(group: Draft[]): Draft {
  const primary = group.find((draft) => !draft.truncated) ?? group[0];
  const dated = group.find((draft) => draft.dateSource === 'front-matter') ?? group.find((draft) => draft.date);
  const pool = (field: 'tags' | 'sources' | 'authors') => unique(group.flatMap((draft) => draft[field]));
  return {
    title: primary.title,
    teaser: primary.teaser,
    truncated: primary.truncated,
    body: primary.body,
    sources: pool('sources'),
    authors: pool('authors'),
    tags: pool('tags'),
    ...(dated && { date: dated.date, dateSource: dated.dateSource }),
    links: [...new Set(group.flatMap((draft) => draft.links))],
    origins: group.flatMap((draft) => draft.origins),
  };
}
