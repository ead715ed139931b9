import type { TimeUnit } from './core/manual-rules.js';
import type { ServiceContext } from '../../platform/services/context.js';
import type { DemoWorld } from '../kit.js';
import { demoActor } from '../users/feature.js';
import { addServiceCase } from './services/manual-cases.service.js';
import { createManual, setManualPublished, type ManualInput } from './services/manual.service.js';
import { bangkokDay, fiscalYearOf } from '../../core/thai-calendar.js';
import { shiftYears } from '../../core/demo/demo-years.js';
import { findRound } from '../rounds/feature.js';

const step = (
  description: string,
  responsible: string,
  timeAmount: number,
  timeUnit: TimeUnit,
) => ({
  description,
  responsible,
  timeAmount,
  timeUnit,
});

/** D01's manuals of fiscal `year`: two published service manuals (one free, no documents) and one work manual. */
const manualsOf = (YEAR: number): ManualInput[] => [
  {
    kind: 'service',
    title: 'การขอใช้ห้องสมุดและยืมสื่อการเรียนรู้',
    purpose: 'ให้ประชาชนยืมหนังสือและสื่อการเรียนรู้ได้สะดวกและรวดเร็ว',
    responsibleUnit: 'กลุ่มบริการการเรียนรู้',
    channels: ['ห้องสมุดชั้น 1 อาคารกรม', 'ระบบยืมคืนออนไลน์ของหน่วยงาน'],
    feeText: 'ไม่มี',
    documents: ['ไม่มี'],
    legalBasis: 'ระเบียบกรมว่าด้วยการใช้บริการห้องสมุด',
    fiscalYear: YEAR,
    steps: [
      step('ยื่นคำขอที่เคาน์เตอร์หรือผ่านระบบออนไลน์', 'เจ้าหน้าที่บริการ', 10, 'minutes'),
      step('ตรวจสอบรายการสื่อและบันทึกการยืม', 'เจ้าหน้าที่บริการ', 15, 'minutes'),
    ],
  },
  {
    kind: 'service',
    title: 'การขอหนังสือรับรองการผ่านการอบรม',
    purpose: 'ออกหนังสือรับรองให้ผู้ผ่านการอบรมหลักสูตรของกรม',
    responsibleUnit: 'กลุ่มพัฒนาหลักสูตร',
    channels: ['ศูนย์บริการร่วม ชั้น 1', 'อีเมลของกลุ่มพัฒนาหลักสูตร'],
    feeText: '50 บาทต่อฉบับ',
    documents: ['สำเนาบัตรประจำตัวประชาชน', 'หลักฐานการผ่านการอบรม'],
    legalBasis: '',
    fiscalYear: YEAR,
    steps: [
      step('รับคำขอและตรวจเอกสาร', 'เจ้าหน้าที่ศูนย์บริการร่วม', 1, 'hours'),
      step('ตรวจสอบผลการอบรมในทะเบียน', 'กลุ่มพัฒนาหลักสูตร', 2, 'working_days'),
      step('ลงนามและส่งมอบหนังสือรับรอง', 'ผู้อำนวยการกลุ่ม', 1, 'working_days'),
    ],
  },
  {
    kind: 'work',
    title: 'คู่มือการจัดซื้อสื่อการเรียนรู้',
    purpose: 'ให้เจ้าหน้าที่จัดซื้อสื่อการเรียนรู้ตามขั้นตอนและระยะเวลาที่กำหนด',
    responsibleUnit: 'กลุ่มบริหารทั่วไป',
    fiscalYear: YEAR,
    steps: [
      step('จัดทำรายละเอียดความต้องการ', 'กลุ่มบริการการเรียนรู้', 5, 'working_days'),
      step('จัดซื้อตามระเบียบพัสดุ', 'เจ้าหน้าที่พัสดุ', 15, 'working_days'),
      step('ตรวจรับและลงทะเบียนสื่อ', 'คณะกรรมการตรวจรับ', 3, 'working_days'),
    ],
  },
];

/**
 * A few certificate requests (dates only): most done within the three-working-day standard. The
 * days are those of fiscal 2570's first weeks, moved into the fiscal year running on the clock.
 */
const CASES = [
  ['2026-10-05', '2026-10-07'],
  ['2026-10-12', '2026-10-14'],
  ['2026-10-19', '2026-10-26'],
  ['2026-11-02', null],
] as const;

/** D01's manuals: written by the item owner, published by the head, with service cases. */
export async function seedDemoManuals(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const agency = world.agencies.find((a) => a.code === 'D01');
  const opened = world.currentRounds.find((r) => r.agencyCode === 'D01');
  const round = opened ? await findRound(ctx.db.kysely, opened.roundId) : undefined;
  if (!agency || !round) return;
  const owner = await demoActor(ctx, 'owner@example.org');
  const head = await demoActor(ctx, 'head@example.org');
  const today = bangkokDay(ctx.clock.now());
  const shift = fiscalYearOf(today) - 2570;
  const ids: string[] = [];
  for (const input of manualsOf(round.editionYear)) {
    const created = await createManual(ctx, owner, agency.id, input);
    await setManualPublished(ctx, head, agency.id, created.id, true);
    ids.push(created.id);
  }
  const certificate = ids[1];
  if (!certificate) return;
  for (const [received, completed] of CASES) {
    const receivedOn = shiftYears(received, shift);
    const completedOn = completed === null ? null : shiftYears(completed, shift);
    if (receivedOn > today || (completedOn ?? '') > today) continue;
    await addServiceCase(ctx, owner, agency.id, certificate, { receivedOn, completedOn });
  }
}
