import { join, relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { z } from 'zod';
import { entitiesWithin } from '../ingest/entities.ts';
import { ENTITIES_FILE, loadGazetteer } from '../ingest/gazetteer.ts';
import { isHandedOver } from '../ingest/handover.ts';
import { formatProblem, hasErrors } from '../ingest/problems.ts';
import { ArticleSchema, type Article } from '../ingest/record.ts';

/**
 * Astro content-layer loader over a seed folder, for `astro dev` and a bare `astro build`: the
 * same parser and schema as the `parse` CLI. An entry is stored again only when its record's
 * digest changed. Bodies are rendered by the article page, not stored rendered. A parse error
 * fails the build with the CLI's `file:line` message.
 *
 * In `npm run build` the pages read the records the build parsed (src/lib/collection.ts), and this
 * collection stays empty: Astro would serialise every record into its data store, write it, bundle
 * it as one JavaScript module and parse it again, for pages that already have them (at 10,000
 * articles, about 9 s of Astro's CPU time in a one-word rebuild, and 400 MB of its memory).
 */
export function seedLoader({ dir }: { dir: string }): Loader {
  const seedDir = resolve(dir);
  return {
    name: 'seed-loader',
    schema: ArticleSchema,
    load: async ({ store, logger, parseData, generateDigest, watcher }) => {
      const parse = async () => {
        // Only here: the parser loads the language detector's tables, which `npm run build`'s Astro never needs (0.7 s of its start).
        const { parseSeedDir } = await import('../ingest/ingest.ts');
        const { articles, problems } = await parseSeedDir(seedDir);
        for (const problem of problems) logger[problem.severity === 'error' ? 'error' : 'warn'](formatProblem(problem));
        if (hasErrors(problems)) {
          throw new Error(`seed folder ${seedDir} has errors:\n${problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n')}`);
        }
        return articles;
      };
      const sync = async (articles: Article[]) => {
        const current = new Set<string>();
        for (const article of articles) {
          current.add(article.slug);
          const digest = generateDigest(article);
          if (store.get(article.slug)?.digest === digest) continue;
          store.set({ id: article.slug, data: await parseData({ id: article.slug, data: article }), digest });
        }
        for (const id of store.keys()) if (!current.has(id)) store.delete(id);
        logger.info(`${articles.length} articles from ${seedDir}`);
      };
      if (isHandedOver(seedDir)) {
        store.clear();
        logger.info(`the pages read the records \`npm run build\` parses from ${seedDir}`);
        return;
      }
      await sync(await parse());
      // One sync at a time: a single save fires several events, and syncs must not interleave.
      let queue = Promise.resolve();
      watcher?.add(seedDir);
      watcher?.on('all', (_event, path) => {
        if (relative(seedDir, resolve(path)).startsWith('..')) return;
        queue = queue.then(async () => sync(await parse())).catch((error: Error) => logger.error(error.message));
      });
    },
  };
}

/**
 * Astro content-layer loader of the gazetteer (the shipped one with the seed folder's
 * `entities.yaml`): one entry per entity, by slug, with its names and the entities named inside
 * them (`entitiesWithin` in src/ingest/entities.ts), for search. Pages read them from the collection rather than the
 * file, which is not beside their bundled code. The gazetteer's problems are the seed loader's to
 * report: they are parse problems.
 */
export function gazetteerLoader({ dir }: { dir: string }): Loader {
  const seedDir = resolve(dir);
  const entitiesFile = join(seedDir, ENTITIES_FILE);
  return {
    name: 'gazetteer-loader',
    schema: z.object({ names: z.array(z.string().min(1)), within: z.array(z.string()) }),
    load: async ({ store, parseData, generateDigest, watcher }) => {
      const sync = async () => {
        const { gazetteer } = await loadGazetteer(seedDir);
        const within = entitiesWithin(gazetteer);
        for (const topic of gazetteer.topics) {
          const data = { names: [topic.name, ...topic.aliases], within: within.get(topic.slug)! };
          const digest = generateDigest(data);
          if (store.get(topic.slug)?.digest === digest) continue;
          store.set({ id: topic.slug, data: await parseData({ id: topic.slug, data }), digest });
        }
        for (const id of store.keys()) if (!within.has(id)) store.delete(id);
      };
      await sync();
      let queue = Promise.resolve();
      watcher?.add(entitiesFile);
      watcher?.on('all', (_event, path) => {
        if (resolve(path) === entitiesFile) queue = queue.then(sync);
      });
    },
  };
}
