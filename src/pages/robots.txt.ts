import { absoluteUrl, homeUrl, sitemapUrl } from '../lib/urls.ts';

/** Crawlers read robots.txt only at a host's root: under a sub-path, these lines belong in the root's file. */
export function GET() {
  return new Response(`User-agent: *\nAllow: ${homeUrl}\nSitemap: ${absoluteUrl(sitemapUrl)}\n`);
}
