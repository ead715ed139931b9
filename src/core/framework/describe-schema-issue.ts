import type { z } from 'zod';
import { formatPath, formatNumber, makeError, type EditionProblem } from './edition-problem.js';

type Issue = z.core.$ZodIssue;
type Words = { th: string; en: string };

/** Thai and English names of the value types zod expects. */
const TYPE_WORDS: Record<string, Words> = {
  string: { th: 'ข้อความ', en: 'text' },
  number: { th: 'ตัวเลข', en: 'a number' },
  int: { th: 'จำนวนเต็ม', en: 'a whole number' },
  boolean: { th: 'ค่า true หรือ false', en: 'true or false' },
  array: { th: 'รายการ (list)', en: 'a list' },
  object: { th: 'กลุ่มข้อมูลแบบ ชื่อ: ค่า', en: 'a group of "name: value" fields' },
  record: { th: 'กลุ่มข้อมูลแบบ ชื่อ: ค่า', en: 'a group of "name: value" fields' },
  null: { th: 'ค่าว่าง (null)', en: 'empty (null)' },
  undefined: { th: 'ไม่มีค่า', en: 'nothing' },
};

/** Thai translations of the English explanations written in edition.schema.ts regexes. */
const FORMAT_WORDS: Record<string, string> = {
  'letters, digits, dot, dash or underscore':
    'ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข จุด ขีด หรือขีดล่าง และต้องขึ้นต้นด้วยตัวอักษรหรือตัวเลข',
  'a number or a fraction such as "100/3"': 'ต้องเป็นตัวเลข หรือเศษส่วน เช่น "100/3"',
  'a date written YYYY-MM-DD (Gregorian)': 'ต้องเป็นวันที่แบบ ปปปป-ดด-วว ในปีคริสต์ศักราช',
};

function typeWords(name: string): Words {
  const parts = name.split('|').map((part) => TYPE_WORDS[part] ?? { th: part, en: part });
  return { th: parts.map((p) => p.th).join(' หรือ '), en: parts.map((p) => p.en).join(' or ') };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = raw;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function describeInvalidType(issue: Issue & { code: 'invalid_type' }, raw: unknown) {
  const value = valueAt(raw, issue.path);
  const want = typeWords(issue.expected);
  if (value === undefined) {
    const field = issue.path[issue.path.length - 1];
    const name = typeof field === 'string' ? ` "${field}"` : '';
    return {
      code: 'missing_field',
      th: `ขาดข้อมูล${name === '' ? '' : `${name} `}ที่ต้องมี: ให้เพิ่มช่องนี้ โดยใส่${want.th}`,
      en: `The required field${name} is missing: add it, with ${want.en}.`,
    };
  }
  const got = typeWords(typeOfValue(value));
  return {
    code: 'wrong_type',
    th: `ชนิดข้อมูลไม่ถูกต้อง: ต้องเป็น${want.th} แต่พบ${got.th}`,
    en: `Wrong kind of value: expected ${want.en}, found ${got.en}.`,
  };
}

function describeBound(issue: Issue & { code: 'too_small' | 'too_big' }) {
  const small = issue.code === 'too_small';
  const n = formatNumber(Number(small ? issue.minimum : issue.maximum));
  if (issue.origin === 'string' && small) {
    return { th: 'ข้อความต้องไม่ว่าง', en: 'This text must not be empty.' };
  }
  if (issue.origin === 'string') {
    return { th: `ข้อความยาวเกิน ${n} ตัวอักษร`, en: `This text is longer than ${n} characters.` };
  }
  if (issue.origin === 'array') {
    return small
      ? { th: `ต้องมีอย่างน้อย ${n} รายการ`, en: `This list needs at least ${n} entries.` }
      : { th: `มีได้ไม่เกิน ${n} รายการ`, en: `This list may have at most ${n} entries.` };
  }
  const strict = issue.inclusive === false;
  if (small) {
    return strict
      ? { th: `ค่าต้องมากกว่า ${n}`, en: `The value must be greater than ${n}.` }
      : { th: `ค่าต้องไม่น้อยกว่า ${n}`, en: `The value must be at least ${n}.` };
  }
  return strict
    ? { th: `ค่าต้องน้อยกว่า ${n}`, en: `The value must be less than ${n}.` }
    : { th: `ค่าต้องไม่เกิน ${n}`, en: `The value must be at most ${n}.` };
}

function describeLeaf(issue: Issue, raw: unknown): { code: string; th: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      return describeInvalidType(issue, raw);
    case 'too_small':
    case 'too_big':
      return { code: issue.code, ...describeBound(issue) };
    case 'invalid_value': {
      const list = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return {
        code: 'invalid_value',
        th: `ค่านี้ใช้ไม่ได้: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ ${list}`,
        en: `This value is not allowed: use one of ${list}.`,
      };
    }
    case 'invalid_format': {
      const th = FORMAT_WORDS[issue.message] ?? 'รูปแบบไม่ถูกต้อง';
      return {
        code: 'invalid_format',
        th: `รูปแบบไม่ถูกต้อง: ${th}`,
        en: `Wrong format: expected ${issue.message}.`,
      };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return {
        code: 'unknown_field',
        th: `ไม่รู้จักช่อง ${keys}: ตรวจการสะกด (เช่น weight) หรือลบออก`,
        en: `Unknown field ${keys}: check the spelling (e.g. weight) or remove it.`,
      };
    }
    default:
      return {
        code: 'invalid',
        th: `ข้อมูลไม่ถูกต้อง (${issue.message})`,
        en: issue.message,
      };
  }
}

/** For a failed union, prefers the branch whose type matched but whose content did not. */
function unwrapUnion(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue;
  const leaves = issue.errors.flatMap((errs) => errs.slice(0, 1));
  const specific = leaves.find((e) => e.code !== 'invalid_type');
  if (specific !== undefined) {
    return unwrapUnion({ ...specific, path: [...issue.path, ...specific.path] } as Issue);
  }
  const expected = leaves.flatMap((e) => (e.code === 'invalid_type' ? [e.expected] : []));
  if (expected.length === 0) return issue;
  return { ...issue, code: 'invalid_type', expected: expected.join('|') } as Issue;
}

/** Turns one zod issue into an edition problem with a plain Thai and English message. */
export function describeSchemaIssue(rawIssue: Issue, raw: unknown): EditionProblem {
  const issue = unwrapUnion(rawIssue);
  const { code, th, en } = describeLeaf(issue, raw);
  return makeError(code, formatPath(issue.path), th, en);
}
