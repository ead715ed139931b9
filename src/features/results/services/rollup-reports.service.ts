import { zipSync } from 'fflate';
import { isAllowed } from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import { agencyNotFound, findAgencyById, listAgencies } from '../../agencies/feature.js';
import { listRounds, type Round } from '../../rounds/feature.js';
import type { ReportDocument } from '../../../platform/reports/report-document.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import type { ExportFile } from './result-exports.service.js';
import { getResultReport, type ReportWording } from './result-reports.service.js';

/** How many unit reports are built and printed at once (the printer's own gate bounds Chromium). */
const AT_ONCE = 2;

/** What the roll-up reports put in their ZIP, and what they left out. */
export interface RollupReports extends ExportFile {
  /** Agency codes of the units whose report is in the ZIP, in the ZIP's order. */
  included: string[];
}

/**
 * The result reports of a parent body's units (itself included) for an edition year, as one ZIP
 * with a PDF per unit named by its agency code (`D01.pdf`): every unit with a round that year
 * whose results the actor may see (its published or current result, as the round's own report
 * shows it). Refused like the roll-up workbook (agency not found) for someone who may not see the
 * parent's results. `print` turns a report into PDF bytes; `onProgress` hears each unit done.
 */
export async function exportRollupReports(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  year: number,
  options: {
    wording: ReportWording;
    print: (doc: ReportDocument) => Promise<Buffer>;
    type?: string | null;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<RollupReports> {
  const agency = await findAgencyById(ctx.db.kysely, agencyId);
  if (!agency || !isAllowed(actor.grants, 'result.view', agency.path)) throw agencyNotFound();
  const units = (await listAgencies(ctx.db.kysely, [agency.path])).filter(
    (a) => !options.type || a.type === options.type,
  );
  const rounds = (await listRounds(ctx.db.kysely, [agency.path])).filter(
    (r) => r.editionYear === year && isAllowed(actor.grants, 'result.view', r.agencyPath),
  );
  const todo = units
    .map((unit) => rounds.find((r) => r.agencyId === unit.id))
    .filter((round): round is Round => round !== undefined)
    .sort((a, b) => a.agencyCode.localeCompare(b.agencyCode));
  const pdfs: Array<Buffer | null> = new Array<Buffer | null>(todo.length).fill(null);
  let next = 0;
  let done = 0;
  options.onProgress?.(0, todo.length);
  const worker = async () => {
    while (next < todo.length) {
      const index = next++;
      const round = todo[index] as Round;
      try {
        const doc = await getResultReport(ctx, actor, round.id, options.wording);
        pdfs[index] = await options.print(doc);
      } catch (error) {
        // a round the actor may no longer see (roles changed while the job waited) is left out
        if (!(error instanceof DomainError && error.code === 'not_found')) throw error;
      }
      done += 1;
      options.onProgress?.(done, todo.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, todo.length) }, worker));
  const files: Record<string, Uint8Array> = {};
  const included: string[] = [];
  todo.forEach((round, i) => {
    const pdf = pdfs[i];
    if (!pdf) return;
    files[`${round.agencyCode}.pdf`] = pdf;
    included.push(round.agencyCode);
  });
  // PDFs are mostly compressed streams already: a quick level saves as much as a slow one
  const bytes = Buffer.from(zipSync(files, { level: 1 }));
  return { bytes, fileBase: `ita-reports-${agency.code}-${year}`, included };
}
