import { z } from 'zod';
import type { CompiledEdition } from '../framework/compile-edition.js';
import type { Message } from '../errors.js';
import { DomainError } from '../errors.js';
import { describeSchemaIssue } from '../framework/describe-schema-issue.js';
import {
  addSurveyResponse,
  createResponseCounter,
  createSurveyTally,
  type ResponseCounter,
  type SurveyTally,
} from './survey-tally.js';
import { scoreAgency } from './score-agency.js';
import type { EvaluateOptions, ScoreResult } from './evaluate-scores.js';
import type { OitDecision } from './score-leaves.js';

/**
 * The scoring input bundle (docs/score-input.md): agencies, their IIT/EIT responses keyed by
 * item code, and OIT decisions. Records are fed one at a time so a file of any size is
 * scored with memory bounded by agencies × items.
 */

const AnswersSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
const DecisionSchema = z.union([z.enum(['pass', 'fail']), z.boolean(), z.number()]);
const AgencyIdSchema = z.string().min(1).max(100);

export const AgencyRecordSchema = z.object({
  type: z.literal('agency'),
  id: AgencyIdSchema,
  name: z.string().optional(),
});
export const ResponseRecordSchema = z.object({
  type: z.literal('response'),
  agency: AgencyIdSchema,
  instrument: z.string().min(1),
  answers: AnswersSchema,
});
export const OitRecordSchema = z.object({
  type: z.literal('oit'),
  agency: AgencyIdSchema,
  decisions: z.record(z.string(), DecisionSchema),
});
export const BundleRecordSchema = z.discriminatedUnion('type', [
  AgencyRecordSchema,
  ResponseRecordSchema,
  OitRecordSchema,
]);
export type BundleRecord = z.infer<typeof BundleRecordSchema>;

/** The whole-file JSON form: the same content nested per agency. */
export const BundleDocumentSchema = z.object({
  edition: z.string().optional(),
  agencies: z.array(
    z.object({
      id: AgencyIdSchema,
      name: z.string().optional(),
      responses: z.record(z.string(), z.array(AnswersSchema)).default({}),
      oit: z.record(z.string(), DecisionSchema).default({}),
    }),
  ),
});
export type BundleDocument = z.infer<typeof BundleDocumentSchema>;

/** A problem in the input, located by record (line) and field. */
export interface BundleProblem {
  record: string;
  field: string;
  message: Message;
}

export interface AgencyScore {
  id: string;
  name: string | undefined;
  respondents: Record<string, number>;
  result: ScoreResult;
}

interface AgencyState {
  id: string;
  name: string | undefined;
  surveys: Record<string, SurveyTally>;
  /** The same tallies by the position of their instrument in `surveyCodes` (no lookup by name). */
  tallies: (SurveyTally | undefined)[];
  oit: Record<string, OitDecision>;
}

/** The same plain Thai/English wording the edition checker uses for a wrong or missing value. */
export function describeInputIssue(
  issue: z.core.$ZodIssue,
  raw: unknown,
): BundleProblem['message'] {
  return describeSchemaIssue(issue, raw).message;
}

function zodProblems(record: string, error: z.ZodError, raw: unknown): BundleProblem[] {
  return error.issues.map((issue) => ({
    record,
    field: issue.path.join('.') || '(record)',
    message: describeInputIssue(issue, raw),
  }));
}

type ResponseRecord = z.infer<typeof ResponseRecordSchema>;

/**
 * The shape ResponseRecordSchema accepts, checked by hand: responses are millions of records,
 * and this check is much cheaper than a schema parse. Anything else goes through the schema.
 */
function isPlainResponse(raw: unknown): raw is ResponseRecord {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  const answers = r.answers;
  if (
    r.type !== 'response' ||
    typeof r.agency !== 'string' ||
    r.agency.length === 0 ||
    r.agency.length > 100 ||
    typeof r.instrument !== 'string' ||
    r.instrument.length === 0 ||
    typeof answers !== 'object' ||
    answers === null ||
    Array.isArray(answers)
  ) {
    return false;
  }
  for (const key in answers) {
    const value = (answers as Record<string, unknown>)[key];
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') return false;
  }
  return true;
}

