import { z } from 'zod';
import { GENERATED_EVIDENCE_SOURCE_CODES } from './generated-evidence.js';

/**
 * The edition file format (docs/edition-format.md): the year's ITA rules as data.
 * Structural rules live here; cross-node rules (unique codes, weights, rating gaps)
 * live in check-edition.ts so that each problem is reported with its path.
 */

/** A Thai name with its English translation. */
export const TextSchema = z.strictObject({
  th: z.string().min(1),
  en: z.string().min(1),
});
export type Text = z.infer<typeof TextSchema>;

export const NodeStatusSchema = z.enum(['confirmed', 'provisional']);
export type NodeStatus = z.infer<typeof NodeStatusSchema>;

/** A score written as a number or as an exact fraction such as "100/3". */
export const ScoreValueSchema = z.union([
  z.number(),
  z
    .string()
    .regex(/^\s*-?\d+(\.\d+)?\s*\/\s*\d+(\.\d+)?\s*$/, 'a number or a fraction such as "100/3"')
    .transform((s) => {
      const [a, b] = s.split('/').map((part) => Number(part.trim()));
      return (a as number) / (b as number);
    }),
]);

const CodeSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore');

/** Fields every node carries: status and source are inherited from the parent when absent. */
const nodeMeta = {
  status: NodeStatusSchema.optional(),
  source: z.string().min(1).optional(),
  note: z.string().optional(),
};

export const ScaleOptionSchema = z.strictObject({
  code: z.union([z.string().min(1), z.number()]).transform(String),
  label: TextSchema,
  /** Score of the option for a positive item; absent only when `excluded` is true. */
  score: ScoreValueSchema.optional(),
  /** "Don't know" and similar: never scored, left out of every mean. */
  excluded: z.boolean().optional(),
});
export type ScaleOption = z.infer<typeof ScaleOptionSchema>;

export const ScaleSchema = z.strictObject({
  code: CodeSchema,
  name: TextSchema,
  options: z.array(ScaleOptionSchema).min(2),
});
export type Scale = z.infer<typeof ScaleSchema>;

export const DirectionSchema = z.enum(['positive', 'negative']);
export type Direction = z.infer<typeof DirectionSchema>;

/** One answerable line of a question (a question without sub-items is its own single item). */
export const SurveyItemSchema = z.strictObject({
  code: CodeSchema,
  text: TextSchema,
  direction: DirectionSchema.optional(),
  /** Explicit score per option code; overrides the scale and the direction. */
  scores: z.record(z.string(), ScoreValueSchema).optional(),
  weight: z.number().optional(),
  ...nodeMeta,
});
export type SurveyItem = z.infer<typeof SurveyItemSchema>;

export const QuestionSchema = z.strictObject({
  code: CodeSchema,
  text: TextSchema,
  scale: CodeSchema,
  direction: DirectionSchema.default('positive'),
  scores: z.record(z.string(), ScoreValueSchema).optional(),
  weight: z.number().optional(),
  items: z.array(SurveyItemSchema).optional(),
  ...nodeMeta,
});
export type Question = z.infer<typeof QuestionSchema>;

export const ElementSchema = z.strictObject({
  code: CodeSchema,
  text: TextSchema,
});
export type Element = z.infer<typeof ElementSchema>;

export const OitItemSchema = z.strictObject({
  code: CodeSchema,
  name: TextSchema,
  /** What the published evidence must show, as checklist lines. */
  elements: z.array(ElementSchema).default([]),
  /** The fiscal year the content must cover. */
  period: z.enum(['current', 'previous', 'any']).default('current'),
  /** Whether an assessor may give a score between 0 and 100. */
  partial_credit: z.boolean().optional(),
  weight: z.number().optional(),
  /** Documents Prongsai produces that serve as evidence for this item (core/oit/generated-evidence). */
  generated_evidence: z
    .array(z.enum(GENERATED_EVIDENCE_SOURCE_CODES as [string, ...string[]]))
    .optional(),
  ...nodeMeta,
});
export type OitItem = z.infer<typeof OitItemSchema>;

export const SubIndicatorSchema = z.strictObject({
  code: CodeSchema,
  name: TextSchema,
  weight: z.number().optional(),
  items: z.array(OitItemSchema),
  ...nodeMeta,
});
export type SubIndicator = z.infer<typeof SubIndicatorSchema>;

