import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { eld } from 'eld/medium';
import { UNDETERMINED_LANGUAGE } from './record.ts';

/** eld's codes that BCP 47 spells otherwise: eld's Kurdish is Sorani, written in Arabic script. */
const BCP47_FOR_ELD: Record<string, string> = { ku: 'ckb' };

/** The start of a text tells its language as well as the whole; eld reads no further anyway. */
const DETECTION_PREFIX = 1000;

/**
 * How far the best language's score must lead the next one's. eld's `isReliable()` means to
 * check this too, but (in eld 2.1.0) compares the runner-up's language number instead of its
 * score, so a line of names ("Serena Ghoukah interviews Dr Tim Anderson": Danish 0.625,
 * English 0.622, Swedish 0.621) passes for Danish.
 */
const MIN_LEAD = 0.01;

// Leave URLs, e-mail addresses and number codes out of what decides: a Russian outlet's URL is Latin letters.
eld.enableTextCleanup(true);

/**
 * The language of an article as a BCP 47 tag ("en", "ar", "ru"), detected by eld (Efficient
 * Language Detector, 60 languages) from its title and the start of its text; `und` when the
 * text is too short, or too evenly matched between languages, for a reliable answer.
 */
export function detectLanguage(title: string, text: string): string {
  const input = `${title}\n${text.slice(0, DETECTION_PREFIX)}`;
  if (!remembered) return detect(input);
  const key = createHash('sha256').update(input).digest('base64url');
  let lang = remembered.get(key);
  if (lang === undefined) remembered.set(key, (lang = detect(input)));
  used.add(key);
  return lang;
}

function detect(input: string): string {
  const result = eld.detect(input);
  const [best = 0, next = 0] = Object.values(result.getScores()).sort((a, b) => b - a);
  if (!result.language || !result.isReliable() || best - next < MIN_LEAD) return UNDETERMINED_LANGUAGE;
  return BCP47_FOR_ELD[result.language] ?? result.language;
}

/**
 * Detection costs about 0.3 ms an article, most of a parse, whatever the text's length; a
 * rebuild asks it the same questions again. `rememberLanguages(file)` keeps the answers, by a
 * digest of what was asked, in `file` across processes (they are dropped when eld or this module
 * changes, or with `fresh`); `saveRememberedLanguages()` writes back the answers the parse used
 * and stops remembering.
 */
let remembered: Map<string, string> | undefined;
let memoFile: string | undefined;
const used = new Set<string>();
let detector = '';

/** This module and eld's version: what the answers depend on besides the text. */
function detectorDigest(): string {
  const eldEntry = new URL(import.meta.resolve('eld/medium'));
  return createHash('sha256')
    .update(readFileSync(new URL(import.meta.url)))
    .update(readFileSync(new URL('../../package.json', eldEntry)))
    .digest('base64url');
}

export function rememberLanguages(file: string, { fresh }: { fresh: boolean }): void {
  memoFile = file;
  detector = detectorDigest();
  const kept = !fresh && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { detector: string; languages: Record<string, string> }) : undefined;
  remembered = new Map(kept?.detector === detector ? Object.entries(kept.languages) : []);
  used.clear();
}

export function saveRememberedLanguages(): void {
  if (remembered && memoFile) {
    const languages = Object.fromEntries([...used].map((key) => [key, remembered!.get(key)!]));
    mkdirSync(dirname(memoFile), { recursive: true });
    writeFileSync(memoFile, JSON.stringify({ detector, languages }));
  }
  remembered = memoFile = undefined;
  used.clear();
}
