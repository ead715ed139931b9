/** A problem found in an edition file, with where it is and what to do, in Thai and English. */
export interface EditionProblem {
  severity: 'error' | 'warning';
  /** A stable machine code such as "duplicate_code". */
  code: string;
  /** Where in the file, e.g. "instruments[1].indicators[0].questions[3].items[1].code" ("" is the whole file). */
  path: string;
  message: { th: string; en: string };
}

/** Builds an error-severity problem. */
export function makeError(code: string, path: string, th: string, en: string): EditionProblem {
  return { severity: 'error', code, path, message: { th, en } };
}

/** Builds a warning-severity problem. */
export function makeWarning(code: string, path: string, th: string, en: string): EditionProblem {
  return { severity: 'warning', code, path, message: { th, en } };
}

/** Joins path segments into the dotted/bracket form, e.g. ["a", 0, "b"] → "a[0].b". */
export function formatPath(segments: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'symbol') out += `[${String(seg)}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Writes a number for a message without floating-point noise, e.g. 99.99999999999999 → "100". */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Reports every repeated code in a list, at the repeat's path, naming where it first appeared. */
export function findDuplicates(
  entries: readonly { code: string; path: string }[],
  report: (code: string, path: string, firstPath: string) => EditionProblem,
): EditionProblem[] {
  const seen = new Map<string, string>();
  const out: EditionProblem[] = [];
  for (const { code, path } of entries) {
    const first = seen.get(code);
    if (first === undefined) seen.set(code, path);
    else out.push(report(code, path, first));
  }
  return out;
}

/** Thai and English names of each kind of thing in an edition, for messages. */
export const KIND_WORDS: Record<string, { th: string; en: string }> = {
  instrument: { th: 'เครื่องมือ', en: 'instrument' },
  indicator: { th: 'ตัวชี้วัด', en: 'indicator' },
  subindicator: { th: 'ตัวชี้วัดย่อย', en: 'sub-indicator' },
  question: { th: 'ข้อคำถาม', en: 'question' },
  item: { th: 'ข้อย่อย', en: 'sub-item' },
  oit_item: { th: 'ข้อ OIT', en: 'OIT item' },
  scale: { th: 'มาตรวัดคำตอบ', en: 'answer scale' },
  rating_scheme: { th: 'เกณฑ์การจัดระดับ', en: 'rating scheme' },
  rating_level: { th: 'ระดับผลการประเมิน', en: 'rating level' },
  min_sample: { th: 'เกณฑ์จำนวนตัวอย่างขั้นต่ำ', en: 'minimum-sample rule' },
  milestone: { th: 'กำหนดการ', en: 'calendar milestone' },
  comment: { th: 'คำถามปลายเปิด', en: 'free-text question' },
  edition: { th: 'ฉบับเกณฑ์', en: 'edition' },
};

/** Gives the Thai and English name of a kind, falling back to the kind itself. */
export function wordsFor(kind: string): { th: string; en: string } {
  return KIND_WORDS[kind] ?? { th: kind, en: kind };
}
