import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import type { ElementMark } from '../db/oit-evidence.repository.js';

/** What the owner enters for an item (owner only when the person may assign it). */
export interface EvidenceInput {
  urls: string[];
  explanation: string;
  elements: Record<string, ElementMark>;
  ownerUserId?: string | null | undefined;
}

const MAX_URLS = 20;

function invalid(th: string, en: string, field: string): DomainError {
  return new DomainError('invalid_evidence', { th, en }, { field });
}

const HttpUrl = z
  .string()
  .max(2000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  });

/** Checks links (http/https, at most 20), explanation and checklist lengths; trims them. */
export function validateEvidenceInput(input: EvidenceInput): EvidenceInput {
  const urls = input.urls.map((u) => u.trim()).filter((u) => u !== '');
  if (urls.length > MAX_URLS)
    throw invalid(
      `ใส่ลิงก์ได้ไม่เกิน ${MAX_URLS} รายการต่อข้อ`,
      `At most ${MAX_URLS} links per item`,
      'urls',
    );
  const bad = urls.find((u) => !HttpUrl.safeParse(u).success);
  if (bad !== undefined)
    throw invalid(
      `ลิงก์ "${bad.slice(0, 80)}" ไม่ถูกต้อง ต้องขึ้นต้นด้วย http:// หรือ https://`,
      `The link "${bad.slice(0, 80)}" is not valid: it must start with http:// or https://`,
      'urls',
    );
  if (input.explanation.length > 5000)
    throw invalid(
      'คำอธิบายยาวเกิน 5,000 ตัวอักษร',
      'The explanation is longer than 5,000 characters',
      'explanation',
    );
  const elements: Record<string, ElementMark> = {};
  for (const [code, mark] of Object.entries(input.elements))
    elements[code] = { done: mark.done, where: mark.where.trim().slice(0, 500) };
  return { ...input, urls: [...new Set(urls)], explanation: input.explanation.trim(), elements };
}
