import type { Message } from './errors.js';

/**
 * Labels that say in plain words what the data holds in codes: a stored file's kind and size
 * ("ไฟล์ PDF 29 KB", never a MIME type or a byte count) and an edition ("เกณฑ์ปี 2569", never
 * its code). One place, so every page and document says them the same way (issue 13, part 8).
 */

const FILE_KINDS: Record<string, { th: string; en: string }> = {
  'application/pdf': { th: 'PDF', en: 'PDF' },
  'image/png': { th: 'ภาพ PNG', en: 'PNG image' },
  'image/jpeg': { th: 'ภาพ JPEG', en: 'JPEG image' },
  'image/gif': { th: 'ภาพ GIF', en: 'GIF image' },
  'image/webp': { th: 'ภาพ WebP', en: 'WebP image' },
  'application/msword': { th: 'Word', en: 'Word' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    th: 'Word',
    en: 'Word',
  },
  'application/vnd.ms-excel': { th: 'Excel', en: 'Excel' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    th: 'Excel',
    en: 'Excel',
  },
  'application/vnd.ms-powerpoint': { th: 'PowerPoint', en: 'PowerPoint' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    th: 'PowerPoint',
    en: 'PowerPoint',
  },
  'application/zip': { th: 'ZIP', en: 'ZIP' },
  'text/csv': { th: 'CSV', en: 'CSV' },
  'text/plain': { th: 'ข้อความ', en: 'text' },
  'text/html': { th: 'หน้าเว็บ', en: 'web page' },
};

/** A size in KB (at least 1) or, from 1 MB, in MB with one decimal. */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * A stored file as people read it: "ไฟล์ PDF 29 KB" / "PDF file 29 KB". An unknown type says
 * only "ไฟล์" (its MIME type means nothing to a reader); a missing size is left out.
 */
export function describeFile(contentType: string | null, bytes: number | null): Message {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const kind = FILE_KINDS[type];
  const size =
    bytes === null || !Number.isFinite(bytes) || bytes < 0 ? '' : ` ${fileSizeText(bytes)}`;
  return {
    th: `ไฟล์${kind ? ` ${kind.th}` : ''}${size}`,
    en: `${kind ? `${kind.en} file` : 'File'}${size}`,
  };
}

/** An edition by the year of its rules: "เกณฑ์ปี 2569" / "2569 criteria" (never "ita-2569"). */
export function editionYearLabel(year: number): Message {
  return { th: `เกณฑ์ปี ${year}`, en: `${year} criteria` };
}

/** The year of an edition code such as `ita-2569` (null when the code carries none). */
export function editionYearOf(code: string): number | null {
  const match = /(\d{4})(?!.*\d{4})/.exec(code);
  return match ? Number(match[1]) : null;
}

/** An edition code as people read it: "เกณฑ์ปี 2569"; a code without a year stays as it is. */
export function editionCodeLabel(code: string): Message {
  const year = editionYearOf(code);
  return year === null ? { th: code, en: code } : editionYearLabel(year);
}
