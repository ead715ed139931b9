import type { Edition, Indicator, Instrument } from './edition.schema.js';
import {
  formatNumber,
  makeError,
  makeWarning,
  wordsFor,
  type EditionProblem,
} from './edition-problem.js';
import { listEditionNodeEntries } from './walk-edition.js';

const TOLERANCE = 1e-9;

interface Sibling {
  code: string;
  path: string;
  weight?: number | undefined;
}

function listNonPositive(siblings: readonly Sibling[]): EditionProblem[] {
  return siblings
    .filter((s) => s.weight !== undefined && s.weight <= 0)
    .map((s) =>
      makeError(
        'weight_not_positive',
        `${s.path}.weight`,
        `น้ำหนักของ "${s.code}" เป็น ${formatNumber(s.weight ?? 0)} ซึ่งต้องมากกว่า 0: ให้แก้เป็นค่าบวก หรือลบรายการนี้ออก`,
        `The weight of "${s.code}" is ${formatNumber(s.weight ?? 0)}; it must be greater than 0: make it positive or remove the entry.`,
      ),
    );
}

/** Checks sibling weights: none set (equal shares) or all set and adding up to 100. */
function checkPercentages(
  siblings: readonly Sibling[],
  kind: string,
  parent: { code: string; path: string },
): EditionProblem[] {
  const out = listNonPositive(siblings);
  const weighted = siblings.filter((s) => s.weight !== undefined);
  if (weighted.length === 0) return out;
  const words = wordsFor(kind);
  if (weighted.length < siblings.length) {
    const missing = siblings
      .filter((s) => s.weight === undefined)
      .map((s) => s.code)
      .join(', ');
    out.push(
      makeError(
        'weights_partial',
        parent.path,
        `ใน "${parent.code}" ${words.th}บางรายการกำหนดน้ำหนัก (weight) บางรายการไม่กำหนด (${missing}): ให้กำหนดน้ำหนักทุกรายการให้รวมเป็น 100 หรือไม่กำหนดเลยเพื่อแบ่งน้ำหนักเท่ากัน`,
        `In "${parent.code}" some ${words.en}s have a weight and others not (${missing}): give every one a weight, adding up to 100, or none for equal weights.`,
      ),
    );
    return out;
  }
  const sum = weighted.reduce((acc, s) => acc + (s.weight ?? 0), 0);
  if (Math.abs(sum - 100) > TOLERANCE) {
    out.push(
      makeError(
        'weights_not_100',
        parent.path,
        `น้ำหนักของ${words.th}ใน "${parent.code}" รวมได้ ${formatNumber(sum)} ไม่ใช่ 100: ให้ปรับน้ำหนัก (ร้อยละของ "${parent.code}") ให้รวมเป็น 100`,
        `The weights of the ${words.en}s in "${parent.code}" add up to ${formatNumber(sum)}, not 100: adjust them (they are percentages of "${parent.code}") to add up to 100.`,
      ),
    );
  }
  return out;
}

function listIndicatorWeightProblems(ind: Indicator, path: string): EditionProblem[] {
  const parent = { code: ind.code, path };
  const at = (base: string) => (x: { code: string; weight?: number | undefined }, i: number) => ({
    code: x.code,
    weight: x.weight,
    path: `${base}[${i}]`,
  });
  const out = [
    ...checkPercentages((ind.questions ?? []).map(at(`${path}.questions`)), 'question', parent),
    ...checkPercentages(
      (ind.subindicators ?? []).map(at(`${path}.subindicators`)),
      'subindicator',
      parent,
    ),
  ];
  (ind.questions ?? []).forEach((q, i) => {
    const qPath = `${path}.questions[${i}]`;
    out.push(
      ...checkPercentages((q.items ?? []).map(at(`${qPath}.items`)), 'item', {
        code: q.code,
        path: qPath,
      }),
    );
  });
  (ind.subindicators ?? []).forEach((s, i) => {
    const sPath = `${path}.subindicators[${i}]`;
    out.push(
      ...checkPercentages(s.items.map(at(`${sPath}.items`)), 'oit_item', {
        code: s.code,
        path: sPath,
      }),
    );
  });
  return out;
}

/** Reports instrument points that miss total_points and sibling percentages that miss 100. */
export function listWeightProblems(edition: Edition): EditionProblem[] {
  const instruments = edition.instruments.map((ins, i) => ({
    code: ins.code,
    weight: ins.weight,
    path: `instruments[${i}]`,
  }));
  const out = listNonPositive(instruments);
  const sum = edition.instruments.reduce((acc, ins) => acc + ins.weight, 0);
  if (Math.abs(sum - edition.total_points) > TOLERANCE) {
    const total = formatNumber(edition.total_points);
    out.push(
      makeError(
        'instrument_weights_total',
        'instruments',
        `คะแนนเต็มของเครื่องมือทั้งหมด (weight) รวมได้ ${formatNumber(sum)} แต่คะแนนเต็มของฉบับ (total_points) คือ ${total}: ให้ปรับน้ำหนักของเครื่องมือให้รวมเป็น ${total}`,
        `The instrument weights add up to ${formatNumber(sum)} but total_points is ${total}: adjust the instrument weights to add up to ${total}.`,
      ),
    );
  }
  edition.instruments.forEach((ins, i) => {
    const path = `instruments[${i}]`;
    const indicators = ins.indicators.map((ind, j) => ({
      code: ind.code,
      weight: ind.weight,
      path: `${path}.indicators[${j}]`,
    }));
    out.push(...checkPercentages(indicators, 'indicator', { code: ins.code, path }));
    ins.indicators.forEach((ind, j) =>
      out.push(...listIndicatorWeightProblems(ind, `${path}.indicators[${j}]`)),
    );
  });
  return out;
}

