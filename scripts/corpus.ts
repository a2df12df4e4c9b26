/**
 * `npm run corpus -- --articles N --out DIR [--seed S] [--force]`: writes a synthetic seed
 * corpus (listing pages, tag pages, full-text captures, as in `seeds/`) into DIR.
 * The same arguments always give byte-identical files. Prints the expected number of
 * distinct articles (what `npm run parse -- DIR` should report) and a summary to stderr.
 *
 * Options: --tags T (300) --sources S (150) --authors A (120) --duplicates RATE (0.03)
 *          --front-matter RATE (0.8) --learn-from DIR (seeds/, the real captures the text model reads)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, writeCorpus } from './lib/corpus.ts';

const PROJECT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    force: { type: 'boolean', default: false },
    tags: { type: 'string', default: '300' },
    sources: { type: 'string', default: '150' },
    authors: { type: 'string', default: '120' },
    duplicates: { type: 'string', default: '0.03' },
    'front-matter': { type: 'string', default: '0.8' },
    'learn-from': { type: 'string', default: resolve(PROJECT, 'seeds') },
    help: { type: 'boolean', default: false },
  },
});

const usage = 'usage: npm run corpus -- --articles N --out DIR [--seed S] [--force] [--tags 300] [--sources 150] [--authors 120] [--duplicates 0.03] [--front-matter 0.8] [--learn-from seeds]';
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const articles = Number(values.articles);
if (!values.out || !Number.isInteger(articles) || articles < 1) {
  console.error(usage);
  process.exit(2);
}
const number = (name: string, value: string) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    console.error(`corpus: --${name} must be a non-negative number`);
    process.exit(2);
  }
  return parsed;
};

const started = performance.now();
try {
  const { files, summary } = await generateCorpus({
    articles,
    seed: values.seed,
    seedsDir: resolve(values['learn-from']),
    tags: number('tags', values.tags),
    sources: number('sources', values.sources),
    authors: number('authors', values.authors),
    duplicateRate: number('duplicates', values.duplicates),
    frontMatterRate: number('front-matter', values['front-matter']),
  });
  await writeCorpus(resolve(values.out), files, { force: values.force });
  const s = summary;
  console.error(
    `corpus: ${s.files} files (${s.filesByShape.listing} listing, ${s.filesByShape['tag-page']} tag pages, ${s.filesByShape['full-text']} full text; ` +
      `${s.filesWithFrontMatter} with front matter), ${s.captures} captures ` +
      `(${s.capturesByShape.listing} listing, ${s.capturesByShape['tag-page']} tag page, ${s.capturesByShape['full-text']} full text; ${s.duplicates} duplicates), ` +
      `${s.tags} tags, ${s.sources} sources, ${s.authors} authors, ${(s.bytes / 1e6).toFixed(2)} MB in ${values.out} ` +
      `(${Math.round(performance.now() - started)} ms, seed ${s.seed})`,
  );
  console.error(`corpus: expected distinct articles: ${s.expectedArticles}`);
} catch (error) {
  console.error(`corpus: ${(error as Error).message}`);
  process.exit(1);
}
