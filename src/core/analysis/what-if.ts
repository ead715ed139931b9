import type { CompiledEdition } from '../framework/compile-edition.js';
import { DomainError } from '../errors.js';
import type { LeafScores } from '../scoring/score-leaves.js';
import {
  evaluateScores,
  type EvaluateOptions,
  type ScoreResult,
} from '../scoring/evaluate-scores.js';

/** A hypothetical change: a node's score set to a value, or an OIT item passed or failed. */
export type WhatIfChange = { code: string; score: number } | { code: string; pass: boolean };

export interface WhatIfResult {
  before: ScoreResult;
  after: ScoreResult;
  /** Change of the total in points (null while either total is incomplete). */
  totalDelta: number | null;
  levelChanged: boolean;
}

function toOverride(compiled: CompiledEdition, change: WhatIfChange): [string, number] {
  const node = compiled.nodes.get(change.code);
  if (!node) {
    throw new DomainError('unknown_code', {
      th: `ไม่มีรหัส "${change.code}" ในฉบับ ${compiled.edition.id}`,
      en: `There is no code "${change.code}" in edition ${compiled.edition.id}`,
    });
  }
  if ('pass' in change) {
    if (node.type !== 'oit_item') {
      throw new DomainError('not_an_oit_item', {
        th: `ผ่าน/ไม่ผ่าน ใช้ได้กับข้อ OIT เท่านั้น (${change.code} ไม่ใช่ข้อ OIT)`,
        en: `Pass/fail applies to OIT items only (${change.code} is not one)`,
      });
    }
    return [change.code, change.pass ? 100 : 0];
  }
  const partial = compiled.oitItems.get(change.code)?.partialCredit;
  if (partial === false && change.score !== 0 && change.score !== 100) {
    throw new DomainError('not_partial', {
      th: `ข้อ ${change.code} ให้คะแนนแบบผ่าน/ไม่ผ่านเท่านั้น: ใช้ ${change.code}=pass หรือ ${change.code}=fail`,
      en: `${change.code} is pass/fail only: use ${change.code}=pass or ${change.code}=fail`,
    });
  }
  if (!(change.score >= 0 && change.score <= 100)) {
    throw new DomainError('score_out_of_range', {
      th: `คะแนนสมมติของ ${change.code} ต้องอยู่ระหว่าง 0 ถึง 100 (ได้รับ ${change.score})`,
      en: `The score for ${change.code} must be between 0 and 100 (got ${change.score})`,
    });
  }
  return [change.code, change.score];
}

/** Reads a change written as `O12=pass`, `O20=fail` or `7=90`. */
export function parseWhatIfChange(text: string): WhatIfChange {
  const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(text);
  const value = match?.[2]?.toLowerCase();
  if (match && value === 'pass') return { code: match[1] as string, pass: true };
  if (match && value === 'fail') return { code: match[1] as string, pass: false };
  if (match && value !== undefined && /^\d+(\.\d+)?$/.test(value)) {
    return { code: match[1] as string, score: Number(value) };
  }
  throw new DomainError('bad_what_if', {
    th: `เขียนการเปลี่ยนแปลงเป็น รหัส=pass, รหัส=fail หรือ รหัส=คะแนน เช่น O12=pass หรือ 7=90 (ได้รับ "${text}")`,
    en: `Write a change as CODE=pass, CODE=fail or CODE=SCORE, e.g. O12=pass or 7=90 (got "${text}")`,
  });
}

/** Scores the agency again as if the changes were made and compares with the actual result. */
export function simulateWhatIf(
  compiled: CompiledEdition,
  leaves: LeafScores,
  changes: readonly WhatIfChange[],
  options: Omit<EvaluateOptions, 'overrides'> = {},
): WhatIfResult {
  const overrides = new Map(changes.map((c) => toOverride(compiled, c)));
  const before = evaluateScores(compiled, leaves, options);
  const after = evaluateScores(compiled, leaves, { ...options, overrides });
  const totalDelta =
    before.total === null || after.total === null ? null : after.total - before.total;
  return {
    before,
    after,
    totalDelta: totalDelta === null ? null : Math.round(totalDelta * 1e6) / 1e6,
    levelChanged: before.level?.code !== after.level?.code,
  };
}
