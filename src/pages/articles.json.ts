import { getArchive } from '../lib/collection.ts';

/** Every record in the `parse` CLI's shape and order (by slug), for people who want the data. */
export async function GET() {
  const { articles } = await getArchive();
  const bySlug = [...articles].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return new Response(JSON.stringify(bySlug, null, 2), { headers: { 'Content-Type': 'application/json' } });
}
