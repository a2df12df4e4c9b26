/** The synthetic corpus of one size: generated, then parsed in-process to time the parser and what names cost it. */
import { join } from 'node:path';
import { matchEntities, mentionText } from '../../src/ingest/entities.ts';
import { loadGazetteer } from '../../src/ingest/gazetteer.ts';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article } from '../../src/ingest/record.ts';
import { generateCorpus, writeCorpus, type CorpusSummary } from '../lib/corpus.ts';
import { PROJECT } from './build.ts';
import { median, progress, round } from './progress.ts';

export interface CorpusMeasure {
  corpus: CorpusSummary & { generateSeconds: number };
  parse: { seconds: number[]; mbPerSecond: number | null; articles: number; errors: number; warnings: number };
  /** Part of the parse: load and compile the gazetteer, then find the entities of every record (medians). */
  names: { loadSeconds: number | null; matchSeconds: number | null; entitiesPerArticle: number | null };
}

/** Seconds to load and compile the gazetteer, and to match every record's text against it. */
async function timeNames(seedsDir: string, articles: Article[]): Promise<{ load: number; match: number }> {
  const loadStarted = performance.now();
  const { gazetteer } = await loadGazetteer(seedsDir);
  const matchStarted = performance.now();
  for (const article of articles) matchEntities(mentionText(article), gazetteer);
  return { load: (matchStarted - loadStarted) / 1000, match: (performance.now() - matchStarted) / 1000 };
}

/** Writes `articles` articles' seed files into `seedsDir`; returns the figures, the parsed articles, and a full-text file to edit. */
export async function prepareCorpus(
  articles: number,
  { seed, seedsDir, runs, label }: { seed: string; seedsDir: string; runs: number; label: string },
): Promise<{ measure: CorpusMeasure; parsed: Article[]; fullTextFile: string }> {
  progress(`${label}: generating corpus`);
  const generateStarted = performance.now();
  const { files, summary } = await generateCorpus({ articles, seed, seedsDir: join(PROJECT, 'seeds') });
  await writeCorpus(seedsDir, files, { force: true });
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  const fullTextFile = (files.find((file) => file.shape === 'full-text') ?? files[0]).name;
  progress(`${label}: ${summary.files} files, ${(summary.bytes / 1e6).toFixed(1)} MB in ${generateSeconds.toFixed(1)} s`);

  const parseSeconds: number[] = [];
  const nameSeconds: { load: number; match: number }[] = [];
  let parsed: Awaited<ReturnType<typeof parseSeedDir>> | undefined;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    parsed = await parseSeedDir(seedsDir);
    parseSeconds.push((performance.now() - started) / 1000);
    nameSeconds.push(await timeNames(seedsDir, parsed.articles));
  }
  const { articles: records, problems } = parsed!;
  const parse = {
    seconds: parseSeconds.map((s) => round(s, 3)!),
    mbPerSecond: round(summary.bytes / 1e6 / median(parseSeconds)),
    articles: records.length,
    // Warnings are expected: the corpus dates a duplicate's two captures apart, as real archives do.
    errors: problems.filter((problem) => problem.severity === 'error').length,
    warnings: problems.filter((problem) => problem.severity === 'warning').length,
  };
  const entities = records.reduce((sum, article) => sum + article.entities.length, 0);
  const names = {
    loadSeconds: round(median(nameSeconds.map((run) => run.load)), 3),
    matchSeconds: round(median(nameSeconds.map((run) => run.match)), 3),
    entitiesPerArticle: round(entities / Math.max(1, parse.articles)),
  };
  progress(`${label}: parse ${parse.articles} articles, ${parse.errors} errors, ${parse.warnings} warnings, ${parse.mbPerSecond} MB/s; names: gazetteer ${names.loadSeconds} s, matching ${names.matchSeconds} s`);
  if (parse.articles !== summary.expectedArticles || parse.errors) progress(`${label}: WARNING: expected ${summary.expectedArticles} articles and no errors`);
  return { measure: { corpus: { ...summary, generateSeconds: round(generateSeconds)! }, parse, names }, parsed: records, fullTextFile };
}
