import { draftGuideline } from './core/guideline-template.js';
import { addDays } from './core/loan-rules.js';
import { importAssets } from './services/asset-import.service.js';
import { saveAssetGuideline } from './services/asset-report.service.js';
import { actOnLoan, listAssetsOf, requestLoan } from './services/asset.service.js';
import type { ServiceContext } from '../../platform/services/context.js';
import type { DemoWorld } from '../kit.js';
import { demoActor } from '../users/feature.js';
import { bangkokDay } from '../../core/thai-calendar.js';

const REGISTER = [
  'asset_number,name,category,location,custodian_unit,acquired_on',
  '7440-001-0001/67,เครื่องฉายภาพ (โปรเจกเตอร์) ห้องประชุม 1,ครุภัณฑ์สำนักงาน,ห้องประชุม 1,ฝ่ายบริหารทั่วไป,2024-01-15',
  '7440-001-0002/67,เครื่องฉายภาพ (โปรเจกเตอร์) พกพา,ครุภัณฑ์สำนักงาน,ห้องพัสดุ,ฝ่ายบริหารทั่วไป,2024-01-15',
  '2310-001-0001/65,รถยนต์ตู้ 12 ที่นั่ง กข 1234,ครุภัณฑ์ยานพาหนะ,โรงจอดรถ,งานยานพาหนะ,2022-03-01',
  '2310-001-0002/66,รถยนต์กระบะ 4 ประตู กค 5678,ครุภัณฑ์ยานพาหนะ,โรงจอดรถ,งานยานพาหนะ,2023-06-20',
  '7440-002-0001/68,คอมพิวเตอร์โน้ตบุ๊ก เครื่องที่ 1,ครุภัณฑ์คอมพิวเตอร์,ห้องพัสดุ,กลุ่มเทคโนโลยีสารสนเทศ,2025-02-10',
  '7440-002-0002/68,คอมพิวเตอร์โน้ตบุ๊ก เครื่องที่ 2,ครุภัณฑ์คอมพิวเตอร์,ห้องพัสดุ,กลุ่มเทคโนโลยีสารสนเทศ,2025-02-10',
  '6720-001-0001/66,กล้องถ่ายภาพดิจิทัล,ครุภัณฑ์โฆษณาและเผยแพร่,ห้องประชาสัมพันธ์,งานประชาสัมพันธ์,2023-08-01',
  '5820-001-0001/67,ชุดเครื่องเสียงเคลื่อนที่,ครุภัณฑ์โฆษณาและเผยแพร่,ห้องประชุมใหญ่,งานประชาสัมพันธ์,2024-05-05',
].join('\n');

/** A context whose clock reads `days` days from now: past loans go through the same rules. */
function daysAgo(ctx: ServiceContext, days: number): ServiceContext {
  const at = new Date(ctx.clock.now().getTime() - days * 86_400_000);
  return { ...ctx, clock: { now: () => at } };
}

/**
 * D01's asset register: eight assets, a published loan guideline, a returned loan, a loan
 * out and overdue, a request waiting for a decision and a refused personal-use request.
 */
export async function seedDemoAssets(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const d01 = world.agencies.find((a) => a.code === 'D01');
  if (!d01) return;
  const admin = await demoActor(ctx, 'agency@example.org');
  const borrower = await demoActor(ctx, 'owner@example.org');
  const head = await demoActor(ctx, 'head@example.org');
  await importAssets(ctx, admin, d01.id, { csvText: REGISTER }, { dryRun: false });
  await saveAssetGuideline(ctx, admin, d01.id, {
    text: draftGuideline(d01.nameTh),
    publish: true,
  });
  const assets = await listAssetsOf(ctx, d01.id);
  const byNumber = (n: string) => assets.find((a) => a.assetNumber === n)?.id ?? '';
  const today = bangkokDay(ctx.clock.now());

  const past = daysAgo(ctx, 40);
  const van = await requestLoan(past, borrower, d01.id, byNumber('2310-001-0001/65'), {
    purposeCategory: 'field_work',
    purpose: 'ลงพื้นที่ติดตามโครงการส่งเสริมการเรียนรู้ชุมชน จังหวัดนครปฐม',
    fromOn: addDays(today, -40),
    toOn: addDays(today, -38),
  });
  await actOnLoan(past, head, d01.id, van.id, { kind: 'approve' });
  await actOnLoan(past, admin, d01.id, van.id, { kind: 'hand_over' });
  await actOnLoan(daysAgo(ctx, 38), admin, d01.id, van.id, {
    kind: 'return',
    condition: 'สภาพปกติ เติมน้ำมันเต็มถัง',
  });

  const recent = daysAgo(ctx, 10);
  const notebook = await requestLoan(recent, borrower, d01.id, byNumber('7440-002-0001/68'), {
    purposeCategory: 'meeting_training',
    purpose: 'ใช้นำเสนอในการอบรมเจ้าหน้าที่เรื่องการเปิดเผยข้อมูลสาธารณะ',
    fromOn: addDays(today, -10),
    toOn: addDays(today, -3),
  });
  await actOnLoan(recent, admin, d01.id, notebook.id, { kind: 'approve' });
  await actOnLoan(recent, admin, d01.id, notebook.id, { kind: 'hand_over' });

  await requestLoan(ctx, borrower, d01.id, byNumber('7440-001-0002/67'), {
    purposeCategory: 'public_service',
    purpose: 'จัดนิทรรศการให้ความรู้ประชาชนในงานวันเด็ก',
    fromOn: addDays(today, 3),
    toOn: addDays(today, 4),
  });
  await requestLoan(ctx, borrower, d01.id, byNumber('2310-001-0002/66'), {
    purposeCategory: 'personal',
    purpose: 'ขนของย้ายบ้านวันหยุด',
    fromOn: addDays(today, 5),
    toOn: addDays(today, 5),
  });
}
