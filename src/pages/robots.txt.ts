import { absoluteUrl, homeUrl, sitemapUrl } from '../lib/urls.ts';

/** Crawlers read robots.txt only at a host's root: under a sub-path it is there for a host that serves it at the root. */
export function GET() {
  return new Response(`User-agent: *\nAllow: ${homeUrl}\nSitemap: ${absoluteUrl(sitemapUrl)}\n`);
}
