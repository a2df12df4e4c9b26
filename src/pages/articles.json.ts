import { getArchive } from '../lib/collection.ts';
import { bySlug } from '../ingest/slug.ts';

/** Every record in the `parse` CLI's shape and order (by slug), for people who want the data. */
export async function GET() {
  const { articles } = await getArchive();
  return new Response(JSON.stringify([...articles].sort(bySlug), null, 2), { headers: { 'Content-Type': 'application/json' } });
}
