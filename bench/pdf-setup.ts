// Prepares a seeded demo database for bench/pdf-report.mjs and prints JSON: the published round of
// the demo agency D01 (its result report is the PDF measured) and, with `--batch N`, a parent body
// "B00" under the demo ministry with N units, each with a published round of the same year and a
// stored score snapshot (generated answers, as the demo makes last year's). Usage:
//   DEMO_DATABASE_URL=file:PATH node bin/prongsai.mjs demo --seed-only
//   node --import tsx bench/pdf-setup.ts file:PATH [N]
import { compileEdition } from '../src/core/framework/compile-edition.js';
import { createSeededRandom, generateBundleRecords } from '../src/core/demo/generate-bundle.js';
import { BundleScorer } from '../src/core/scoring/score-bundle.js';
import { disclosedSnapshotColumns, disclosureRuleOf } from '../src/core/disclosure/disclosure.js';
import { createAgency, findAgencyByCode } from '../src/features/agencies/feature.js';
import { inTransaction } from '../src/features/audit/feature.js';
import { loadEdition } from '../src/features/editions/feature.js';
import {
  listRounds,
  moveRound,
  openRounds,
  upsertScoreSnapshot,
} from '../src/features/rounds/feature.js';
import { demoActor } from '../src/features/users/feature.js';
import { openDatabase } from '../src/platform/db/database.js';
import { randomIds, systemClock } from '../src/platform/infra/clock.js';
import { nowIso, type ServiceContext } from '../src/platform/services/context.js';

const url = process.argv[2];
const batch = Number(process.argv[3] ?? 0);
if (!url?.startsWith('file:')) throw new Error('usage: pdf-setup.ts file:PATH [units]');
const db = openDatabase(url);
try {
  const ctx: ServiceContext = { db, clock: systemClock, ids: randomIds };
  const admin = await demoActor(ctx, 'admin@example.org');
  const published = (await listRounds(db.kysely, null)).find(
    (r) => r.agencyCode === 'D01' && r.state === 'published',
  );
  if (!published) throw new Error("the demo's published round of D01 is missing");
  let parentId: string | null = null;
  if (batch > 0) {
    const ministry = await findAgencyByCode(db.kysely, 'M00');
    if (!ministry) throw new Error('the demo ministry M00 is missing');
    const parent = await createAgency(ctx, admin, {
      parentId: ministry.id,
      code: 'B00',
      type: 'department',
      nameTh: 'กรมทดสอบรายงานจำนวนมาก',
      nameEn: 'Bench Department of Many Units',
      eligibleStaff: 500,
    });
    parentId = parent.id;
    for (let i = 1; i < batch; i++)
      await createAgency(ctx, admin, {
        parentId: parent.id,
        code: `B${String(i).padStart(3, '0')}`,
        type: 'unit',
        nameTh: `หน่วยงานทดสอบที่ ${i}`,
        nameEn: `Bench unit ${i}`,
        eligibleStaff: 40 + ((i * 37) % 400),
      });
    // the parent counts as one of its units (as in a roll-up): N units in all
    const opened = await openRounds(ctx, admin, {
      parentAgencyId: parent.id,
      editionCode: published.editionCode,
      includeParent: true,
    });
    const compiled = compileEdition(loadEdition(published.editionCode).edition);
    const scorer = new BundleScorer(compiled);
    const records = generateBundleRecords(compiled, {
      agencies: opened.created.map((r) => ({ id: r.agencyCode, name: r.agencyNameTh })),
      responses: 120 * opened.created.length,
      iitShare: 0.4,
      random: createSeededRandom(batch),
    });
    for (const record of records) scorer.add(record, record.type);
    const byCode = new Map(opened.created.map((r) => [r.agencyCode, r.roundId]));
    await inTransaction(ctx, async (trx) => {
      for (const { id, result } of scorer.results()) {
        const roundId = byCode.get(id);
        if (!roundId) continue;
        await upsertScoreSnapshot(
          trx,
          {
            roundId,
            engineVersion: result.engineVersion,
            ...disclosedSnapshotColumns(result, disclosureRuleOf(compiled.edition)),
            resultJson: JSON.stringify(result),
          },
          nowIso(ctx),
        );
      }
    });
    const states = ['collecting', 'oit_review', 'clarification', 'confirmed', 'published'] as const;
    for (const round of opened.created)
      for (const to of states) await moveRound(ctx, admin, round.roundId, to);
  }
  process.stdout.write(
    JSON.stringify({
      roundId: published.id,
      agencyCode: published.agencyCode,
      year: published.editionYear,
      parentId,
    }) + '\n',
  );
} finally {
  await db.close();
}