/** Accumulates bundle records and scores every agency at the end. */
export class BundleScorer {
  private readonly agencies = new Map<string, AgencyState>();
  private readonly surveyInstruments: Set<string>;
  private readonly surveyCodes: string[];
  /** A counter per survey instrument, in the order of `surveyCodes`. */
  private readonly counters: ResponseCounter[];
  /** The agency of the last response counted: a bundle lists an agency's responses together. */
  private lastAgency: AgencyState | undefined;

  constructor(private readonly compiled: CompiledEdition) {
    this.surveyCodes = compiled.edition.instruments
      .filter((i) => i.kind === 'survey')
      .map((i) => i.code);
    this.surveyInstruments = new Set(this.surveyCodes);
    this.counters = this.surveyCodes.map((code) => createResponseCounter(compiled, code));
  }

  get editionId(): string {
    return this.compiled.edition.id;
  }

  get agencyCount(): number {
    return this.agencies.size;
  }

  /**
   * Counts a valid response to a declared agency and returns true, or returns false with nothing
   * counted for any other record (agency and OIT records too), which `add` then checks and
   * describes. Responses are millions of records: this checks by hand, in one pass over the
   * answers, what ResponseRecordSchema and addResponse check, without a schema parse.
   */
  addPlainResponse(raw: unknown): boolean {
    if (typeof raw !== 'object' || raw === null) return false;
    const r = raw as Record<string, unknown>;
    const id = r.agency;
    const instrument = r.instrument;
    const answers = r.answers;
    if (
      r.type !== 'response' ||
      typeof id !== 'string' ||
      id.length === 0 ||
      id.length > 100 ||
      typeof instrument !== 'string' ||
      typeof answers !== 'object' ||
      answers === null ||
      Array.isArray(answers)
    ) {
      return false;
    }
    let agency = this.lastAgency;
    if (agency === undefined || agency.id !== id) {
      agency = this.agencies.get(id);
      if (agency === undefined) return false;
      this.lastAgency = agency;
    }
    const codes = this.surveyCodes;
    let slot = 0;
    while (slot < codes.length && codes[slot] !== instrument) slot += 1;
    if (slot === codes.length) return false;
    const tally =
      (agency.tallies[slot] ??=
      agency.surveys[instrument] ??=
        createSurveyTally(this.compiled, instrument));
    return this.counters[slot]!(tally, answers);
  }

  /** Validates and counts one record; on any problem nothing of the record is counted. */
  add(raw: unknown, record: string): BundleProblem[] {
    if (this.addPlainResponse(raw)) return [];
    // not counted as it is: a response of the right shape is described by addResponse from its
    // own answers (the schema's copy of a record drops a "__proto__" key), the rest by the schema
    if (isPlainResponse(raw)) {
      const agency = this.agencies.get(raw.agency);
      if (agency) return this.addResponse(agency, raw.instrument, raw.answers, record);
    }
    const parsed = BundleRecordSchema.safeParse(raw);
    if (!parsed.success) return zodProblems(record, parsed.error, raw);
    const value = parsed.data;
    if (value.type === 'agency') return this.addAgency(value.id, value.name, record);
    const agency = this.agencies.get(value.agency);
    if (!agency) {
      return [
        {
          record,
          field: 'agency',
          message: {
            th: `ยังไม่ได้ประกาศหน่วยงาน "${value.agency}" (ต้องมีบรรทัด type "agency" ก่อน)`,
            en: `Agency "${value.agency}" has not been declared (an "agency" record must come first)`,
          },
        },
      ];
    }
    if (value.type === 'response')
      return this.addResponse(agency, value.instrument, value.answers, record);
    return this.addDecisions(agency, value.decisions, record, 'decisions');
  }

