import { wordsFor } from './edition-problem.js';

/** How one thing changed between two editions. */
export type EditionChangeKind =
  'added' | 'removed' | 'renamed' | 'reweighted' | 'moved' | 'changed';

/** One difference between two editions, with a Thai and English sentence describing it. */
export interface EditionChange {
  kind: EditionChangeKind;
  /** A node type (e.g. "indicator") or "scale", "rating_scheme", "rating_level", "min_sample", "milestone", "edition". */
  nodeType: string;
  code: string;
  before?: string;
  after?: string;
  message: { th: string; en: string };
}

/** The placeholder shown for an absent sub-instrument weight, which means an equal share. */
export const EQUAL_SHARE = 'equal share';

/** What changed, for a "changed" entry: a field name in both languages. */
export interface ChangeField {
  th: string;
  en: string;
}

function showValue(value: string | undefined, lang: 'th' | 'en'): string {
  if (value === undefined || value === '') return lang === 'th' ? '(ไม่มี)' : '(none)';
  if (value === EQUAL_SHARE) return lang === 'th' ? 'แบ่งเท่ากัน' : EQUAL_SHARE;
  return value;
}

function describe(
  kind: EditionChangeKind,
  thing: { th: string; en: string },
  before: string | undefined,
  after: string | undefined,
  field: ChangeField | undefined,
): { th: string; en: string } {
  const [bTh, aTh] = [showValue(before, 'th'), showValue(after, 'th')];
  const [bEn, aEn] = [showValue(before, 'en'), showValue(after, 'en')];
  switch (kind) {
    case 'added':
      return { th: `เพิ่ม${thing.th}: ${aTh}`, en: `Added ${thing.en}: ${aEn}` };
    case 'removed':
      return { th: `ลบ${thing.th}ออก: ${bTh}`, en: `Removed ${thing.en}: ${bEn}` };
    case 'renamed':
      return {
        th: `${thing.th} เปลี่ยนชื่อจาก "${bTh}" เป็น "${aTh}"`,
        en: `${thing.en} renamed from "${bEn}" to "${aEn}"`,
      };
    case 'reweighted':
      return {
        th: `${thing.th} เปลี่ยนน้ำหนักจาก ${bTh} เป็น ${aTh}`,
        en: `${thing.en} reweighted: ${bEn} → ${aEn}`,
      };
    case 'moved':
      return {
        th: `${thing.th} ย้ายจากใต้ "${bTh}" ไปอยู่ใต้ "${aTh}"`,
        en: `${thing.en} moved from under "${bEn}" to under "${aEn}"`,
      };
    case 'changed': {
      const f = field ?? { th: 'ค่า', en: 'value' };
      return {
        th: `${thing.th}: ${f.th} เปลี่ยนจาก ${bTh} เป็น ${aTh}`,
        en: `${thing.en}: ${f.en} changed from ${bEn} to ${aEn}`,
      };
    }
  }
}

/** Builds a change record and its Thai and English message. */
export function makeChange(
  kind: EditionChangeKind,
  nodeType: string,
  code: string,
  values: { before?: string | undefined; after?: string | undefined; field?: ChangeField },
): EditionChange {
  const words = wordsFor(nodeType);
  const thing = { th: `${words.th} "${code}"`, en: `${capitalize(words.en)} "${code}"` };
  const change: EditionChange = {
    kind,
    nodeType,
    code,
    message: describe(kind, thing, values.before, values.after, values.field),
  };
  if (values.before !== undefined) change.before = values.before;
  if (values.after !== undefined) change.after = values.after;
  return change;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Writes any JSON-like value in a stable form (object keys sorted) for comparing and showing. */
export function showStable(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map(showStable).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${k}: ${showStable(v)}`).join(', ')}}`;
  }
  return typeof value === 'number' ? String(Number(value.toPrecision(12))) : String(value);
}
