import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { compileEdition, findRatingScheme } from '../../../core/framework/compile-edition.js';
import {
  BundleDocumentSchema,
  BundleScorer,
  describeInputIssue,
  type AgencyScore,
  type BundleProblem,
} from '../../../core/scoring/score-bundle.js';
import type { EvaluateOptions } from '../../../core/scoring/evaluate-scores.js';
import { withoutByteOrderMark } from '../../../core/byte-order-mark.js';
import { loadEdition } from './edition-files.service.js';
import { forEachLine } from './ndjson-lines.js';

/** Problems kept before reading stops: enough to fix a file, never a flood. */
const MAX_PROBLEMS = 50;

export type BundleFormat = 'json' | 'ndjson';

export interface ScoreBundleOptions extends EvaluateOptions {
  edition: string;
  input: string;
  format?: BundleFormat;
  /** Called now and then with the bytes read so far and the total (0 when unknown). */
  onProgress?: (read: number, total: number) => void;
  /** Replaces the input file (tests, stdin). */
  stream?: Readable;
}

export type ScoreBundleOutcome =
  | {
      ok: true;
      editionId: string;
      sha256: string;
      agencies: number;
      records: number;
      results: () => Generator<AgencyScore>;
    }
  | { ok: false; problems: BundleProblem[]; truncated: boolean };

/** Guesses the input format from the file name: `.ndjson`/`.jsonl` are one record per line. */
export function detectBundleFormat(path: string): BundleFormat {
  return /\.(ndjson|jsonl)$/i.test(path) ? 'ndjson' : 'json';
}

function problemAt(record: string, th: string, en: string): BundleProblem {
  return { record, field: '(record)', message: { th, en } };
}

/**
 * The stream's text, decoded as UTF-8, without the byte-order mark an editor may have written at
 * its start (JSON.parse and the first NDJSON line would refuse it).
 */
async function* readText(stream: Readable, onBytes: (n: number) => void): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  let first = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    onBytes(Buffer.byteLength(chunk));
    yield first ? withoutByteOrderMark(chunk) : chunk;
    if (chunk !== '') first = false;
  }
}

async function feedNdjson(
  scorer: BundleScorer,
  stream: Readable,
  onBytes: (n: number) => void,
  problems: BundleProblem[],
): Promise<number> {
  let line = 0;
  let records = 0;
  await forEachLine(stream, onBytes, (text) => {
    line += 1;
    // a record starts with "{"; only a line that does not can be blank
    if (text.charCodeAt(0) !== 0x7b && text.trim() === '') return true;
    records += 1;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      problems.push(
        problemAt(`line ${line}`, 'บรรทัดนี้ไม่ใช่ JSON ที่ถูกต้อง', 'This line is not valid JSON'),
      );
      return problems.length < MAX_PROBLEMS;
    }
    // a valid response is counted without naming its line or listing its (no) problems
    if (!scorer.addPlainResponse(raw)) problems.push(...scorer.add(raw, `line ${line}`));
    return problems.length < MAX_PROBLEMS;
  });
  return records;
}

async function feedDocument(
  scorer: BundleScorer,
  stream: Readable,
  onBytes: (n: number) => void,
  problems: BundleProblem[],
): Promise<number> {
  const chunks: string[] = [];
  for await (const chunk of readText(stream, onBytes)) chunks.push(chunk);
  let raw: unknown;
  try {
    raw = JSON.parse(chunks.join(''));
  } catch (error) {
    problems.push(
      problemAt(
        '(file)',
        `ไฟล์ไม่ใช่ JSON ที่ถูกต้อง: ${String(error)}`,
        `The file is not valid JSON: ${String(error)}`,
      ),
    );
    return 0;
  }
  const parsed = BundleDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, MAX_PROBLEMS)) {
      problems.push({
        record:
          issue.path
            .slice(0, 2)
            .join('.')
            .replace(/\.(\d+)/, '[$1]') || '(file)',
        field: issue.path.slice(2).join('.') || '(record)',
        message: describeInputIssue(issue, raw),
      });
    }
    return 0;
  }
  const named = parsed.data.edition;
  if (named !== undefined && named !== scorer.editionId) {
    problems.push({
      record: '(file)',
      field: 'edition',
      message: {
        th: `ไฟล์นี้ระบุฉบับเกณฑ์ "${named}" แต่สั่งให้คำนวณด้วย "${scorer.editionId}"`,
        en: `The file names edition "${named}" but scoring was asked with "${scorer.editionId}"`,
      },
    });
    return 0;
  }
  problems.push(...scorer.addDocument(parsed.data).slice(0, MAX_PROBLEMS));
  return parsed.data.agencies.length;
}

/**
 * Reads a scoring bundle (JSON or NDJSON) and returns either the per-agency results, computed
 * lazily, or every problem found (up to 50) and nothing else: no partial results.
 */
export async function scoreBundle(options: ScoreBundleOptions): Promise<ScoreBundleOutcome> {
  const { edition, sha256 } = loadEdition(options.edition);
  const compiled = compileEdition(edition);
  // an unknown --rating is refused before anything is read or printed
  findRatingScheme(edition, options.ratingScheme);
  const scorer = new BundleScorer(compiled);
  const format = options.format ?? detectBundleFormat(options.input);
  const total = options.stream ? 0 : statSync(options.input).size;
  const stream = options.stream ?? createReadStream(options.input, { highWaterMark: 1 << 20 });
  let read = 0;
  const onBytes = (n: number) => {
    read += n;
    options.onProgress?.(read, total);
  };
  const problems: BundleProblem[] = [];
  const feed = format === 'ndjson' ? feedNdjson : feedDocument;
  const records = await feed(scorer, stream, onBytes, problems);
  if (problems.length > 0) {
    stream.destroy();
    return {
      ok: false,
      problems: problems.slice(0, MAX_PROBLEMS),
      truncated: problems.length >= MAX_PROBLEMS,
    };
  }
  const evaluate: EvaluateOptions = options.ratingScheme
    ? { ratingScheme: options.ratingScheme }
    : {};
  return {
    ok: true,
    editionId: edition.id,
    sha256,
    agencies: scorer.agencyCount,
    records,
    results: () => scorer.results(evaluate),
  };
}
