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
  const result = eld.detect(`${title}\n${text.slice(0, DETECTION_PREFIX)}`);
  const [best = 0, next = 0] = Object.values(result.getScores()).sort((a, b) => b - a);
  if (!result.language || !result.isReliable() || best - next < MIN_LEAD) return UNDETERMINED_LANGUAGE;
  return BCP47_FOR_ELD[result.language] ?? result.language;
}
