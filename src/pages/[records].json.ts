import type { GetStaticPaths } from 'astro';
import { SEEDS_DIR } from '../consts.ts';
import { isHandedOver, recordsJson } from '../ingest/handover.ts';
import { bySlug } from '../ingest/slug.ts';
import { getArchive } from '../lib/collection.ts';

/**
 * /articles.json: every record in the `parse` CLI's shape and order (by slug), for people who
 * want the data. Under `npm run build` the file the records are handed over in is that text
 * already, and the build links it into the site itself (scripts/build.ts), so this route has no
 * page there: its path is a parameter only so that it can have none. Astro would otherwise read
 * and write the records again on every build (0.6 s of a one-edit rebuild at 10,000 articles).
 */
export const getStaticPaths = (() => (isHandedOver(SEEDS_DIR) ? [] : [{ params: { records: 'articles' } }])) satisfies GetStaticPaths;

export async function GET() {
  const text = recordsJson([...(await getArchive()).articles].sort(bySlug));
  return new Response(text, { headers: { 'Content-Type': 'application/json' } });
}
