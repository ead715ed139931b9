import type { Message } from '../../../core/errors.js';

/** Work manuals (staff) and service manuals (public service standards). */
export const MANUAL_KINDS = ['work', 'service'] as const;
export type ManualKind = (typeof MANUAL_KINDS)[number];

export const MANUAL_STATUSES = ['draft', 'published'] as const;
export type ManualStatus = (typeof MANUAL_STATUSES)[number];

export const TIME_UNITS = ['minutes', 'hours', 'days', 'working_days'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** What a manual writes where there is no fee or no document: OIT O9.4/O9.5 want it stated. */
export const NONE_TH = 'ไม่มี';

export const KIND_NAMES: Record<ManualKind, Message> = {
  work: { th: 'คู่มือการปฏิบัติงาน', en: 'Work manual' },
  service: { th: 'คู่มือการให้บริการ', en: 'Service manual' },
};

export const MANUAL_STATUS_NAMES: Record<ManualStatus, Message> = {
  draft: { th: 'ฉบับร่าง', en: 'Draft' },
  published: { th: 'เผยแพร่แล้ว', en: 'Published' },
};

export const UNIT_NAMES: Record<TimeUnit, Message> = {
  minutes: { th: 'นาที', en: 'minutes' },
  hours: { th: 'ชั่วโมง', en: 'hours' },
  days: { th: 'วัน', en: 'days' },
  working_days: { th: 'วันทำการ', en: 'working days' },
};

/** One step of a manual with its time limit. */
export interface ManualStepInput {
  description: string;
  responsible: string;
  timeAmount: number | null;
  timeUnit: TimeUnit | null;
}

/** The fields of a manual that the rules and the element check look at. */
export interface ManualContent {
  kind: ManualKind;
  title: string;
  purpose: string;
  responsibleUnit: string;
  channels: string[];
  feeText: string;
  documents: string[];
  steps: ManualStepInput[];
}

/** A problem with a manual, by field (`steps.2` for the third step). */
export interface ManualProblem {
  field: string;
  message: Message;
}

/** Whether a text says "none" (ไม่มี, none, -) rather than being left blank. */
export function statesNone(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === NONE_TH || t === 'none' || t === 'ไม่มีค่าธรรมเนียม' || t === 'ไม่เสียค่าธรรมเนียม';
}

/** Whether the fee is stated: an amount or an explicit "none". */
export function feeStated(feeText: string): boolean {
  return feeText.trim().length > 0;
}

/** Whether the required documents are stated: a list, or the single entry "none". */
export function documentsStated(documents: readonly string[]): boolean {
  const filled = documents.map((d) => d.trim()).filter(Boolean);
  if (filled.length === 0) return false;
  return filled.length === 1 || !filled.some(statesNone);
}

/** Whether a step has a time limit (a whole number above zero and a unit). */
export function stepTimed(step: ManualStepInput): boolean {
  return (
    step.timeUnit !== null &&
    step.timeAmount !== null &&
    Number.isInteger(step.timeAmount) &&
    step.timeAmount > 0
  );
}

/**
 * The problems that keep a manual from being published: a title, at least one step, a time
 * limit on every step; for a service manual also a channel, the fee and the documents, with
 * "none" written out where there is none.
 */
export function checkManual(manual: ManualContent): ManualProblem[] {
  const problems: ManualProblem[] = [];
  const add = (field: string, th: string, en: string) =>
    problems.push({ field, message: { th, en } });
  if (!manual.title.trim()) add('title', 'กรุณาระบุชื่อคู่มือหรือชื่อบริการ', 'Enter the title');
  if (manual.steps.length === 0) add('steps', 'ต้องมีขั้นตอนอย่างน้อยหนึ่งขั้นตอน', 'Add at least one step');
  manual.steps.forEach((step, i) => {
    if (!step.description.trim())
      add(`steps.${i}`, `ขั้นตอนที่ ${i + 1}: กรุณาบรรยายขั้นตอน`, `Step ${i + 1}: describe it`);
    else if (!stepTimed(step))
      add(
        `steps.${i}`,
        `ขั้นตอนที่ ${i + 1}: กรุณาระบุระยะเวลา (จำนวนเต็มมากกว่าศูนย์และหน่วย)`,
        `Step ${i + 1}: give a time limit (a whole number above zero and a unit)`,
      );
  });
  if (manual.kind === 'service') {
    if (manual.channels.every((c) => !c.trim()))
      add('channels', 'กรุณาระบุสถานที่หรือช่องทางให้บริการ', 'Enter where or how the service is given');
    if (!feeStated(manual.feeText))
      add(
        'feeText',
        'กรุณาระบุค่าธรรมเนียม หากไม่มีให้เขียนว่า "ไม่มี"',
        'State the fee; write "ไม่มี" (none) when there is none',
      );
    if (!documentsStated(manual.documents))
      add(
        'documents',
        'กรุณาระบุเอกสารที่ต้องใช้ หากไม่ต้องใช้ให้เขียนว่า "ไม่มี" เพียงบรรทัดเดียว',
        'List the documents needed; write "ไม่มี" (none) alone when none are needed',
      );
  }
  return problems;
}

/**
 * Minutes in a working day: office hours 08:30–16:30 less a one-hour lunch break, the usual
 * civil-service day. Provisional: an agency with other hours changes it here.
 */
export const WORKING_DAY_MINUTES = 7 * 60;

const UNIT_MINUTES: Record<TimeUnit, number> = {
  minutes: 1,
  hours: 60,
  // a calendar-day limit is counted as that many working days (cases are measured in working days)
  days: WORKING_DAY_MINUTES,
  working_days: WORKING_DAY_MINUTES,
};

/** The standard time of all timed steps, per unit and as working days (rounded up). */
export interface StandardTime {
  byUnit: Partial<Record<TimeUnit, number>>;
  workingDays: number;
}

/** Adds up the time limits of the timed steps. */
export function totalStandardTime(steps: readonly ManualStepInput[]): StandardTime {
  const byUnit: Partial<Record<TimeUnit, number>> = {};
  let minutes = 0;
  for (const step of steps) {
    if (!stepTimed(step) || step.timeUnit === null || step.timeAmount === null) continue;
    byUnit[step.timeUnit] = (byUnit[step.timeUnit] ?? 0) + step.timeAmount;
    minutes += step.timeAmount * UNIT_MINUTES[step.timeUnit];
  }
  return { byUnit, workingDays: Math.ceil(minutes / WORKING_DAY_MINUTES) };
}

/** The standard time as words ("2 วันทำการ 30 นาที"). */
export function describeStandardTime(time: StandardTime, lang: 'th' | 'en'): string {
  const parts = TIME_UNITS.filter((u) => (time.byUnit[u] ?? 0) > 0)
    .slice()
    .reverse()
    .map((u) => `${time.byUnit[u]} ${UNIT_NAMES[u][lang]}`);
  return parts.length > 0 ? parts.join(' ') : '—';
}
