/**
 * Bylines: "By Jane Smith, Middle East correspondent", "Par Jean Dupont et Marie Durand",
 * "Автор: Иван Петров", "بقلم محمد علي". Lines reach this module trimmed, with whitespace collapsed.
 */
import { readDateLine } from './dates.ts';
import { isKnownOutlet, isOutletLine, outletAtEnd } from './sources.ts';
import { alternation } from './words.ts';

interface BylineWords {
  /** Words that open a byline; a colon, slash or dash after them is allowed: "By", "Автор:", "بقلم /". */
  openers: readonly string[];
  /** Labels that open a byline only with a colon: "Author: …". */
  labels: readonly string[];
  /** Words joining two names, or a name and an outlet: "and", "with". */
  and: readonly string[];
  /** Words before the outlet a name writes for: "By Jane Smith for Al Jazeera". */
  for: readonly string[];
  /** Words before the place a name writes from: "By Jane Smith in Beirut". */
  at: readonly string[];
  /**
   * Job words, as the start of a word (case ignored): a part of the byline that ends in one is a
   * role, not a name ("Middle East correspondent"); a name after one is kept ("staff reporter Jane Smith").
   */
  roles: readonly string[];
}

const BYLINE_WORDS: Record<'en' | 'fr' | 'de' | 'es' | 'ru' | 'ar', BylineWords> = {
  en: {
    openers: ['by', 'written by', 'words by', 'reporting by', 'text by'],
    labels: ['author', 'authors', 'writer'],
    and: ['and', '&', 'with'],
    for: ['for'],
    at: ['in', 'from'],
    roles: ['correspondent', 'editor', 'reporter', 'writer', 'journalist', 'contributor', 'staff', 'analyst', 'columnist', 'producer', 'photographer', 'commentator', 'blogger'],
  },
  fr: {
    openers: ['par'],
    labels: ['auteur', 'auteurs', 'texte'],
    and: ['et', 'avec'],
    for: ['pour'],
    at: ['à', 'depuis'],
    roles: ['correspondant', 'envoyé', 'envoyée', 'journaliste', 'rédact', 'chroniqueu', 'éditorialiste', 'reporter', 'photographe'],
  },
  de: {
    openers: ['von'],
    labels: ['autor', 'autorin', 'text'],
    and: ['und', 'mit'],
    for: ['für'],
    at: ['in', 'aus'],
    roles: ['korrespondent', 'redakt', 'reporter', 'journalist', 'kommentator', 'fotograf'],
  },
  es: {
    openers: ['por'],
    labels: ['autor', 'autora', 'texto'],
    and: ['y', 'con'],
    for: ['para'],
    at: ['en', 'desde'],
    roles: ['corresponsal', 'enviad', 'redact', 'redacción', 'periodista', 'columnista', 'reporter', 'fotógraf'],
  },
  ru: {
    openers: ['автор', 'авторы'],
    labels: ['текст'],
    and: ['и'],
    for: ['для'],
    at: ['из'],
    roles: ['корреспондент', 'спецкор', 'обозревател', 'редактор', 'журналист', 'колумнист', 'фотограф'],
  },
  ar: {
    openers: ['بقلم', 'كتب', 'كتبت', 'كتبه', 'كتبته'],
    labels: ['الكاتب', 'الكاتبة', 'إعداد'],
    and: ['و', 'مع'],
    for: [],
    at: ['من', 'في'],
    roles: ['مراسل', 'المراسل', 'محرر', 'المحرر', 'الكاتب', 'كاتب', 'الصحفي', 'صحفي', 'الصحافي', 'صحافي', 'الزميل', 'الإعلامي'],
  },
};

/** Lower-case words inside names: "Bashar al-Assad", "Ursula von der Leyen", "Abd al Aziz bin Saud". */
const NAME_PARTICLES = new Set([
  'al', 'el', 'as', 'ad', 'ar', 'ash', 'at', 'az', 'bin', 'ibn', 'bint', 'abu', 'de', 'del', 'della', 'der', 'den', 'di',
  'da', 'do', 'dos', 'das', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter', 'zu', 'y',
]);

const BYLINE_MAX_LENGTH = 100;
const NAME_WORDS = { min: 2, max: 6 };

const words = (pick: (table: BylineWords) => readonly string[]) => alternation(Object.values(BYLINE_WORDS).flatMap(pick));

