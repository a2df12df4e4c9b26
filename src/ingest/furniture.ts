/**
 * Page furniture: the buttons, labels and counters around an article that a copied page brings
 * along as lines of their own ("Share", "Advertisement", "Read more", "5 min read"). The parser
 * keeps them out of headings, teasers and bodies and records them in the capture's origin.
 *
 * One entry per language. `lines` are whole lines, compared case-insensitively with punctuation
 * and symbols at either end ignored ("» Read more", "Share:"); `patterns` are whole-line regular
 * expressions in which `#` stands for a number (Western or Arabic-Indic digits) and a space for
 * any run of spaces. A line of several items ("Share | Save | Print") is furniture when each is.
 */
interface FurnitureWords {
  lines: readonly string[];
  patterns: readonly string[];
}

const FURNITURE: Record<'en' | 'fr' | 'de' | 'es' | 'ru' | 'ar', FurnitureWords> = {
  en: {
    lines: [
      'share', 'share this', 'share this article', 'share this story', 'share on facebook', 'share on twitter',
      'share on whatsapp', 'share via email', 'share page', 'tweet', 'save', 'save article', 'saved', 'print',
      'print this page', 'print this article', 'email', 'e-mail', 'email this', 'copy link', 'link copied',
      'gift article', 'advertisement', 'advertising', 'sponsored', 'sponsored content', 'skip advertisement',
      'read more', 'continue reading', 'see more', 'show more', 'related', 'related articles', 'related stories',
      'related topics', 'related content', 'more on this story', 'more stories', 'most read', 'most popular',
      'you may also like', 'recommended', 'subscribe', 'subscribe now', 'sign up', 'newsletter', 'follow us',
      'follow', 'comments', 'comment', 'leave a comment', 'view comments', 'show comments', 'listen',
      'listen to this article', 'back to top', 'facebook', 'twitter', 'whatsapp', 'telegram', 'linkedin',
      'reddit', 'messenger',
    ],
    patterns: [
      '((last )?updated|posted|published)? ?# (seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago',
      '(updated )?(just now|yesterday|today)',
      '# min(ute)?s? read',
      'reading time:? # min(ute)?s?',
      '# comments?',
      'comments? \\(#\\)',
      '#k? shares?',
    ],
  },
  fr: {
    lines: [
      'partager', 'partager cet article', 'partager sur facebook', 'partager sur twitter', 'sauvegarder',
      'enregistrer', 'imprimer', 'envoyer', 'envoyer par e-mail', 'courriel', 'copier le lien', 'offrir cet article',
      'publicité', 'lire aussi', 'à lire aussi', 'lire la suite', 'lire plus', 'voir aussi', 'voir plus',
      'sur le même sujet', 'articles liés', 'articles similaires', 'les plus lus', "s'abonner", 'abonnez-vous',
      'newsletter', 'suivez-nous', 'commentaires', 'commenter', 'réagir', 'écouter', 'écouter cet article',
    ],
    patterns: [
      '((mis|mise) à jour|publié|publiée)? ?il y a # (secondes?|min(utes?)?|heures?|h|jours?|semaines?|mois)',
      '(temps de )?lecture:? # min(utes?)?',
      '# min(utes?)? de lecture',
      '# commentaires?',
      '# réactions?',
    ],
  },
  de: {
    lines: [
      'teilen', 'artikel teilen', 'auf facebook teilen', 'auf twitter teilen', 'speichern', 'merken', 'drucken',
      'per e-mail versenden', 'link kopieren', 'anzeige', 'werbung', 'mehr lesen', 'weiterlesen', 'mehr zum thema',
      'lesen sie auch', 'auch interessant', 'verwandte artikel', 'meistgelesen', 'abonnieren', 'jetzt abonnieren',
      'folgen sie uns', 'kommentare', 'kommentieren', 'anhören', 'artikel anhören', 'nach oben',
    ],
    patterns: [
      '(aktualisiert )?vor # (sekunden?|minuten?|min\\.?|stunden?|std\\.?|tagen?|wochen?|monaten?)',
      '# min(\\.|uten)? lesezeit',
      'lesezeit:? # min(\\.|uten)?',
      '# kommentare?',
    ],
  },
  es: {
    lines: [
      'compartir', 'compartir en facebook', 'compartir en twitter', 'compartir en whatsapp', 'guardar', 'imprimir',
      'enviar por correo', 'correo electrónico', 'copiar enlace', 'publicidad', 'anuncio', 'leer más', 'lee también',
      'lea también', 'ver más', 'seguir leyendo', 'sigue leyendo', 'noticias relacionadas', 'relacionado',
      'relacionados', 'lo más leído', 'suscríbete', 'suscribirse', 'síguenos', 'comentarios', 'comentar', 'escuchar',
      'escuchar artículo',
    ],
    patterns: [
      '(actualizado |actualizada )?hace # (segundos?|minutos?|min|horas?|h|días?|semanas?|meses?)',
      '# min(utos?)? de lectura',
      '(tiempo de )?lectura:? # min(utos?)?',
      '# comentarios?',
    ],
  },
  ru: {
    lines: [
      'поделиться', 'поделиться в соцсетях', 'сохранить', 'в избранное', 'печать', 'распечатать', 'версия для печати',
      'отправить по почте', 'копировать ссылку', 'реклама', 'читать далее', 'читать также', 'читайте также',
      'читать полностью', 'подробнее', 'по теме', 'похожие статьи', 'связанные материалы', 'самое читаемое',
      'подписаться', 'подписывайтесь', 'подпишитесь', 'мы в соцсетях', 'комментарии', 'комментировать', 'слушать',
    ],
    patterns: [
      '(обновлено )?# (секунд[уы]?|минут[уы]?|мин\\.?|час(а|ов)?|дн(я|ей)|день|недел[юиь]|месяц(а|ев)?) назад',
      '(обновлено )?(только что|вчера|сегодня)',
      'время чтения:? # мин(ут[аы]?|\\.)?',
      '# мин(ут[аы]?|\\.)? (на )?чтени[ея]',
      '# комментари(й|я|ев)',
    ],
  },
  ar: {
    lines: [
      'شارك', 'مشاركة', 'شارك المقال', 'شارك الخبر', 'حفظ', 'طباعة', 'أرسل', 'إرسال', 'البريد الإلكتروني',
      'نسخ الرابط', 'إعلان', 'اقرأ أيضا', 'اقرأ أيضاً', 'اقرأ المزيد', 'المزيد', 'مقالات ذات صلة', 'أخبار ذات صلة',
      'ذات صلة', 'الأكثر قراءة', 'اشترك', 'اشترك الآن', 'تابعنا', 'تابعونا', 'التعليقات', 'تعليقات', 'أضف تعليق',
      'استمع', 'استمع للمقال',
    ],
    patterns: [
      '((آخر )?تحديث:? )?(منذ|قبل) (# )?(ثانية|ثوان|ثواني|دقيقة|دقائق|دقيقتين|ساعة|ساعات|ساعتين|يوم|أيام|يومين|أسبوع|أسابيع|شهر|أشهر)',
      '(مدة|وقت) القراءة:? # ?(دقيقة|دقائق|د)',
      '# (دقيقة|دقائق) (للقراءة|قراءة)',
      'قراءة # (دقيقة|دقائق)',
      '# تعليقات?',
    ],
  },
};