export const IndicatorSchema = z.strictObject({
  code: CodeSchema,
  name: TextSchema,
  weight: z.number().optional(),
  /** Survey indicators (IIT/EIT) hold questions. */
  questions: z.array(QuestionSchema).optional(),
  /** Checklist indicators (OIT) hold sub-indicators of items. */
  subindicators: z.array(SubIndicatorSchema).optional(),
  ...nodeMeta,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A theme of free-text comments: the words that mark it and the indicator it touches. */
export const CommentThemeSchema = z.strictObject({
  code: CodeSchema,
  name: TextSchema,
  /** Code of the instrument's indicator the theme speaks to. */
  indicator: CodeSchema,
  /** Words or phrases (Thai or English, matched case-insensitively inside the comment). */
  keywords: z.array(z.string().trim().min(1)).min(1),
});
export type CommentTheme = z.infer<typeof CommentThemeSchema>;

/** The optional free-text question at the end of a survey instrument (stakeholder voice). */
export const CommentQuestionSchema = z.strictObject({
  text: TextSchema,
  themes: z.array(CommentThemeSchema).default([]),
  ...nodeMeta,
});
export type CommentQuestion = z.infer<typeof CommentQuestionSchema>;

export const InstrumentSchema = z.strictObject({
  code: CodeSchema,
  name: TextSchema,
  kind: z.enum(['survey', 'checklist']),
  /** Points this instrument contributes to the total (IIT 30, EIT 30, OIT 40). */
  weight: z.number(),
  respondents: TextSchema.optional(),
  indicators: z.array(IndicatorSchema).min(1),
  /** Survey instruments only: one optional free-text question after the last step. */
  comment: CommentQuestionSchema.optional(),
  ...nodeMeta,
});
export type Instrument = z.infer<typeof InstrumentSchema>;

export const RoundingSchema = z.strictObject({
  mode: z.enum(['half_up', 'half_even', 'down']).default('half_up'),
  decimals: z.number().int().min(0).max(6).default(2),
});
export type Rounding = z.infer<typeof RoundingSchema>;

export const RatingLevelSchema = z.strictObject({
  code: CodeSchema,
  name: TextSchema,
  /** The total must be at least this (after rounding). */
  min_total: z.number().optional(),
  /** Every instrument score must be at least this (after rounding). */
  min_each_instrument: z.number().optional(),
});
export type RatingLevel = z.infer<typeof RatingLevelSchema>;

export const RatingSchemeSchema = z.strictObject({
  code: CodeSchema,
  name: TextSchema,
  /** Checked in order: the first level whose conditions hold is the result. */
  levels: z.array(RatingLevelSchema).min(1),
  ...nodeMeta,
});
export type RatingScheme = z.infer<typeof RatingSchemeSchema>;

export const RatingSchema = z.strictObject({
  default: CodeSchema,
  schemes: z.array(RatingSchemeSchema).min(1),
});

export const MinSampleRuleSchema = z.strictObject({
  instruments: z.array(CodeSchema).min(1),
  /** Below this population everyone is asked. */
  all_below: z.number().int().min(0),
  fraction: z.number().min(0).max(1),
  min: z.number().int().min(0),
  max: z.number().int().min(1).optional(),
  ...nodeMeta,
});
export type MinSampleRule = z.infer<typeof MinSampleRuleSchema>;

const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD (Gregorian)');

export const MilestoneSchema = z.strictObject({
  code: CodeSchema,
  name: TextSchema,
  start: IsoDateSchema,
  end: IsoDateSchema,
  ...nodeMeta,
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const EditionSchema = z.strictObject({
  format: z.literal(1),
  id: CodeSchema,
  /** Buddhist-era fiscal year assessed, e.g. 2569. */
  year: z.number().int().min(2500).max(2700),
  version: z.number().int().min(1),
  title: TextSchema,
  status: NodeStatusSchema,
  source: z.string().min(1),
  note: z.string().optional(),
  total_points: z.number().positive().default(100),
  rounding: RoundingSchema.default({ mode: 'half_up', decimals: 2 }),
  scales: z.array(ScaleSchema).default([]),
  instruments: z.array(InstrumentSchema).min(1),
  rating: RatingSchema,
  min_sample: z.array(MinSampleRuleSchema).default([]),
  /**
   * The smallest number of people a survey figure may be shown from (disclosure control,
   * docs/scoring.md): below it a score is withheld with everything computed from it.
   */
  min_group_size: z.number().int().min(2).max(100).default(5),
  /** Whether an agency may add a new link when clarifying a failed OIT item (the national rule judges the first links). */
  oit_clarification_new_links: z.boolean().default(false),
  calendar: z.array(MilestoneSchema).default([]),
});
export type Edition = z.infer<typeof EditionSchema>;
export type EditionInput = z.input<typeof EditionSchema>;