function checkSurveyIndicator(ins: Instrument, ind: Indicator, path: string): EditionProblem[] {
  if ((ind.subindicators ?? []).length > 0) {
    return [
      makeError(
        'indicator_wrong_kind',
        `${path}.subindicators`,
        `ตัวชี้วัด "${ind.code}" อยู่ในเครื่องมือแบบสำรวจ "${ins.code}" จึงต้องมีข้อคำถาม (questions) ไม่ใช่ตัวชี้วัดย่อย: ให้ย้ายตัวชี้วัดย่อยไปไว้ในเครื่องมือแบบตรวจรายการ (checklist) หรือเปลี่ยนเป็นข้อคำถาม`,
        `Indicator "${ind.code}" is in survey instrument "${ins.code}", so it must hold questions, not sub-indicators: move the sub-indicators to a checklist instrument or turn them into questions.`,
      ),
    ];
  }
  if ((ind.questions ?? []).length > 0) return [];
  return [
    makeError(
      'indicator_empty',
      path,
      `ตัวชี้วัด "${ind.code}" ไม่มีข้อคำถามเลย: ให้เพิ่มข้อคำถาม (questions) อย่างน้อยหนึ่งข้อ หรือลบตัวชี้วัดนี้ออก`,
      `Indicator "${ind.code}" has no questions: add at least one question or remove the indicator.`,
    ),
  ];
}

function checkChecklistIndicator(ins: Instrument, ind: Indicator, path: string): EditionProblem[] {
  if ((ind.questions ?? []).length > 0) {
    return [
      makeError(
        'indicator_wrong_kind',
        `${path}.questions`,
        `ตัวชี้วัด "${ind.code}" อยู่ในเครื่องมือแบบตรวจรายการ "${ins.code}" จึงต้องมีตัวชี้วัดย่อย (subindicators) ไม่ใช่ข้อคำถาม: ให้ย้ายข้อคำถามไปไว้ในเครื่องมือแบบสำรวจ หรือเปลี่ยนเป็นตัวชี้วัดย่อยและข้อ OIT`,
        `Indicator "${ind.code}" is in checklist instrument "${ins.code}", so it must hold sub-indicators, not questions: move the questions to a survey instrument or turn them into sub-indicators with OIT items.`,
      ),
    ];
  }
  const subs = ind.subindicators ?? [];
  if (subs.length === 0) {
    return [
      makeError(
        'indicator_empty',
        path,
        `ตัวชี้วัด "${ind.code}" ไม่มีตัวชี้วัดย่อยเลย: ให้เพิ่มตัวชี้วัดย่อย (subindicators) ที่มีข้อ OIT หรือลบตัวชี้วัดนี้ออก`,
        `Indicator "${ind.code}" has no sub-indicators: add sub-indicators holding OIT items, or remove the indicator.`,
      ),
    ];
  }
  return subs.flatMap((sub, k) =>
    sub.items.length > 0
      ? []
      : [
          makeError(
            'subindicator_empty',
            `${path}.subindicators[${k}]`,
            `ตัวชี้วัดย่อย "${sub.code}" ไม่มีข้อ OIT เลย: ให้เพิ่มข้อ OIT (items) อย่างน้อยหนึ่งข้อ หรือลบตัวชี้วัดย่อยนี้ออก`,
            `Sub-indicator "${sub.code}" has no OIT items: add at least one item or remove the sub-indicator.`,
          ),
        ],
  );
}

/** Reports indicators that are empty or of the wrong kind for their instrument, and items without elements. */
export function listShapeProblems(edition: Edition): EditionProblem[] {
  const out: EditionProblem[] = [];
  edition.instruments.forEach((ins, i) => {
    ins.indicators.forEach((ind, j) => {
      const path = `instruments[${i}].indicators[${j}]`;
      const check = ins.kind === 'survey' ? checkSurveyIndicator : checkChecklistIndicator;
      out.push(...check(ins, ind, path));
    });
  });
  for (const { node, value } of listEditionNodeEntries(edition)) {
    if (
      value.type === 'question' &&
      value.value.items !== undefined &&
      value.value.items.length === 0
    ) {
      out.push(
        makeError(
          'question_items_empty',
          `${node.path}.items`,
          `ข้อคำถาม "${node.code}" มีรายการข้อย่อย (items) ที่ว่างเปล่า: ให้เพิ่มข้อย่อย หรือลบ items ออกเพื่อให้ข้อคำถามนี้เป็นข้อเดียว`,
          `Question "${node.code}" has an empty list of sub-items: add sub-items, or remove "items" so the question is answered as a single item.`,
        ),
      );
    }
    if (value.type === 'oit_item' && value.value.elements.length === 0) {
      out.push(
        makeWarning(
          'oit_item_no_elements',
          `${node.path}.elements`,
          `ข้อ OIT "${node.code}" ยังไม่มีองค์ประกอบ (elements): ผู้ตรวจจะไม่มีรายการให้ตรวจว่าหลักฐานต้องแสดงอะไร ควรเพิ่มองค์ประกอบ`,
          `OIT item "${node.code}" has no elements: assessors get no checklist of what the evidence must show. Add its elements.`,
        ),
      );
    }
  }
  return out;
}
