import type { Role } from '../core/access/roles.js';
import { compileEdition } from '../core/framework/compile-edition.js';
import { createSeededRandom, generateBundleRecords } from '../core/demo/generate-bundle.js';
import { BundleScorer } from '../core/scoring/score-bundle.js';
import { disclosedSnapshotColumns, disclosureRuleOf } from '../core/disclosure/disclosure.js';
import { upsertScoreSnapshot } from '../features/rounds/feature.js';
import type { RoundState } from '../features/rounds/feature.js';
import { createAgency, type Agency } from '../features/agencies/feature.js';
import type { AgencyInputRaw } from '../features/agencies/feature.js';
import { createFirstAdmin, needsSetup } from '../features/users/feature.js';
import { listBundledEditions, loadEdition } from '../features/editions/feature.js';
import { createUser } from '../features/users/feature.js';
import { listRounds, moveRound, openRounds, type OpenedRound } from '../features/rounds/feature.js';
import { inTransaction } from '../features/audit/feature.js';
import { ensureSurveyLinks } from '../features/surveys/feature.js';
import { seedDemoOit } from '../features/oit-review/feature.js';
import { demoActor } from '../features/users/feature.js';
import { seedDemoFeatures } from './demo-features.js';
import { insertResponses, type NewResponse } from '../features/surveys/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../platform/services/context.js';
import { bangkokDay } from '../core/thai-calendar.js';
import { chooseDemoYears, type DemoYears } from '../core/demo/demo-years.js';

/** The demo's shared password: a demo only, printed on purpose. */
export const DEMO_PASSWORD = 'demo-ita-2569';

/** A demo ministry: units of different kinds and sizes (eligible staff from 14 to 2,350). */
export const DEMO_AGENCIES: (AgencyInputRaw & { nameTh: string; code: string })[] = [
  {
    code: 'D01',
    type: 'department',
    nameTh: 'กรมส่งเสริมการเรียนรู้',
    nameEn: 'Department of Learning Promotion',
    eligibleStaff: 2350,
  },
  {
    code: 'D02',
    type: 'department',
    nameTh: 'กรมทรัพยากรน้ำบาดาลตัวอย่าง',
    nameEn: 'Demo Groundwater Department',
    eligibleStaff: 910,
  },
  {
    code: 'D03',
    type: 'department',
    nameTh: 'กรมบริการประชาชน',
    nameEn: 'Department of Public Services',
    eligibleStaff: 1240,
  },
  {
    code: 'P01',
    type: 'province',
    nameTh: 'สำนักงานจังหวัดน่าน',
    nameEn: 'Nan Provincial Office',
    eligibleStaff: 186,
  },
  {
    code: 'P02',
    type: 'province',
    nameTh: 'สำนักงานจังหวัดขอนแก่น',
    nameEn: 'Khon Kaen Provincial Office',
    eligibleStaff: 412,
  },
  {
    code: 'U01',
    type: 'unit',
    nameTh: 'สถาบันพัฒนาบุคลากร',
    nameEn: 'Staff Development Institute',
    eligibleStaff: 64,
  },
  {
    code: 'U02',
    type: 'unit',
    nameTh: 'ศูนย์ดิจิทัลภาครัฐ',
    nameEn: 'Government Digital Centre',
    eligibleStaff: 38,
  },
  {
    code: 'E01',
    type: 'education_office',
    nameTh: 'สำนักงานเขตพื้นที่การศึกษา 1',
    nameEn: 'Education Area Office 1',
    eligibleStaff: 95,
  },
  {
    code: 'E02',
    type: 'education_office',
    nameTh: 'สำนักงานเขตพื้นที่การศึกษา 2',
    nameEn: 'Education Area Office 2',
    eligibleStaff: 27,
  },
  {
    code: 'O01',
    type: 'public_org',
    nameTh: 'องค์การมหาชนตัวอย่าง',
    nameEn: 'Demo Public Organisation',
    eligibleStaff: 152,
  },
  {
    code: 'H01',
    type: 'hospital',
    nameTh: 'โรงพยาบาลชุมชนตัวอย่าง',
    nameEn: 'Demo Community Hospital',
    eligibleStaff: 230,
  },
  {
    code: 'L01',
    type: 'local',
    nameTh: 'องค์การบริหารส่วนตำบลบ้านตัวอย่าง',
    nameEn: 'Ban Tua-yang Subdistrict Administration',
    eligibleStaff: 14,
  },
];

const SMALL_UNITS = ['E02', 'L01'];