  /** Feeds a whole-file JSON bundle, naming each problem by its place in the file. */
  addDocument(document: BundleDocument): BundleProblem[] {
    const problems: BundleProblem[] = [];
    document.agencies.forEach((agency, index) => {
      const at = `agencies[${index}]`;
      problems.push(...this.addAgency(agency.id, agency.name, at));
      const state = this.agencies.get(agency.id);
      if (!state) return;
      for (const [instrument, responses] of Object.entries(agency.responses)) {
        responses.forEach((answers, n) =>
          problems.push(
            ...this.addResponse(state, instrument, answers, `${at}.responses.${instrument}[${n}]`),
          ),
        );
      }
      problems.push(...this.addDecisions(state, agency.oit, at, 'oit'));
    });
    return problems;
  }

  private addAgency(id: string, name: string | undefined, record: string): BundleProblem[] {
    if (this.agencies.has(id)) {
      return [
        {
          record,
          field: 'id',
          message: { th: `หน่วยงาน "${id}" ซ้ำ`, en: `Agency "${id}" appears twice` },
        },
      ];
    }
    this.agencies.set(id, { id, name, surveys: {}, tallies: [], oit: {} });
    return [];
  }

  private addResponse(
    agency: AgencyState,
    instrument: string,
    answers: Record<string, unknown>,
    record: string,
  ): BundleProblem[] {
    if (!this.surveyInstruments.has(instrument)) {
      return [
        {
          record,
          field: 'instrument',
          message: {
            th: `"${instrument}" ไม่ใช่แบบวัดที่ตอบได้ในฉบับนี้ (${[...this.surveyInstruments].join(', ')})`,
            en: `"${instrument}" is not a survey instrument of this edition (${[...this.surveyInstruments].join(', ')})`,
          },
        },
      ];
    }
    const tally = (agency.surveys[instrument] ??= createSurveyTally(this.compiled, instrument));
    return addSurveyResponse(this.compiled, tally, answers).map((p) => ({
      record,
      field: `answers.${p.field}`,
      message: p.message,
    }));
  }

  private addDecisions(
    agency: AgencyState,
    decisions: Record<string, OitDecision>,
    record: string,
    field: string,
  ): BundleProblem[] {
    const problems: BundleProblem[] = [];
    for (const [code, decision] of Object.entries(decisions)) {
      const item = this.compiled.oitItems.get(code);
      const wrong =
        !item ||
        (typeof decision === 'number' &&
          (!(decision >= 0 && decision <= 100) ||
            (!item.partialCredit && decision !== 0 && decision !== 100)));
      if (wrong) {
        problems.push({
          record,
          field: `${field}.${code}`,
          message: item
            ? {
                th: `ผลการตรวจข้อ ${code} ต้องเป็น pass หรือ fail${item.partialCredit ? ' หรือคะแนน 0–100' : ''}`,
                en: `The decision on ${code} must be pass or fail${item.partialCredit ? ' or a score 0–100' : ''}`,
              }
            : {
                th: `ไม่มีข้อ OIT "${code}" ในฉบับ ${this.compiled.edition.id}`,
                en: `There is no OIT item "${code}" in edition ${this.compiled.edition.id}`,
              },
        });
      }
    }
    if (problems.length === 0) Object.assign(agency.oit, decisions);
    return problems;
  }

  /** Scores the agencies in the order they were declared. */
  *results(options: EvaluateOptions = {}): Generator<AgencyScore> {
    for (const agency of this.agencies.values()) {
      const respondents: Record<string, number> = {};
      for (const code of this.surveyInstruments)
        respondents[code] = agency.surveys[code]?.respondents ?? 0;
      try {
        const result = scoreAgency(
          this.compiled,
          { surveys: agency.surveys, oit: agency.oit },
          options,
        );
        yield { id: agency.id, name: agency.name, respondents, result };
      } catch (error) {
        if (error instanceof DomainError)
          throw new DomainError(error.code, error.messages, { agency: agency.id });
        throw error;
      }
    }
  }
}