const OPENED = new RegExp(`^(?:${words((w) => w.openers)})(?!\\p{L})\\s*[:/–—-]?\\s*(?<rest>\\S.*)$`, 'iu');
/** Where a byline starts after something else on the line: "Posted on October 4, 2016 by admin". */
export const BYLINE_START = new RegExp(`\\s+(?=(?:${words((w) => w.openers)})\\s)`, 'giu');
const LABELLED = new RegExp(`^(?:${words((w) => w.labels)})\\s*:\\s*(?<rest>\\S.*)$`, 'iu');
const PART_SEPARATOR = new RegExp(`\\s*[,;|]\\s*|\\s+[/–—-]\\s+|\\s+(?:${words((w) => w.and)})\\s+`, 'iu');
const FOR_OUTLET = new RegExp(`\\s+(?:${words((w) => w.for)})\\s+(?<outlet>\\S.*)$`, 'iu');
const AT_PLACE = new RegExp(`\\s+(?:${words((w) => w.at)})\\s+\\S.*$`, 'iu');
const ROLES = Object.values(BYLINE_WORDS).flatMap((table) => table.roles);
const BRACKETED = /\s*\(([^()]*)\)/gu;
const DESCRIPTION = /^(?:\p{Ll}\S*\s+)+(?=\p{Lu})/u;

export interface Byline {
  authors: string[];
  /** Outlets named in the byline: "By Jane Smith, BBC News", "Par AFP". */
  sources: string[];
}

/**
 * A byline: its names, without roles, places or a description before the name ("By on the ground
 * journalist Afraa Dagher" → "Afraa Dagher"), and the outlets it names. Undefined when the line
 * names nobody, so a sentence that happens to start with "By" stays in the text.
 */
export function readByline(line: string): Byline | undefined {
  if (line.length > BYLINE_MAX_LENGTH || /[.;:!?…]$/u.test(line)) return undefined;
  const rest = (OPENED.exec(line) ?? LABELLED.exec(line))?.groups?.rest;
  if (rest === undefined) return undefined;
  const byline: Byline = { authors: [], sources: [] };
  // Brackets hold a role, a place or an outlet: "Par Jean Dupont (Beyrouth, correspondant)", "By Jane Smith (Reuters)".
  for (const [, inside] of rest.matchAll(BRACKETED)) byline.sources.push(...inside.split(PART_SEPARATOR).filter(isKnownOutlet));
  for (const part of rest.replace(BRACKETED, '').split(PART_SEPARATOR)) readPart(part, byline);
  return byline.authors.length || byline.sources.length ? byline : undefined;
}

function readPart(part: string, byline: Byline): void {
  const forOutlet = FOR_OUTLET.exec(part);
  if (forOutlet?.groups && isOutletLine(forOutlet.groups.outlet)) byline.sources.push(forOutlet.groups.outlet);
  const { role, after } = splitAtLastRole(forOutlet ? part.slice(0, forOutlet.index) : part);
  const roleOutlet = role.split(' ').slice(0, -1).join(' ');
  if (isKnownOutlet(roleOutlet)) byline.sources.push(roleOutlet);
  const candidate = after.replace(AT_PLACE, '').replace(DESCRIPTION, '');
  if (isKnownOutlet(candidate)) {
    byline.sources.push(candidate);
    return;
  }
  const runInto = outletAtEnd(candidate);
  if (runInto) byline.sources.push(runInto.outlet);
  const name = runInto?.before ?? candidate;
  if (isName(name)) byline.authors.push(name);
}

/**
 * A part cut after its last job word: "staff reporter Jane Smith" → "staff reporter" and "Jane Smith";
 * "Reuters staff" → "Reuters staff" and "" (the words before the job word may name an outlet).
 */
function splitAtLastRole(part: string): { role: string; after: string } {
  const partWords = part.split(' ');
  const last = partWords.findLastIndex((word) => ROLES.some((role) => word.toLowerCase().startsWith(role)));
  return { role: partWords.slice(0, last + 1).join(' '), after: partWords.slice(last + 1).join(' ') };
}

/** Two to six capitalised words (or words of a script without capitals), lower-case particles allowed, no digits, not a date. */
function isName(text: string): boolean {
  const nameWords = text.split(' ').filter(Boolean);
  return (
    nameWords.length >= NAME_WORDS.min &&
    nameWords.length <= NAME_WORDS.max &&
    !/\d/.test(text) &&
    nameWords.some((word) => !NAME_PARTICLES.has(word.toLowerCase())) &&
    nameWords.every((word) => /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(word) || NAME_PARTICLES.has(word.toLowerCase().split(/[-‐]/)[0])) &&
    !readDateLine(text)
  );
}
