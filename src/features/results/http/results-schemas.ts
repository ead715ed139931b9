import { z } from 'zod';
import { ROUND_STATES } from '../../rounds/feature.js';
import { IdParams } from '../../../platform/http/typed-routes.js';
import type { AgencyHistory, AgencyRollup } from '../services/rollup.service.js';
import type { ResultNode, RoundResults } from '../services/results.service.js';
import { FormText as text } from '../../../platform/http/typed-routes.js';
import type { TableField } from '../../../core/table-schema.js';
import { openDataSchema } from '../reports/open-data.js';

/**
 * The zod schemas of the results routes: what their links read (all of it lenient: a link that
 * opened a page before still does), and what the JSON API and the public feeds answer.
 */

/** A repeatable query key, as the query parser gives it: one text or several. */
const repeatable = z.union([z.string(), z.array(z.string())]).optional();

/**
 * The what-if of a results page or the API: `change` (O12=pass, O20=fail, 7=90), `pass` (OIT
 * codes passed) and `i.CODE=score` (an indicator's score), each repeatable.
 */
export const WhatIfQuery = z
  .object({
    change: repeatable.describe(
      'What-if changes, repeatable: O12=pass, O20=fail or 7=90 (indicator 7 at 90)',
    ),
    pass: repeatable.describe('OIT item codes assumed passed, repeatable'),
  })
  .loose()
  .describe('Also i.CODE=score: indicator CODE at that score, repeatable');

/** The year and kind of unit of a roll-up (year: a 4-digit Buddhist-era year, else the latest). */
export const RollupQuery = z.object({
  year: text.describe('Edition year (Buddhist era), e.g. 2568; default: latest'),
  type: text.describe('Only units of this kind, e.g. department or province'),
});

/** The post that queues every unit's report as PDFs in a ZIP (the roll-up's year and kind). */
export const RollupReportsForm = z.object({ _csrf: text, year: text, type: text });

/** The roll-up workbook: its year, kind of unit, and `background=1` for the progress page. */
export const RollupExportQuery = RollupQuery.extend({ background: text });

/** `/rounds/:id/reports/result.:format` (pdf, docx or html; anything else is not found). */
export const RoundReportParams = IdParams.extend({ format: z.string() });

/** `/exports/:job`. */
export const JobParams = z.object({ job: z.string() });

/** `/public/:agencyCode/:year/…` (the year: four digits, anything else is not found). */
export const PublicParams = z.object({ agencyCode: z.string(), year: z.string() });
export const PublicReportParams = PublicParams.extend({ format: z.string() });

/** `/public/open-data/:file` (2568.csv or 2568.json). */
export const OpenDataParams = z.object({ file: z.string() });

const Text = z.object({ th: z.string(), en: z.string() });
const Level = z.object({ scheme: z.string(), code: z.string(), name: Text });

/** Why figures are withheld (they are null): too few respondents (core/disclosure). */
const Withholding = z
  .object({
    reason: z.literal('not_enough_respondents'),
    text: z.string().describe('ข้อมูลไม่พอ / not enough respondents'),
    minimum: z.number().int().describe('The edition’s minimum group size'),
    instruments: z.array(z.string()).describe('Instruments withheld, with the total and level'),
  })
  .describe('Set when figures are withheld: those are null (never 0), the total and level too');

const ScoreBasis = z.union([
  z.object({
    kind: z.literal('answers'),
    answered: z.number(),
    excluded: z.number(),
    distribution: z.array(
      z.object({ option: z.string(), count: z.number(), score: z.number().nullable() }),
    ),
  }),
  z.object({
    kind: z.literal('decision'),
    decision: z.enum(['pass', 'fail', 'partial', 'missing']),
  }),
  z.object({
    kind: z.literal('mean'),
    weighted: z.boolean(),
    used: z.number(),
    unscored: z.array(z.string()),
  }),
  z.object({ kind: z.literal('override'), computed: z.number().nullable() }),
  z.object({ kind: z.literal('sum_of_components') }),
  z.object({ kind: z.literal('withheld'), minimum: z.number() }),
]);

/**
 * A node of the explanation tree (anything resting on fewer respondents than the edition's
 * minimum group size withheld: score, shown and lost null, basis "withheld"). Its children are
 * nodes of this same shape; the schema does not repeat itself for them, so the OpenAPI
 * document stays one self-contained schema per answer.
 */
const ResultNodeJson = z.object({
  type: z.enum([
    'total',
    'instrument',
    'indicator',
    'subindicator',
    'question',
    'item',
    'oit_item',
  ]),
  code: z.string(),
  name: Text,
  score: z.number().nullable(),
  shown: z.number().nullable(),
  share: z.number(),
  points: z.number(),
  lost: z.number().nullable(),
  basis: ScoreBasis,
  withheld: z.boolean(),
  children: z.array(z.unknown()).describe('The child nodes, each of this same shape'),
});

