import type { Message } from '../../../core/errors.js';
import type { CommentTheme } from '../../../core/framework/edition.schema.js';
import { normaliseCell } from '../../surveys/core/response-import-columns.js';

/** The code of the group for comments that match no theme of the edition. */
export const OTHER_THEME = 'other';
export const OTHER_THEME_NAME: Message = { th: 'อื่น ๆ', en: 'Other' };

/**
 * The codes of the edition's themes whose keywords appear in a comment (Thai has no spaces
 * between words, so a keyword is looked for anywhere in the normalised text); a comment may
 * touch several themes, and one that touches none is "other".
 */
export function assignThemes(comment: string, themes: readonly CommentTheme[]): string[] {
  const text = normaliseCell(comment);
  const found = themes
    .filter((theme) => theme.keywords.some((k) => text.includes(normaliseCell(k))))
    .map((theme) => theme.code);
  return found.length > 0 ? found : [OTHER_THEME];
}
