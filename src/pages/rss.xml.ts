import rss from '@astrojs/rss';
import { SITE_DESCRIPTION, SITE_LANGUAGE, SITE_TITLE, SITE_URL } from '../consts.ts';
import { getArchive } from '../lib/collection.ts';
import { absoluteUrl, articleUrl } from '../lib/urls.ts';

const FEED_SIZE = 50;

/** The newest 50 articles; undated ones fill the feed only when fewer than 50 are dated. */
export async function GET() {
  const { articles } = await getArchive();
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: SITE_URL,
    // A language tag (checked in src/consts.ts) holds no character that XML would read.
    customData: `<language>${SITE_LANGUAGE}</language>`,
    items: articles.slice(0, FEED_SIZE).map((article) => ({
      title: article.title,
      link: absoluteUrl(articleUrl(article.slug)),
      description: article.teaser,
      categories: article.tags,
      ...(article.date && { pubDate: new Date(article.date) }),
      ...(article.authors.length && { author: article.authors.join(', ') }),
    })),
  });
}
