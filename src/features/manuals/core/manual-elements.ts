import type { Message } from '../../../core/errors.js';
import {
  documentsStated,
  feeStated,
  stepTimed,
  type ManualContent,
  type ManualKind,
} from './manual-rules.js';

/**
 * The automatic OIT element check of a manual. PROVISIONAL: the NACC manual for 2569 was not
 * available, so the element wording was read from ita-rules (A9, Part C §1.2) and mapped by hand
 * to the manual's fields. The mapping is keyed by element code, in this one table; an element
 * of the edition that is not in it is shown as "check by hand".
 */
interface ElementRule {
  field: Message;
  met: (manual: ManualContent) => boolean;
}

const hasSteps = (m: ManualContent) => m.steps.some((s) => s.description.trim().length > 0);
const everyStep = (m: ManualContent, test: (s: ManualContent['steps'][number]) => boolean) =>
  hasSteps(m) && m.steps.every(test);

export const ELEMENT_RULES: Record<string, ElementRule> = {
  // O8 staff work manuals
  'O8.1': {
    field: { th: 'ชื่อคู่มือและวัตถุประสงค์', en: 'Title and purpose' },
    met: (m) => m.title.trim().length > 0 && m.purpose.trim().length > 0,
  },
  'O8.2': {
    field: { th: 'ขั้นตอนและผู้รับผิดชอบทุกขั้นตอน', en: 'Steps, each with who is responsible' },
    met: (m) => everyStep(m, (s) => s.responsible.trim().length > 0),
  },
  'O8.3': {
    field: { th: 'ระยะเวลาของทุกขั้นตอน', en: 'A time limit on every step' },
    met: (m) => everyStep(m, stepTimed),
  },
  // O9 service manuals
  'O9.1': {
    field: { th: 'ชื่อบริการ', en: 'Service name' },
    met: (m) => m.title.trim().length > 0,
  },
  'O9.2': {
    field: { th: 'ขั้นตอนและระยะเวลาทุกขั้นตอน', en: 'Steps, each with its time limit' },
    met: (m) => everyStep(m, stepTimed),
  },
  'O9.3': {
    field: { th: 'สถานที่หรือช่องทางให้บริการ', en: 'Place or channel' },
    met: (m) => m.channels.some((c) => c.trim().length > 0),
  },
  'O9.4': {
    field: { th: 'ค่าธรรมเนียม (หรือ "ไม่มี")', en: 'Fee (or "none")' },
    met: (m) => feeStated(m.feeText),
  },
  'O9.5': {
    field: { th: 'เอกสารที่ต้องใช้ (หรือ "ไม่มี")', en: 'Documents needed (or "none")' },
    met: (m) => documentsStated(m.documents),
  },
};

/** An element of the OIT item as the edition words it. */
export interface ItemElement {
  code: string;
  text: Message;
}

/** The result for one element: met, missing, or null when no rule maps it (check by hand). */
export interface ElementResult {
  code: string;
  text: Message;
  field: Message | null;
  met: boolean | null;
}

/** Checks a manual against the elements of the OIT item its kind serves. */
export function checkManualElements(
  manual: ManualContent,
  elements: readonly ItemElement[],
): ElementResult[] {
  return elements.map((element) => {
    const rule = ELEMENT_RULES[element.code];
    return {
      code: element.code,
      text: element.text,
      field: rule?.field ?? null,
      met: rule ? rule.met(manual) : null,
    };
  });
}

/** The generated-evidence source of each kind, as editions name it in `generated_evidence`. */
export const KIND_SOURCES: Record<ManualKind, 'work_manuals' | 'service_manuals'> = {
  work: 'work_manuals',
  service: 'service_manuals',
};