const MINISTRY: AgencyInputRaw = {
  code: 'M00',
  type: 'ministry',
  nameTh: 'กระทรวงตัวอย่าง',
  nameEn: 'Demo Ministry',
  eligibleStaff: 520,
};

/** One account per role; `at` is the agency code the role is held for. */
export const DEMO_ACCOUNTS: { email: string; nameTh: string; role: Role; at: string | null }[] = [
  { email: 'admin@example.org', nameTh: 'ผู้ดูแลระบบ (ตัวอย่าง)', role: 'system_admin', at: null },
  {
    email: 'ministry@example.org',
    nameTh: 'ผู้ดูแลกระทรวง (ตัวอย่าง)',
    role: 'parent_admin',
    at: 'M00',
  },
  { email: 'agency@example.org', nameTh: 'ผู้ดูแลกรมส่งเสริมการเรียนรู้', role: 'agency_admin', at: 'D01' },
  { email: 'owner@example.org', nameTh: 'ผู้รับผิดชอบข้อ OIT', role: 'item_owner', at: 'D01' },
  { email: 'head@example.org', nameTh: 'อธิบดีกรมส่งเสริมการเรียนรู้', role: 'head_of_agency', at: 'D01' },
  { email: 'assessor@example.org', nameTh: 'ผู้ประเมิน (ตัวอย่าง)', role: 'assessor', at: 'M00' },
  { email: 'viewer@example.org', nameTh: 'ผู้ดูข้อมูล (ตัวอย่าง)', role: 'viewer', at: 'D01' },
];

export interface DemoSummary {
  seeded: boolean;
  agencies: number;
  accounts: typeof DEMO_ACCOUNTS;
  password: string;
  /** The year collecting and the year published (Buddhist era); null when the database has no rounds. */
  years: { current: number; last: number } | null;
}

async function seedAgencies(ctx: ServiceContext, admin: Actor): Promise<Agency[]> {
  const ministry = await createAgency(ctx, admin, { parentId: null, ...MINISTRY });
  const units: Agency[] = [ministry];
  for (const unit of DEMO_AGENCIES)
    units.push(await createAgency(ctx, admin, { parentId: ministry.id, ...unit }));
  return units;
}

async function seedAccounts(ctx: ServiceContext, admin: Actor, agencies: Agency[]): Promise<void> {
  for (const account of DEMO_ACCOUNTS.slice(1)) {
    const agency = agencies.find((a) => a.code === account.at);
    await createUser(ctx, admin, {
      email: account.email,
      displayName: account.nameTh,
      password: DEMO_PASSWORD,
      agencyId: agency?.id ?? null,
      role: account.role,
    });
  }
}

/** Moves every round through the states up to `target`. */
async function advanceRounds(
  ctx: ServiceContext,
  actor: Actor,
  roundIds: string[],
  path: RoundState[],
): Promise<void> {
  for (const id of roundIds) for (const to of path) await moveRound(ctx, actor, id, to);
}

/** Scores a generated year for the agencies and stores each round's score snapshot. */
async function storeLastYearResults(
  ctx: ServiceContext,
  editionId: string,
  rounds: { roundId: string; agencyCode: string; agencyNameTh: string }[],
): Promise<void> {
  const compiled = compileEdition(loadEdition(editionId).edition);
  const scorer = new BundleScorer(compiled);
  const records = generateBundleRecords(compiled, {
    agencies: rounds.map((r) => ({ id: r.agencyCode, name: r.agencyNameTh })),
    responses: 260 * rounds.length,
    iitShare: 0.4,
    random: createSeededRandom(compiled.edition.year),
  });
  for (const record of records) scorer.add(record, record.type);
  const byCode = new Map(rounds.map((r) => [r.agencyCode, r.roundId]));
  await inTransaction(ctx, async (trx) => {
    for (const { id, result } of scorer.results()) {
      const roundId = byCode.get(id);
      if (!roundId) continue;
      const snapshot = {
        roundId,
        engineVersion: result.engineVersion,
        ...disclosedSnapshotColumns(result, disclosureRuleOf(compiled.edition)),
        resultJson: JSON.stringify(result),
      };
      await upsertScoreSnapshot(trx, snapshot, nowIso(ctx));
    }
  });
}

/**
 * Opens the survey links of this year's rounds and adds generated answers to most agencies, spread
 * over the last two weeks, so the cockpit shows progress and live scores (two small units stay
 * below five respondents, to show that their breakdown is withheld).
 */
