/**
 * The gazetteer: people, places and organisations with the names outlets give them. The shipped
 * list is `src/ingest/gazetteer.yaml`; an `entities.yaml` in the seed folder adds entities or
 * aliases, or replaces a shipped entity by its canonical name. Both are read the same way, and
 * every mistake in them is a problem naming the file and line.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { decodeSeed } from './decode.ts';
import { compileGazetteer, type CompiledGazetteer } from './entities.ts';
import { ENTITY_KINDS, type EntityKind, type Problem } from './record.ts';
import { compareCodeUnits, foldAccents } from './slug.ts';

export { ENTITY_KINDS, type EntityKind };

/** The seed folder's own additions to the shipped gazetteer. */
export const ENTITIES_FILE = 'entities.yaml';
const SHIPPED_GAZETTEER = fileURLToPath(new URL('./gazetteer.yaml', import.meta.url));

export interface SourceLine {
  file: string;
  line: number;
}

export interface GazetteerAlias {
  text: string;
  /** Matched only in this case (accents, spaces and hyphens still folded): `IS`, never "is". */
  caseSensitive: boolean;
  where: SourceLine;
}

export interface GazetteerEntity {
  /** The canonical name: the title of the English Wikipedia article. */
  name: string;
  kind: EntityKind;
  aliases: GazetteerAlias[];
  where: SourceLine;
}

/** One entry of a gazetteer file: `kind` may be left out when the entry adds to a known entity. */
export interface GazetteerEntry {
  name: string;
  kind?: EntityKind;
  aliases: GazetteerAlias[];
  /** Replace the known entity of this name instead of adding to it. */
  replace: boolean;
  where: SourceLine;
}

const text = z.string({ error: 'expected text' }).transform((value) => value.replace(/\s+/g, ' ').trim()).pipe(z.string().min(1, 'must not be empty'));
/** A list of text, or one text alone. */
const textList = z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(text, { error: 'expected a list of text' }));

const EntrySchema = z.object({
  name: text,
  kind: z.enum(ENTITY_KINDS, { error: `expected one of ${ENTITY_KINDS.join(', ')}` }).optional(),
  aliases: textList.optional(),
  caseSensitive: textList.optional(),
  replace: z.boolean({ error: 'expected true or false' }).optional(),
});
const KNOWN_KEYS = Object.keys(EntrySchema.shape);

/** Reads one gazetteer file: a YAML list of `{ name, kind, aliases, caseSensitive, replace }`. */
export function readGazetteer(source: string, file: string): { entries: GazetteerEntry[]; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const lineOf = (node: unknown) => (isNode(node) && node.range ? lineAt(node.range[0]) : 1);
  const problems: Problem[] = [
    ...document.errors.map((error): Problem => ({ file, line: lineAt(error.pos[0]), severity: 'error', message: `not valid YAML: ${error.message}` })),
    ...document.warnings.map((warning): Problem => ({ file, line: lineAt(warning.pos[0]), severity: 'warning', message: warning.message })),
  ];
  if (document.errors.length || document.contents === null) return { entries: [], problems };
  if (!isSeq(document.contents)) {
    problems.push({ file, line: lineOf(document.contents), severity: 'error', message: 'expected a list of entities ("- name: …" entries)' });
    return { entries: [], problems };
  }
  const entries: GazetteerEntry[] = [];
  for (const node of document.contents.items) {
    if (!isMap(node)) {
      problems.push({ file, line: lineOf(node), severity: 'error', message: 'expected an entity: a mapping with name, kind and aliases' });
      continue;
    }
    const entry = readEntry(node, file, lineOf, problems);
    if (entry) entries.push(entry);
  }
  return { entries, problems };
}

function readEntry(node: YAMLMap, file: string, lineOf: (node: unknown) => number, problems: Problem[]): GazetteerEntry | undefined {
  const data = node.toJSON() as Record<string, unknown>;
  const label = typeof data.name === 'string' ? `entity "${data.name}"` : 'entity';
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!KNOWN_KEYS.includes(key)) {
      problems.push({ file, line: lineOf(pair.key), severity: 'warning', message: `${label}: unknown key "${key}" ignored (known: ${KNOWN_KEYS.join(', ')})` });
    }
  }
  const result = EntrySchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path as (string | number)[];
      const value = path.reduce<unknown>((parent, key) => (parent as Record<string | number, unknown> | undefined)?.[key], data);
      const keyNode = node.items.find((pair) => isScalar(pair.key) && pair.key.value === path[0])?.key;
      const line = lineOf(node.getIn(path, true) ?? keyNode ?? node);
      const problem = value === undefined ? 'is missing' : `${issue.message} (got ${JSON.stringify(value)})`;
      const where = path.length > 1 ? `"${path[0]}" item ${Number(path[1]) + 1}` : `"${path[0]}"`;
      problems.push({ file, line, severity: 'error', message: `${label}: ${where} ${problem}` });
    }
    return undefined;
  }
  const { name, kind, aliases = [], caseSensitive = [], replace = false } = result.data;
  const located = (key: 'aliases' | 'caseSensitive', values: string[]) =>
    values.map((value, index): GazetteerAlias => ({
      text: value,
      caseSensitive: key === 'caseSensitive',
      where: { file, line: lineOf(node.getIn(isSeq(node.get(key)) ? [key, index] : [key], true)) },
    }));
  return {
    name,
    kind,
    aliases: [...located('aliases', aliases), ...located('caseSensitive', caseSensitive)],
    replace,
    where: { file, line: lineOf(node.get('name', true)) },
  };
}