const Instrument = z.object({
  code: z.string(),
  name: Text,
  score: z.number().nullable(),
  shown: z.number().nullable(),
  points: z.number(),
  component: z.number().nullable(),
  withheld: z.boolean(),
});

const Weakness = z.object({
  type: ResultNodeJson.shape.type,
  code: z.string(),
  name: Text,
  instrumentCode: z.string(),
  score: z.number(),
  shown: z.number(),
  lost: z.number(),
  totalIfFixed: z.number().nullable(),
  levelIfFixed: Level.nullable(),
  fixChangesLevel: z.boolean().nullable(),
});

/** A round's results as the API answers them. */
const LevelRef = z.object({ code: z.string(), name: Text });
const Shortfall = z.object({ code: z.string(), name: Text, shown: z.number(), gap: z.number() });
/** Why a result has its level (core/analysis/next-level.ts). */
const LevelExplanationJson = z
  .object({
    rules: z.array(
      z.object({
        code: z.string(),
        name: Text,
        minTotal: z.number().nullable(),
        minEachInstrument: z.number().nullable(),
      }),
    ),
    level: LevelRef.nullable(),
    heldBack: z
      .object({ level: LevelRef, minEachInstrument: z.number(), instruments: z.array(Shortfall) })
      .nullable(),
    next: z
      .object({
        code: z.string(),
        name: Text,
        minTotal: z.number().nullable(),
        totalGap: z.number(),
        minEachInstrument: z.number().nullable(),
        instruments: z.array(Shortfall),
      })
      .nullable(),
    total: z.number().nullable(),
  })
  .describe(
    "The scheme's rules from the edition, the instruments holding the level back and the gap to the next level",
  );

export const RoundResultsJson = z.object({
  round: z.object({
    id: z.string(),
    agencyCode: z.string(),
    agencyNameTh: z.string(),
    editionCode: z.string(),
    editionYear: z.number().int(),
    state: z.enum(ROUND_STATES),
  }),
  source: z.enum(['snapshot', 'live']),
  engineVersion: z.string(),
  result: z.object({
    edition: z.object({ id: z.string(), version: z.number() }),
    engineVersion: z.string(),
    instruments: z.array(Instrument),
    total: z.number().nullable(),
    level: Level.nullable(),
    complete: z.boolean(),
    tree: ResultNodeJson,
    withheld: Withholding.nullable(),
  }),
  weaknesses: z.object({
    total: z.number().nullable(),
    level: Level.nullable(),
    withheld: z.boolean().describe('The total, level and every "if fixed" figure are withheld'),
    indicators: z.array(Weakness),
    questions: z.array(Weakness),
    oitItems: z.array(Weakness),
    unassessed: z
      .array(z.object({ code: z.string(), name: Text }))
      .describe('OIT items the assessor has not decided yet (live results): not weak points'),
  }),
  failedOitItems: z.array(z.object({ code: z.string(), name: Text, shown: z.number().nullable() })),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: Text,
      instrumentCode: z.string(),
      shown: z.number().nullable(),
      withheld: z.boolean(),
    }),
  ),
  whatIf: z
    .object({
      changes: z.array(
        z.union([
          z.object({ code: z.string(), score: z.number() }),
          z.object({ code: z.string(), pass: z.boolean() }),
        ]),
      ),
      total: z.number().nullable(),
      level: Level.nullable(),
      instruments: z.array(
        z.object({
          code: z.string(),
          shown: z.number().nullable(),
          component: z.number().nullable(),
          withheld: z.boolean(),
        }),
      ),
      totalDelta: z.number().nullable(),
      levelChanged: z.boolean().nullable(),
      withheld: z.boolean(),
      levelExplanation: LevelExplanationJson,
    })
    .nullable(),
  whatIfError: Text.nullable(),
  levelExplanation: LevelExplanationJson,
  answerLabels: z
    .record(z.string(), z.record(z.string(), Text))
    .describe('The label of each answer option of every survey line, by line code'),
});

/** An agency as the roll-up and history answers name it. */
const AgencyJson = z.object({
  id: z.string(),
  code: z.string(),
  nameTh: z.string(),
  type: z.string(),
});

const RollupUnit = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  total: z.number().nullable(),
  levelCode: z.string().nullable(),
  indicators: z.array(z.object({ code: z.string(), name: Text, score: z.number().nullable() })),
  withheld: z.boolean().optional(),
});

