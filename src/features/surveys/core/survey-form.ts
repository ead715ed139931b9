import type { Instrument, Scale, Text } from '../../../core/framework/edition.schema.js';
import type { Message } from '../../../core/errors.js';

/** One answerable line as shown on the form. */
export interface FormItem {
  code: string;
  text: Text;
}

/** A question with its answer options (one radio group per item). */
export interface FormQuestion {
  code: string;
  text: Text;
  /** Sub-items; a question without sub-items has itself as its only item. */
  items: FormItem[];
  hasSubItems: boolean;
  options: { code: string; label: Text }[];
}

/** One step of the survey: one indicator. */
export interface FormStep {
  indicatorCode: string;
  name: Text;
  questions: FormQuestion[];
}

/** Builds the steps of a survey instrument: one indicator per step, questions in edition order. */
export function buildSurveySteps(instrument: Instrument, scales: readonly Scale[]): FormStep[] {
  if (instrument.kind !== 'survey') throw new RangeError(`${instrument.code} is not a survey`);
  const scaleByCode = new Map(scales.map((s) => [s.code, s]));
  return instrument.indicators.map((indicator) => ({
    indicatorCode: indicator.code,
    name: indicator.name,
    questions: (indicator.questions ?? []).map((q) => {
      const scale = scaleByCode.get(q.scale);
      const items = q.items?.length
        ? q.items.map((i) => ({ code: i.code, text: i.text }))
        : [{ code: q.code, text: q.text }];
      return {
        code: q.code,
        text: q.text,
        items,
        hasSubItems: Boolean(q.items?.length),
        options: (scale?.options ?? []).map((o) => ({ code: o.code, label: o.label })),
      };
    }),
  }));
}

/** Every item code of the steps, in order. */
export function listStepItems(steps: readonly FormStep[]): string[] {
  return steps.flatMap((s) => s.questions.flatMap((q) => q.items.map((i) => i.code)));
}

/** Form field name of an item (item codes may contain dots, which are fine in HTML names). */
export function fieldName(itemCode: string): string {
  return `a_${itemCode}`;
}

/** One item of a step as the checks read it: its code, its field name and its options. */
interface ItemCheck {
  code: string;
  field: string;
  allowed: ReadonlySet<string>;
}

/** The item checks of each step, made once per step (steps are built once per edition). */
const checksOfStep = new WeakMap<FormStep, readonly ItemCheck[]>();

function itemChecks(step: FormStep): readonly ItemCheck[] {
  let checks = checksOfStep.get(step);
  if (!checks) {
    checks = step.questions.flatMap((question) => {
      const allowed = new Set(question.options.map((o) => o.code));
      return question.items.map((item) => ({
        code: item.code,
        field: fieldName(item.code),
        allowed,
      }));
    });
    checksOfStep.set(step, checks);
  }
  return checks;
}

const MISSING: Message = {
  th: 'กรุณาเลือกคำตอบของข้อนี้',
  en: 'Please choose an answer to this question',
};
const NOT_AN_OPTION: Message = {
  th: 'คำตอบนี้ไม่อยู่ในตัวเลือก กรุณาเลือกใหม่',
  en: 'That answer is not one of the options; please choose again',
};

/**
 * Checks the answers of one step: every item needs one of its options. Returns a message per
 * item that is missing or invalid (empty when the step is complete).
 */
export function findStepProblems(
  step: FormStep,
  form: Record<string, unknown>,
): Record<string, Message> {
  const problems: Record<string, Message> = {};
  for (const item of itemChecks(step)) {
    const value = form[item.field];
    if (value === undefined || value === '') problems[item.code] = { ...MISSING };
    else if (typeof value !== 'string' || !item.allowed.has(value))
      problems[item.code] = { ...NOT_AN_OPTION };
  }
  return problems;
}

/** Whether every item of every step has one of its options (findStepProblems finds nothing). */
export function isComplete(steps: readonly FormStep[], form: Record<string, unknown>): boolean {
  for (const step of steps)
    for (const item of itemChecks(step)) {
      const value = form[item.field];
      if (typeof value !== 'string' || value === '' || !item.allowed.has(value)) return false;
    }
  return true;
}

/** The answers of every step from a form, keyed by item code (only valid ones are kept). */
export function collectAnswers(
  steps: readonly FormStep[],
  form: Record<string, unknown>,
): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const step of steps)
    for (const item of itemChecks(step)) {
      const value = form[item.field];
      if (typeof value === 'string' && item.allowed.has(value)) answers[item.code] = value;
    }
  return answers;
}
