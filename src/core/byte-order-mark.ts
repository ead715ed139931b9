/**
 * The byte-order mark (U+FEFF) that Windows editors and Excel's "CSV UTF-8" write at the start
 * of a UTF-8 file. It tells how the file is encoded; it is not part of what the file says.
 */
export const BYTE_ORDER_MARK = '\uFEFF';

/** The text without a byte-order mark at its start (every reader of uploaded or given files). */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
}
