import { parseArgs } from 'node:util';
import { scoreBundle, type BundleFormat } from '../features/editions/feature.js';
import type { AgencyScore } from '../core/scoring/score-bundle.js';
import type { ScoreNode } from '../core/scoring/evaluate-scores.js';
import { createProgress, formatTable, type Io } from './output.js';
import { formatExplanation } from './explain.js';

const USAGE = `prongsai score --edition ID|FILE --input FILE|- [--format json|table] [--explain]
               [--input-format json|ndjson] [--rating SCHEME]
  --input -   reads the bundle from standard input (JSON unless --input-format ndjson)
`;

function indicatorScores(tree: ScoreNode): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const instrument of tree.children) {
    for (const indicator of instrument.children) out[indicator.code] = indicator.shown;
  }
  return out;
}

function toJson(agency: AgencyScore, explain: boolean): unknown {
  const { result } = agency;
  return {
    id: agency.id,
    name: agency.name ?? null,
    respondents: agency.respondents,
    instruments: result.instruments.map((i) => ({
      code: i.code,
      score: i.shown,
      points: i.points,
      component: i.component,
    })),
    indicators: indicatorScores(result.tree),
    total: result.total,
    level: result.level && {
      code: result.level.code,
      th: result.level.name.th,
      en: result.level.name.en,
    },
    complete: result.complete,
    ...(explain ? { explanation: result.tree } : {}),
  };
}

function toRow(agency: AgencyScore): string[] {
  const { result } = agency;
  const show = (v: number | null) => (v === null ? '—' : v.toFixed(2));
  const indicators = Object.values(indicatorScores(result.tree)).map(show);
  return [
    agency.id,
    agency.name ?? '',
    ...result.instruments.map((i) => show(i.shown)),
    ...indicators,
    show(result.total),
    result.level?.name.th ?? 'ยังไม่ครบ/incomplete',
  ];
}

/** `prongsai score`: scores a JSON or NDJSON bundle and prints every agency's result. */
export async function runScoreCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      edition: { type: 'string' },
      input: { type: 'string' },
      format: { type: 'string', default: 'table' },
      'input-format': { type: 'string' },
      explain: { type: 'boolean', default: false },
      rating: { type: 'string' },
    },
  });
  const format = values.format;
  const inputFormat = values['input-format'];
  if (
    !values.edition ||
    !values.input ||
    (format !== 'json' && format !== 'table') ||
    (inputFormat !== undefined && inputFormat !== 'json' && inputFormat !== 'ndjson')
  ) {
    io.err(`วิธีใช้ / usage:\n${USAGE}`);
    return 2;
  }
  const outcome = await scoreBundle({
    edition: values.edition,
    input: values.input,
    // `--input -`: the bundle comes on standard input (a pipe, or a file redirected to it)
    ...(values.input === '-' ? { stream: process.stdin } : {}),
    ...(inputFormat ? { format: inputFormat as BundleFormat } : {}),
    ...(values.rating ? { ratingScheme: values.rating } : {}),
    onProgress: createProgress(io, 'กำลังอ่าน / reading'),
  });
  if (!outcome.ok) {
    for (const p of outcome.problems) {
      io.err(`${p.record}, ${p.field}: ${p.message.th}\n  ${p.message.en}\n`);
    }
    const more = outcome.truncated ? ' (หยุดอ่านที่ 50 ปัญหาแรก / stopped at the first 50)' : '';
    io.err(
      `\n✗ ไม่ได้คำนวณคะแนน: ข้อมูลนำเข้ามีปัญหา${more}\n✗ nothing was scored: the input has problems\n`,
    );
    return 1;
  }
  if (format === 'json') {
    io.out(
      `{"edition":${JSON.stringify({ id: outcome.editionId, sha256: outcome.sha256 })},"agencies":[`,
    );
    let first = true;
    for (const agency of outcome.results()) {
      io.out((first ? '\n' : ',\n') + JSON.stringify(toJson(agency, values.explain)));
      first = false;
    }
    io.out('\n]}\n');
    return 0;
  }
  const rows: string[][] = [];
  let headers: string[] | null = null;
  for (const agency of outcome.results()) {
    headers ??= [
      'รหัส/id',
      'หน่วยงาน/agency',
      ...agency.result.instruments.map((i) => i.code),
      ...Object.keys(indicatorScores(agency.result.tree)),
      'รวม/total',
      'ระดับ/level',
    ];
    if (values.explain)
      io.out(`\n${agency.id} ${agency.name ?? ''}\n${formatExplanation(agency.result)}`);
    else rows.push(toRow(agency));
  }
  if (!values.explain && headers) {
    const numeric = headers.map((_, i) => i >= 2 && i < headers!.length - 1);
    io.out(formatTable(headers, rows, numeric));
  }
  io.err(
    `${outcome.agencies} หน่วยงาน / agencies, ${outcome.records} ระเบียน / records, ${outcome.editionId}\n`,
  );
  return 0;
}
