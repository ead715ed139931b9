import type {
  Direction,
  Edition,
  Indicator,
  Instrument,
  Question,
  RatingScheme,
  Scale,
  SurveyItem,
  Text,
} from './edition.schema.js';
import { DomainError } from '../errors.js';

/** Kinds of node in the score tree, from the total down to what is answered or decided. */
export type ScoreNodeType =
  'total' | 'instrument' | 'indicator' | 'subindicator' | 'question' | 'item' | 'oit_item';

/** One node of the edition's tree, ready for scoring. */
export interface CompiledNode {
  type: ScoreNodeType;
  code: string;
  name: Text;
  /** Share of the parent as written in the edition (percent); undefined means an equal share. */
  weight: number | undefined;
  instrumentCode: string;
  children: CompiledNode[];
}

/** An answerable survey line with the score of every option (null = excluded from the mean). */
export interface CompiledSurveyItem {
  code: string;
  instrumentCode: string;
  optionScores: Record<string, number | null>;
  optionCodes: string[];
  /** Position of the item's first option in its instrument's count array (see survey-tally.ts). */
  offset: number;
  /** Option code → index among optionCodes (no prototype, so only real options are found). */
  optionIndex: Record<string, number>;
}

export interface CompiledOitItem {
  code: string;
  instrumentCode: string;
  partialCredit: boolean;
}

/** An edition indexed for fast, repeated scoring. */
export interface CompiledEdition {
  edition: Edition;
  root: CompiledNode;
  nodes: Map<string, CompiledNode>;
  parents: Map<string, CompiledNode>;
  surveyItems: Map<string, CompiledSurveyItem>;
  oitItems: Map<string, CompiledOitItem>;
  instrumentPoints: Map<string, number>;
  /** Length of the count array of each survey instrument: all its items' options end to end. */
  surveySizes: Map<string, number>;
}

/** Returns the rating scheme with this code, or the edition's default one. */
export function findRatingScheme(edition: Edition, code?: string): RatingScheme {
  const wanted = code ?? edition.rating.default;
  const scheme = edition.rating.schemes.find((s) => s.code === wanted);
  if (!scheme) {
    throw new DomainError('unknown_rating_scheme', {
      th: `ไม่พบเกณฑ์การจัดระดับ "${wanted}" ในฉบับ ${edition.id}`,
      en: `Rating scheme "${wanted}" is not in edition ${edition.id}`,
    });
  }
  return scheme;
}

function computeOptionScores(
  scale: Scale,
  direction: Direction,
  explicit: Record<string, number> | undefined,
): Record<string, number | null> {
  const scores: Record<string, number | null> = Object.create(null);
  const scored = scale.options.filter((o) => !o.excluded && o.score !== undefined);
  const values = scored.map((o) => o.score as number);
  const mirror = Math.max(...values) + Math.min(...values);
  for (const option of scale.options) {
    if (option.excluded || option.score === undefined) scores[option.code] = null;
    else if (explicit) scores[option.code] = explicit[option.code] ?? null;
    else scores[option.code] = direction === 'negative' ? mirror - option.score : option.score;
  }
  return scores;
}

function compileQuestion(
  question: Question,
  instrument: Instrument,
  scales: Map<string, Scale>,
  out: CompiledEdition,
): CompiledNode {
  const scale = scales.get(question.scale);
  if (!scale) {
    throw new DomainError('unknown_scale', {
      th: `คำถาม ${question.code} อ้างถึงมาตรวัด "${question.scale}" ที่ไม่มีในฉบับนี้`,
      en: `Question ${question.code} uses scale "${question.scale}", which is not defined`,
    });
  }
  // A question without sub-items is itself the answered leaf.
  const lines: SurveyItem[] = question.items?.length
    ? question.items
    : [{ code: question.code, text: question.text, direction: question.direction }];
  for (const line of lines) {
    const direction = line.direction ?? question.direction;
    const optionCodes = scale.options.map((o) => o.code);
    const optionIndex: Record<string, number> = Object.create(null);
    optionCodes.forEach((code, index) => (optionIndex[code] = index));
    const offset = out.surveySizes.get(instrument.code) ?? 0;
    out.surveySizes.set(instrument.code, offset + optionCodes.length);
    out.surveyItems.set(line.code, {
      code: line.code,
      instrumentCode: instrument.code,
      optionScores: computeOptionScores(scale, direction, line.scores ?? question.scores),
      optionCodes,
      offset,
      optionIndex,
    });
  }
  const children = (question.items ?? []).map((line): CompiledNode => ({
    type: 'item',
    code: line.code,
    name: line.text,
    weight: line.weight,
    instrumentCode: instrument.code,
    children: [],
  }));
  return {
    type: 'question',
    code: question.code,
    name: question.text,
    weight: question.weight,
    instrumentCode: instrument.code,
    children,
  };
}

function compileIndicator(
  indicator: Indicator,
  instrument: Instrument,
  scales: Map<string, Scale>,
  out: CompiledEdition,
): CompiledNode {
  const base = { code: indicator.code, name: indicator.name, weight: indicator.weight };
  const at = { instrumentCode: instrument.code };
  if (instrument.kind === 'survey') {
    const children = (indicator.questions ?? []).map((q) =>
      compileQuestion(q, instrument, scales, out),
    );
    return { type: 'indicator', ...base, ...at, children };
  }
  const children = (indicator.subindicators ?? []).map((sub): CompiledNode => ({
    type: 'subindicator',
    code: sub.code,
    name: sub.name,
    weight: sub.weight,
    ...at,
    children: sub.items.map((item): CompiledNode => {
      out.oitItems.set(item.code, {
        code: item.code,
        instrumentCode: instrument.code,
        partialCredit: item.partial_credit ?? false,
      });
      return {
        type: 'oit_item',
        code: item.code,
        name: item.name,
        weight: item.weight,
        ...at,
        children: [],
      };
    }),
  }));
  return { type: 'indicator', ...base, ...at, children };
}

function indexNodes(node: CompiledNode, out: CompiledEdition): void {
  for (const child of node.children) {
    if (out.nodes.has(child.code)) {
      throw new DomainError('duplicate_code', {
        th: `รหัส ${child.code} ซ้ำกันในฉบับ ${out.edition.id}`,
        en: `Code ${child.code} appears twice in edition ${out.edition.id}`,
      });
    }
    out.nodes.set(child.code, child);
    out.parents.set(child.code, node);
    indexNodes(child, out);
  }
}

/** Builds the score tree and the lookup tables of an edition that passed the checker. */
export function compileEdition(edition: Edition): CompiledEdition {
  const scales = new Map(edition.scales.map((s) => [s.code, s]));
  const root: CompiledNode = {
    type: 'total',
    code: 'total',
    name: { th: 'คะแนนรวม', en: 'Total' },
    weight: undefined,
    instrumentCode: '',
    children: [],
  };
  const out: CompiledEdition = {
    edition,
    root,
    nodes: new Map(),
    parents: new Map(),
    surveyItems: new Map(),
    oitItems: new Map(),
    instrumentPoints: new Map(),
    surveySizes: new Map(),
  };
  for (const instrument of edition.instruments) {
    out.instrumentPoints.set(instrument.code, instrument.weight);
    root.children.push({
      type: 'instrument',
      code: instrument.code,
      name: instrument.name,
      weight: instrument.weight,
      instrumentCode: instrument.code,
      children: instrument.indicators.map((ind) => compileIndicator(ind, instrument, scales, out)),
    });
  }
  indexNodes(root, out);
  return out;
}
