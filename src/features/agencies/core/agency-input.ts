import { z } from 'zod';
import type { Message } from '../../../core/errors.js';

/** Kinds of agency, in the order forms list them. */
export const AGENCY_TYPE_CODES = [
  'ministry',
  'department',
  'province',
  'local',
  'state_enterprise',
  'public_org',
  'university',
  'faculty',
  'school',
  'education_office',
  'hospital',
  'independent',
  'unit',
  'other',
] as const;
export type AgencyType = (typeof AGENCY_TYPE_CODES)[number];

/** Thai and English names of each kind of agency. */
export const AGENCY_TYPES: Record<AgencyType, Message> = {
  ministry: { th: 'กระทรวง', en: 'Ministry' },
  department: { th: 'กรม', en: 'Department' },
  province: { th: 'จังหวัด', en: 'Province' },
  local: { th: 'องค์กรปกครองส่วนท้องถิ่น', en: 'Local government' },
  state_enterprise: { th: 'รัฐวิสาหกิจ', en: 'State enterprise' },
  public_org: { th: 'องค์การมหาชน', en: 'Public organisation' },
  university: { th: 'มหาวิทยาลัย', en: 'University' },
  faculty: { th: 'คณะ', en: 'Faculty' },
  school: { th: 'สถานศึกษา', en: 'School' },
  education_office: { th: 'สำนักงานเขตพื้นที่การศึกษา', en: 'Educational service area office' },
  hospital: { th: 'โรงพยาบาล', en: 'Hospital' },
  independent: { th: 'องค์กรอิสระ', en: 'Independent organisation' },
  unit: { th: 'หน่วยงานย่อย', en: 'Unit' },
  other: { th: 'อื่น ๆ', en: 'Other' },
};

/** Whether a string names a kind of agency. */
export function isAgencyType(value: string): value is AgencyType {
  return (AGENCY_TYPE_CODES as readonly string[]).includes(value);
}

/** Splits a 'ไทย / English' validation message into its two languages. */
export function splitMessage(text: string): Message {
  const at = text.indexOf(' / ');
  return at < 0 ? { th: text, en: text } : { th: text.slice(0, at), en: text.slice(at + 3) };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const STAFF_MESSAGE =
  'จำนวนบุคลากรต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป / eligible staff must be a whole number of 0 or more';

/** Reads a staff count typed in a form ("1,250") or sent as a JSON number; '' means none. */
function toStaffCount(value: number | string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : NaN;
  const text = value.replace(/[\s,]/g, '');
  if (text === '') return null;
  return /^\d{1,9}$/.test(text) ? Number(text) : NaN;
}

const fields = {
  code: z
    .string({ message: 'กรุณากรอกรหัสหน่วยงาน / enter the agency code' })
    .trim()
    .min(1, { message: 'กรุณากรอกรหัสหน่วยงาน / enter the agency code' })
    .max(40, { message: 'รหัสหน่วยงานยาวได้ไม่เกิน 40 ตัวอักษร / the code has at most 40 characters' })
    .regex(/^[A-Za-z0-9._-]+$/, {
      message:
        'รหัสหน่วยงานใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข และ . - _ / the code may only hold letters, digits and . - _',
    }),
  type: z.enum(AGENCY_TYPE_CODES, {
    message: 'กรุณาเลือกประเภทหน่วยงาน / choose the type of agency',
  }),
  nameTh: z
    .string({ message: 'กรุณากรอกชื่อหน่วยงานภาษาไทย / enter the Thai name' })
    .trim()
    .min(1, { message: 'กรุณากรอกชื่อหน่วยงานภาษาไทย / enter the Thai name' })
    .max(200, { message: 'ชื่อยาวได้ไม่เกิน 200 ตัวอักษร / the name has at most 200 characters' }),
  nameEn: z
    .string({ message: 'ชื่อภาษาอังกฤษไม่ถูกต้อง / the English name is not valid' })
    .trim()
    .max(200, { message: 'ชื่อยาวได้ไม่เกิน 200 ตัวอักษร / the name has at most 200 characters' })
    .nullable()
    .optional(),
  website: z
    .string({ message: 'เว็บไซต์ไม่ถูกต้อง / the website is not valid' })
    .trim()
    .max(500, { message: 'เว็บไซต์ยาวเกินไป / the website address is too long' })
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v))
    .refine((v) => v === null || v === undefined || isHttpUrl(v), {
      message:
        'เว็บไซต์ต้องขึ้นต้นด้วย http:// หรือ https:// / the website must be an http:// or https:// address',
    }),
  eligibleStaff: z
    .union([z.number(), z.string(), z.null()], { message: STAFF_MESSAGE })
    .optional()
    .transform(toStaffCount)
    .refine((v) => !Number.isNaN(v), { message: STAFF_MESSAGE }),
};

/** One agency's fields, checked but not yet completed with defaults (documents the API). */
export const AgencyFieldsSchema = z.object(fields);

/**
 * One agency's fields as a form or the API sends them. The English name defaults to the Thai
 * one; `eligibleStaff` is the IIT eligible count (staff with at least one year of service).
 */
export const AgencyInputSchema = AgencyFieldsSchema.transform((v) => ({
  code: v.code,
  type: v.type,
  nameTh: v.nameTh,
  nameEn: v.nameEn ? v.nameEn : v.nameTh,
  website: v.website ?? null,
  eligibleStaff: v.eligibleStaff ?? null,
}));
export type AgencyInput = z.output<typeof AgencyInputSchema>;
export type AgencyInputRaw = z.input<typeof AgencyInputSchema>;

/**
 * Changes to an agency: only the fields given change; null or '' clears the website and staff
 * count, and an empty English name means "same as the Thai name".
 */
export const AgencyChangesSchema = AgencyFieldsSchema.partial().strict();
export type AgencyChangesInput = z.output<typeof AgencyChangesSchema>;