/** Entities are the same when their names are, case and accents aside. */
function nameKey(name: string): string {
  return foldAccents(name);
}

/**
 * Applies a file's entries to the entities known so far: a new name adds an entity (it needs a
 * kind), a known one gets the entry's aliases (and its kind, if given), or is replaced whole when
 * the entry says `replace: true`. A name listed twice in one file is an error at its second entry.
 */
export function mergeEntries(known: readonly GazetteerEntity[], entries: readonly GazetteerEntry[]): { entities: GazetteerEntity[]; problems: Problem[] } {
  const entities = [...known];
  const indexByName = new Map(entities.map((entity, index) => [nameKey(entity.name), index]));
  const firstEntry = new Map<string, GazetteerEntry>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const key = nameKey(entry.name);
    const problem = (severity: Problem['severity'], message: string) => problems.push({ ...entry.where, severity, message: `entity "${entry.name}": ${message}` });
    const earlier = firstEntry.get(key);
    if (earlier) {
      problem('error', `already listed at line ${earlier.where.line}; give each entity one entry`);
      continue;
    }
    firstEntry.set(key, entry);
    const index = indexByName.get(key);
    if (index === undefined) {
      if (!entry.kind) {
        problem('error', `a new entity needs a kind (${ENTITY_KINDS.join(', ')})`);
        continue;
      }
      if (entry.replace) problem('warning', 'replace: true, but there is no entity of that name to replace; added as a new one');
      indexByName.set(key, entities.length);
      entities.push({ name: entry.name, kind: entry.kind, aliases: entry.aliases, where: entry.where });
    } else {
      const current = entities[index];
      entities[index] = entry.replace
        ? { name: entry.name, kind: entry.kind ?? current.kind, aliases: entry.aliases, where: entry.where }
        : { ...current, kind: entry.kind ?? current.kind, aliases: [...current.aliases, ...entry.aliases] };
    }
  }
  return { entities, problems };
}

/**
 * The shipped gazetteer with the seed folder's `entities.yaml` (if any) applied, compiled for
 * `matchEntities`. Problems name the file (the shipped one relative to the working directory,
 * `entities.yaml` relative to the seed folder) and line.
 */
export async function loadGazetteer(seedDir: string): Promise<{ gazetteer: CompiledGazetteer; problems: Problem[] }> {
  const shippedFile = relative(process.cwd(), SHIPPED_GAZETTEER).split(sep).join('/');
  const shipped = readGazetteer(await readFile(SHIPPED_GAZETTEER, 'utf8'), shippedFile);
  const local = await readEntitiesFile(seedDir);
  const base = mergeEntries([], shipped.entries);
  const merged = mergeEntries(base.entities, local.entries);
  const { gazetteer, problems } = compileGazetteer(merged.entities);
  const all = [...shipped.problems, ...local.problems, ...base.problems, ...merged.problems, ...problems];
  all.sort((a, b) => compareCodeUnits(a.file, b.file) || a.line - b.line || compareCodeUnits(a.message, b.message));
  return { gazetteer, problems: all };
}

async function readEntitiesFile(seedDir: string): Promise<{ entries: GazetteerEntry[]; problems: Problem[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(seedDir, ENTITIES_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] };
    return { entries: [], problems: [{ file: ENTITIES_FILE, line: 0, severity: 'error', message: `cannot read file: ${(error as Error).message}` }] };
  }
  const decoded = decodeSeed(bytes);
  if (!decoded.ok) {
    const line = bytes.subarray(0, decoded.byteOffset).filter((byte) => byte === 0x0a).length + 1;
    return { entries: [], problems: [{ file: ENTITIES_FILE, line, severity: 'error', message: `invalid UTF-8 at byte offset ${decoded.byteOffset}; file skipped` }] };
  }
  return readGazetteer(decoded.text, ENTITIES_FILE);
}
