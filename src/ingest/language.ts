import { eld } from 'eld/medium';
import { UNDETERMINED_LANGUAGE } from './record.ts';

/** eld's codes that BCP 47 spells otherwise: eld's Kurdish is Sorani, written in Arabic script. */
const BCP47_FOR_ELD: Record<string, string> = { ku: 'ckb' };

/** The start of a text tells its language as well as the whole; eld reads no further anyway. */
const DETECTION_PREFIX = 1000;

// Leave URLs, e-mail addresses and number codes out of what decides a language.
eld.enableTextCleanup(true);

/**
 * The language of an article as a BCP 47 tag ("en", "ar", "ru"), detected by eld (Efficient
 * Language Detector, 60 languages) from its title and the start of its text; `und` when the
 * text is too short or too mixed for a reliable answer.
 */
export function detectLanguage(title: string, text: string): string {
  const result = eld.detect(`${title}\n${text.slice(0, DETECTION_PREFIX)}`);
  if (!result.language || !result.isReliable()) return UNDETERMINED_LANGUAGE;
  return BCP47_FOR_ELD[result.language] ?? result.language;
}
