import type { Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ENTITIES_FILE } from './gazetteer.ts';
import { PERMALINKS_FILE } from './permalinks.ts';

/** A capture: a `.txt` file anywhere in the seed folder. */
export function isSeedFile(file: string): boolean {
  return file.toLowerCase().endsWith('.txt');
}

/** Files at the top of the seed folder that are read, but not as captures. */
export function isKnownFile(file: string): boolean {
  return file === ENTITIES_FILE || file === PERMALINKS_FILE;
}

/** Whether the parse reads a seed folder's file (a capture, the gazetteer, permalinks), not only reports it as skipped. */
export function isReadSeedFile(file: string): boolean {
  return isSeedFile(file) || isKnownFile(file);
}

/**
 * The files among `entries`, a recursive listing of the seed folder `dir`, as paths relative to it
 * with `/` separators. Symbolic links are kept so that a broken one is reported, not silently skipped.
 */
export function seedFolderPaths(dir: string, entries: Dirent[]): string[] {
  return entries.filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