const RollupIndicator = z.object({
  code: z.string(),
  name: Text,
  mean: z.number(),
  units: z.number().int(),
});

/** A parent body's roll-up of its units for one edition year. */
export const RollupJson = z.object({
  agency: AgencyJson,
  type: z.string().nullable(),
  levels: z.array(z.object({ code: z.string(), name: Text, count: z.number().int() })),
  ranking: z.array(RollupUnit.extend({ rank: z.number().int(), total: z.number() })),
  pending: z.array(RollupUnit),
  withheld: z
    .array(RollupUnit)
    .describe(
      'Units whose figures are withheld (ข้อมูลไม่พอ / not enough respondents): left out of every count, rank and mean',
    ),
  indicators: z.array(RollupIndicator),
  weakest: z.array(RollupIndicator),
  editionYear: z.number().int(),
  years: z.array(z.number().int()),
  types: z.array(z.string()),
});

/** An agency's stored results, year by year. */
export const HistoryJson = z.object({
  agency: AgencyJson,
  years: z.array(
    z.object({
      editionYear: z.number().int(),
      editionCode: z.string(),
      roundId: z.string(),
      state: z.enum(ROUND_STATES),
      total: z.number().nullable(),
      level: z.object({ code: z.string(), name: Text }).nullable(),
      instruments: z.array(
        z.object({
          code: z.string(),
          name: Text,
          shown: z.number().nullable(),
          withheld: z.boolean(),
        }),
      ),
      hasResult: z.boolean(),
      withheld: Withholding.nullable(),
    }),
  ),
});

/** A published result as the public JSON feed gives it (anyone may read it). */
export const PublicResultsJson = z.object({
  agency: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  edition: z.string(),
  publishedAt: z.string(),
  total: z.number().nullable(),
  level: z.object({ code: z.string(), name: Text }).nullable(),
  withheld: Withholding.nullable(),
  instruments: z.array(
    z.object({
      code: z.string(),
      name: Text,
      score: z.number().nullable(),
      points: z.number(),
      component: z.number().nullable(),
      withheld: z.boolean(),
    }),
  ),
  tree: ResultNodeJson,
});

/** The national open data of a year as JSON. */
/** A column of the open data as zod: its type, null allowed unless required, its meaning. */
function openDataColumn(field: TableField) {
  const types = {
    string: z.string(),
    integer: z.number().int(),
    number: z.number(),
    boolean: z.boolean(),
    date: z.iso.date(),
  };
  const type = types[field.type];
  const required = field.constraints?.required === true;
  return (required ? type : type.nullable()).describe(`${field.title} — ${field.description}`);
}

/** `/public/open-data/:year.json`: each record has exactly the columns (the Table Schema's). */
export const OpenDataJson = z.object({
  dataset: z.string(),
  year: z.number().int(),
  count: z.number().int(),
  columns: z.array(z.string()).readonly(),
  records: z.array(
    z.strictObject(
      Object.fromEntries(openDataSchema().fields.map((f) => [f.name, openDataColumn(f)])),
    ),
  ),
});

/** `/public/open-data/datapackage.json`: a Frictionless Data Package (fields as published). */
export const DataPackageJson = z
  .object({
    profile: z.string(),
    name: z.string(),
    title: z.string(),
    description: z.string(),
    homepage: z.string(),
    licenses: z.array(z.object({ name: z.string(), path: z.string(), title: z.string() })),
    version: z.string(),
    created: z.string().optional(),
    keywords: z.array(z.string()),
    resources: z.array(
      z
        .object({ name: z.string(), path: z.string(), format: z.string(), mediatype: z.string() })
        .loose()
        .describe('A file of one year (CSV or JSON) with its Table Schema'),
    ),
  })
  .describe('Frictionless Data Package (https://datapackage.org) of the national open data');

// Compile-time: each answer's schema lists exactly the fields its service returns (a field
// added to a service and not here would otherwise be dropped from the answer without a word).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape = <A, B>(proof: Same<A, B>) => proof;
type Results = z.output<typeof RoundResultsJson>;
sameShape<Omit<Results['result']['tree'], 'children'>, Omit<ResultNode, 'children'>>(true);
sameShape<Omit<Results, 'round' | 'result'>, Omit<RoundResults, 'round' | 'result'>>(true);
sameShape<Omit<Results['result'], 'tree'>, Omit<RoundResults['result'], 'tree'>>(true);
sameShape<Omit<z.output<typeof RollupJson>, 'agency'>, Omit<AgencyRollup, 'agency'>>(true);
sameShape<z.output<typeof HistoryJson>['years'], AgencyHistory['years']>(true);