async function seedSurveys(
  ctx: ServiceContext,
  admin: Actor,
  editionId: string,
  rounds: OpenedRound[],
): Promise<void> {
  const compiled = compileEdition(loadEdition(editionId).edition);
  const random = createSeededRandom(compiled.edition.year);
  const today = ctx.clock.now().getTime();
  const responses: NewResponse[] = [];
  // by agency code: the same answers on the same days on every run (rounds come in id order)
  const byCode = [...rounds].sort((a, b) => a.agencyCode.localeCompare(b.agencyCode));
  for (const round of byCode) {
    await ensureSurveyLinks(ctx, admin, round.roundId);
    // the two smallest units stay below five respondents: their breakdowns are withheld
    const count = SMALL_UNITS.includes(round.agencyCode) ? 3 : 18 + Math.floor(random() * 40);
    const records = generateBundleRecords(compiled, {
      agencies: [{ id: round.agencyCode, name: round.agencyNameTh }],
      responses: count,
      iitShare: 0.5,
      random,
    });
    for (const record of records) {
      if (record.type !== 'response') continue;
      const answers = Object.fromEntries(
        Object.entries(record.answers).filter((e): e is [string, string] => e[1] !== null),
      );
      const day = bangkokDay(new Date(today - Math.floor(random() * 14) * 86_400_000));
      responses.push({
        id: ctx.ids.uuid(),
        roundId: round.roundId,
        agencyId: round.agencyId,
        instrument: record.instrument,
        answers,
        submittedOn: day,
        source: 'web',
      });
    }
  }
  await inTransaction(ctx, (trx) => insertResponses(trx, responses));
}

/** The years of the demo's rounds already in the database: the newest and the one before. */
async function seededYears(ctx: ServiceContext): Promise<DemoSummary['years']> {
  const rounds = await listRounds(ctx.db.kysely, null);
  const newest = Math.max(...rounds.map((r) => r.editionYear));
  return Number.isFinite(newest) ? { current: newest, last: newest - 1 } : null;
}

/**
 * Seeds the living demo once, through the same services people use: a ministry with 12 units,
 * one account per role, last year's published results and this year's rounds collecting. This
 * year is the assessment year running on the clock's day (fiscal years start on 1 October: on
 * 2026-12-06 it is 2570, with 2569 published), or `year` when given (tests keep a year fixed).
 * Does nothing when the database already has accounts.
 */
export async function seedDemo(
  ctx: ServiceContext,
  options: { oitProgress?: boolean; year?: number } = {},
): Promise<DemoSummary> {
  const summary = {
    agencies: DEMO_AGENCIES.length + 1,
    accounts: DEMO_ACCOUNTS,
    password: DEMO_PASSWORD,
  };
  if (!(await needsSetup(ctx))) return { seeded: false, ...summary, years: await seededYears(ctx) };
  const years: DemoYears = chooseDemoYears(
    bangkokDay(ctx.clock.now()),
    listBundledEditions(),
    options.year,
  );
  const first = DEMO_ACCOUNTS[0] as (typeof DEMO_ACCOUNTS)[number];
  await createFirstAdmin(ctx, {
    email: first.email,
    displayName: first.nameTh,
    password: DEMO_PASSWORD,
  });
  const admin = await demoActor(ctx, first.email);
  const agencies = await seedAgencies(ctx, admin);
  await seedAccounts(ctx, admin, agencies);
  const ministry = agencies[0] as Agency;
  const last = await openRounds(ctx, admin, {
    parentAgencyId: ministry.id,
    editionCode: years.lastEdition,
    includeParent: true,
  });
  await storeLastYearResults(ctx, years.lastEdition, last.created);
  await advanceRounds(
    ctx,
    admin,
    last.created.map((r) => r.roundId),
    ['collecting', 'oit_review', 'clarification', 'confirmed', 'published'],
  );
  const current = await openRounds(ctx, admin, {
    parentAgencyId: ministry.id,
    editionCode: years.currentEdition,
    includeParent: true,
  });
  await advanceRounds(
    ctx,
    admin,
    current.created.map((r) => r.roundId),
    ['collecting'],
  );
  await seedSurveys(ctx, admin, years.currentEdition, current.created);
  if (options.oitProgress) await seedDemoOit(ctx, current.created);
  await seedDemoFeatures(ctx, {
    agencies,
    lastRounds: last.created,
    currentRounds: current.created,
  });
  return { seeded: true, ...summary, years: { current: years.current, last: years.last } };
}
