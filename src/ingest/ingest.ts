import { readdir, readFile } from 'node:fs/promises';
import chardet from 'chardet';
import { join } from 'node:path';
import { decodeSeed } from './decode.ts';
import { readFrontMatter } from './frontmatter.ts';
import { matchEntities, mentionText, type CompiledGazetteer } from './entities.ts';
import { loadGazetteer } from './gazetteer.ts';
import { mergeDrafts } from './merge.ts';
import { normaliseCapture, type Draft } from './normalise.ts';
import { readPermalinks, type Permalinks } from './permalinks.ts';
import { isKnownFile, isSeedFile, seedFolderPaths } from './seed-files.ts';
import { ArticleSchema, type ParseResult, type Problem } from './record.ts';
import { compareCodeUnits } from './slug.ts';
import { detectShape, parseFullText, parseListing, parseTagPage, type Shape } from './shapes.ts';

export interface SeedFileResult {
  drafts: Draft[];
  problems: Problem[];
}

const PARSERS = { 'tag-page': parseTagPage, listing: parseListing, 'full-text': parseFullText } satisfies Record<Shape, unknown>;

/** Parses one seed file's bytes. Pure: `file` is only used to name origins and problems. */
export function parseSeedFile(file: string, bytes: Uint8Array): SeedFileResult {
  const decoded = decodeSeed(bytes);
  if (!decoded.ok) {
    const line = bytes.subarray(0, decoded.byteOffset).filter((byte) => byte === 0x0a).length + 1;
    return { drafts: [], problems: [{ file, line, severity: 'error', message: notUtf8Message(file, bytes, decoded.byteOffset) }] };
  }
  const { frontMatter, content, lineOffset, problems } = readFrontMatter(decoded.text, file);
  const lines = content.split('\n');
  const captures = PARSERS[detectShape(lines)](lines);
  if (!captures.length && !problems.some((problem) => problem.severity === 'error')) {
    problems.push({ file, line: 1, severity: 'warning', message: 'no entries found (empty file?)' });
  }
  const drafts = captures.map((capture) => {
    const normalised = normaliseCapture(capture, file, lineOffset, frontMatter);
    problems.push(...normalised.problems);
    return normalised.draft;
  });
  return { drafts, problems };
}

/** What is wrong, the encoding the bytes most likely are in, and the command that converts them. */
function notUtf8Message(file: string, bytes: Uint8Array, byteOffset: number): string {
  const invalid = `invalid UTF-8 at byte offset ${byteOffset} (byte 0x${bytes[byteOffset].toString(16).padStart(2, '0')})`;
  const encoding = chardet.detect(bytes);
  if (!encoding || /^UTF-8$/i.test(encoding)) return `${invalid}; seed files must be UTF-8`;
  const quoted = `'${file.replaceAll("'", "'\\''")}'`;
  return `${invalid}: the file looks like ${encoding}, and seed files must be UTF-8; convert it with \`iconv -f ${encoding} -t UTF-8 ${quoted} > converted.tmp && mv converted.tmp ${quoted}\` in the seed folder`;
}

/**
 * Merges every file's captures into validated records sorted by slug, each with the gazetteer's
 * entities it names; problems sorted by file and line.
 */
export function assembleArticles(files: SeedFileResult[], gazetteer: CompiledGazetteer, permalinks?: Permalinks): ParseResult {
  const merged = mergeDrafts(files.flatMap((result) => result.drafts), permalinks);
  const problems = [...files.flatMap((result) => result.problems), ...merged.problems];
  const articles = merged.articles.flatMap((article) => {
    const check = ArticleSchema.safeParse({ ...article, entities: matchEntities(mentionText(article), gazetteer) });
    if (check.success) return [check.data];
    const [origin] = article.origins;
    const detail = check.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    problems.push({ ...origin, severity: 'error', message: `article "${article.title}" is not a valid record: ${detail}` });
    return [];
  });
  problems.sort((a, b) => compareCodeUnits(a.file, b.file) || a.line - b.line || compareCodeUnits(a.message, b.message));
  return { articles, problems };
}

/** Seed files under `dir`, recursively, as paths relative to it with `/` separators, sorted. */
async function listSeedFiles(dir: string): Promise<{ seeds: string[]; skipped: string[] }> {
  const files = seedFolderPaths(dir, await readdir(dir, { recursive: true, withFileTypes: true })).sort(compareCodeUnits);
  return { seeds: files.filter(isSeedFile), skipped: files.filter((file) => !isSeedFile(file) && !isKnownFile(file)) };
}

/**
 * What parseSeedFile made of a file's name and bytes in an earlier build (scripts/lib/seed-memo.ts):
 * `parse` runs it when nothing is remembered.
 */
export interface SeedFileMemo {
  parsed(file: string, bytes: Uint8Array, parse: () => SeedFileResult): SeedFileResult;
}

/** Reads one seed file; a file that cannot be read becomes an error, not an exception. */
async function readSeedFile(dir: string, file: string, memo?: SeedFileMemo): Promise<SeedFileResult> {
  try {
    const bytes = await readFile(join(dir, file));
    return memo ? memo.parsed(file, bytes, () => parseSeedFile(file, bytes)) : parseSeedFile(file, bytes);
  } catch (error) {
    return { drafts: [], problems: [{ file, line: 0, severity: 'error', message: `cannot read file: ${(error as Error).message}` }] };
  }
}

function skippedFileWarning(file: string): Problem {
  return { file, line: 0, severity: 'warning', message: 'not a .txt file; skipped' };
}

/**
 * The seed folder's files, or why it cannot be read as one, as one problem naming it: it is
 * missing or unreadable, or it holds no `.txt` file.
 */
async function readSeedFolder(dir: string): Promise<{ seeds: string[]; skipped: string[] } | { problem: Problem }> {
  const listing = await listSeedFiles(dir).catch((error: NodeJS.ErrnoException) => error);
  const problem = (message: string) => ({ problem: { file: dir, line: 0, severity: 'error', message } satisfies Problem });
  if (listing instanceof Error) {
    return problem(listing.code === 'ENOENT' ? 'the seed folder does not exist (set SEEDS_DIR to the folder of your captures)' : `cannot read the seed folder: ${listing.message}`);
  }
  if (!listing.seeds.length) {
    const others = listing.skipped.length ? ` (only ${listing.skipped.length} other file${listing.skipped.length === 1 ? '' : 's'})` : '';
    return problem(`the seed folder holds no .txt file${others}: add captures as UTF-8 .txt files, or set SEEDS_DIR to the folder that has them`);
  }
  return listing;
}

/**
 * The whole ingest: every seed file under `dir`, with the gazetteer (the shipped one and the
 * folder's `entities.yaml`) → `{ articles, problems }`, with the slugs `dir`'s permalinks record.
 * With a `memo`, a file parsed before (same name, same bytes) is not parsed again.
 */
export async function parseSeedDir(dir: string, memo?: SeedFileMemo): Promise<ParseResult> {
  const folder = await readSeedFolder(dir);
  if ('problem' in folder) return { articles: [], problems: [folder.problem] };
  const { seeds, skipped } = folder;
  const [results, names, recorded] = await Promise.all([Promise.all(seeds.map((file) => readSeedFile(dir, file, memo))), loadGazetteer(dir), readPermalinks(dir)]);
  const others = { drafts: [], problems: [...skipped.map(skippedFileWarning), ...names.problems, ...recorded.problems] };
  return assembleArticles([...results, others], names.gazetteer, recorded.permalinks);
}