/** Longer than this, a line is text: furniture lines are short. */
const FURNITURE_MAX_LENGTH = 80;
const NUMBER = String.raw`\p{Nd}+(?:[.,]\p{Nd}+)?`;
/** Punctuation and symbols at a line's ends ("» Read more", "Share:"), but not brackets, which counters use: "Comments (12)". */
const ENDS = /^(?:(?![()])[\s\p{P}\p{S}])+|(?:(?![()])[\s\p{P}\p{S}])+$/gu;
const ITEM_SEPARATOR = /\s+[|•·]\s+|\s*\|\s*/u;

const languages = Object.values(FURNITURE);
const FURNITURE_LINES = new Set(languages.flatMap((language) => language.lines.map(comparable)));
const FURNITURE_PATTERNS = languages.flatMap((language) =>
  language.patterns.map((source) => new RegExp(`^${source.replaceAll('#', NUMBER).replaceAll(' ', String.raw`\s*`)}$`, 'iu')),
);

function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').replace(ENDS, '').toLowerCase();
}

/** Whether a whole line is page furniture: every item on it a known label or counter, in any of the languages. */
export function isFurniture(line: string): boolean {
  if (line.length > FURNITURE_MAX_LENGTH) return false;
  const items = line.split(ITEM_SEPARATOR).map(comparable);
  return items.length > 0 && items.every((item) => item !== '' && isFurnitureItem(item));
}

function isFurnitureItem(item: string): boolean {
  return FURNITURE_LINES.has(item) || FURNITURE_PATTERNS.some((pattern) => pattern.test(item));
}
