import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts.ts';
import { getArchive } from '../lib/collection.ts';
import { articleUrl } from '../lib/urls.ts';

const FEED_SIZE = 50;

/** The newest 50 articles; undated ones fill the feed only when fewer than 50 are dated. */
export async function GET(context: APIContext) {
  const { articles } = await getArchive();
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: context.site!,
    items: articles.slice(0, FEED_SIZE).map((article) => ({
      title: article.title,
      link: articleUrl(article.slug),
      description: article.teaser,
      categories: article.tags,
      ...(article.date && { pubDate: new Date(article.date) }),
      ...(article.authors.length && { author: article.authors.join(', ') }),
    })),
  });
}
