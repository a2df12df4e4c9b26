import { z } from 'zod';
import settings from '../site.config.ts';

/** Links use this address when neither SITE_URL nor site.config.ts gives one; the build log says so. */
const PLACEHOLDER_URL = 'https://news-archive.example.org/';

const isLanguageTag = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

const SettingsSchema = z.object({
  name: z.string().trim().min(1, 'give the site a name'),
  description: z.string().trim().min(1, 'describe the archive in a sentence'),
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'expected an http(s) address such as https://user.github.io/archive/' })]),
  searchPlaceholder: z.string(),
  language: z.string().refine(isLanguageTag, 'expected a language tag such as "en" or "pt-BR"'),
  searchBundleSize: z.coerce.number().int().positive(),
});

function readSettings() {
  const { SITE_NAME, SITE_URL, SEARCH_BUNDLE_SIZE } = process.env;
  const parsed = SettingsSchema.safeParse({
    ...settings,
    ...(SITE_NAME && { name: SITE_NAME }),
    ...(SITE_URL && { url: SITE_URL }),
    ...(SEARCH_BUNDLE_SIZE && { searchBundleSize: SEARCH_BUNDLE_SIZE }),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`site settings (site.config.ts, SITE_NAME, SITE_URL, SEARCH_BUNDLE_SIZE): ${issues}`);
  }
  return parsed.data;
}

/** The site's address with a trailing slash on its path: its path is the base of every URL (src/lib/urls.ts). */
function siteAddress(url: string): string {
  const address = new URL(url || PLACEHOLDER_URL);
  address.search = '';
  address.hash = '';
  address.pathname = address.pathname.replace(/\/?$/, '/');
  return address.href;
}

/** The settings as the site uses them: site.config.ts with SITE_NAME, SITE_URL and SEARCH_BUNDLE_SIZE applied. */
export const SETTINGS = readSettings();
export const SITE_TITLE = SETTINGS.name;
export const SITE_DESCRIPTION = SETTINGS.description;
export const SITE_URL = siteAddress(SETTINGS.url);
/** True when no address was given, so links use the placeholder. */
export const SITE_URL_IS_PLACEHOLDER = SETTINGS.url === '';
export const SEARCH_PLACEHOLDER = SETTINGS.searchPlaceholder;
export const SITE_LANGUAGE = SETTINGS.language;
export const SEARCH_BUNDLE_SIZE = SETTINGS.searchBundleSize;
/** Seed folder, absolute or relative to the project: `SEEDS_DIR=… npm run build`. */
export const SEEDS_DIR = process.env.SEEDS_DIR ?? 'seeds';
/** Where `npm run build` writes the site and `npm run preview` serves it from: `OUT_DIR=… npm start`. */
export const OUT_DIR = process.env.OUT_DIR ?? 'dist';
/** Articles per page on tag, source and date index pages. */
export const PAGE_SIZE = 20;
