import { SITE_LANGUAGE } from '../consts.ts';
import { UNDETERMINED_LANGUAGE } from '../ingest/record.ts';

/** The language of the site's own words (navigation, labels, dates), whatever the articles' languages: site.config.ts sets it. */
export const INTERFACE_LANG = SITE_LANGUAGE;

const displayNames = new Intl.DisplayNames(INTERFACE_LANG, { type: 'language' });

/** Each page asks about a few languages many times, and each answer from Intl costs a lookup in CLDR's data. */
function memoised<T>(answer: (lang: string) => T): (lang: string) => T {
  const answers = new Map<string, T>();
  return (lang) => {
    if (!answers.has(lang)) answers.set(lang, answer(lang));
    return answers.get(lang)!;
  };
}

/** A language's name in the interface language: "Arabic", "Russian", "Brazilian Portuguese". */
export const languageName = memoised((lang) => (lang === UNDETERMINED_LANGUAGE ? 'Undetermined' : (displayNames.of(lang) ?? lang)));

/** Right to left for Arabic, Persian, Hebrew, Urdu, Pashto, Sorani, …: Unicode CLDR's data, as Node's Intl carries it. */
export const textDirection = memoised((lang): 'ltr' | 'rtl' => (new Intl.Locale(lang).getTextInfo().direction === 'rtl' ? 'rtl' : 'ltr'));

/**
 * Attributes for the site's own words on a page in another language (an article's): they stay
 * in the interface language, left to right. Nothing on a page already in it.
 */
export function interfaceLanguage(pageLang: string): { lang?: string; dir?: 'ltr' } {
  return pageLang === INTERFACE_LANG ? {} : { lang: INTERFACE_LANG, dir: 'ltr' };
}

/** Attributes for an article's own words (title, teaser) on a page in the interface language: nothing if they share it. */
export function articleLanguage(lang: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return lang === INTERFACE_LANG ? {} : { lang, dir: textDirection(lang) };
}

/** The search bundle an article goes to: its language's, or the interface language's when it has none known. */
export function searchBundleLanguage(lang: string): string {
  return lang === UNDETERMINED_LANGUAGE ? INTERFACE_LANG : lang;
}
