import { recordsJsonText } from '../lib/collection.ts';

/** Every record in the `parse` CLI's shape and order (by slug), for people who want the data. */
export async function GET() {
  return new Response(await recordsJsonText(), { headers: { 'Content-Type': 'application/json' } });
}
