import type { ServiceContext } from '../../platform/services/context.js';
import type { DemoWorld } from '../kit.js';
import { demoActor } from '../users/feature.js';
import { publishGiftReport, reportGift } from './services/gift-register.service.js';
import {
  acknowledgeDeclaration,
  addCommunication,
  advanceDeclaration,
  createDeclaration,
} from './services/integrity.service.js';
import { bangkokDay } from '../../core/thai-calendar.js';
import { shiftYears, storyDay } from '../../core/demo/demo-years.js';
import { findRound } from '../rounds/feature.js';

/**
 * D01's No Gift Policy for the demo's fiscal year (drafted, approved and published), two
 * communication entries, two acknowledgements (the head and the viewer; the OIT item owner has
 * yet to), and three gift reports, one above the threshold waiting for the head; the gifts' year
 * report is published so O20 finds all three documents. The days are those of 2569 moved into the
 * year, none after today: while the year's gifts (December to April) are still to come, the gifts
 * are those of the year before, and so is the published report.
 */
export async function seedDemoIntegrity(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const agency = world.agencies.find((a) => a.code === 'D01');
  const opened = world.currentRounds.find((r) => r.agencyCode === 'D01');
  const round = opened ? await findRound(ctx.db.kysely, opened.roundId) : undefined;
  if (!agency || !round) return;
  const YEAR = round.editionYear;
  const today = bangkokDay(ctx.clock.now());
  const day = (d: string) => {
    const moved = storyDay(d, YEAR);
    return moved <= today ? moved : today;
  };
  const giftShift = storyDay('2026-04-10', YEAR) <= today ? 0 : -1;
  const giftDay = (d: string) => shiftYears(storyDay(d, YEAR), giftShift);
  const admin = await demoActor(ctx, 'agency@example.org');
  const head = await demoActor(ctx, 'head@example.org');
  const owner = await demoActor(ctx, 'owner@example.org');
  const viewer = await demoActor(ctx, 'viewer@example.org');

  await createDeclaration(ctx, admin, agency.id, {
    fiscalYear: YEAR,
    headName: 'นายสมศักดิ์ ตั้งมั่น',
    headPosition: `อธิบดี${agency.nameTh}`,
    declaredOn: day('2025-10-01'),
  });
  await advanceDeclaration(ctx, head, agency.id, YEAR, 'approved');
  await advanceDeclaration(ctx, head, agency.id, YEAR, 'published');
  await addCommunication(ctx, admin, agency.id, YEAR, {
    communicatedOn: day('2025-10-02'),
    channel: 'website',
    audience: 'ประชาชนและผู้มาติดต่อ',
    description: 'เผยแพร่ประกาศเจตนารมณ์บนเว็บไซต์หลักของหน่วยงาน',
  });
  await addCommunication(ctx, admin, agency.id, YEAR, {
    communicatedOn: day('2025-10-15'),
    channel: 'meeting',
    audience: 'บุคลากรทุกระดับ',
    description: 'ชี้แจงในการประชุมประจำเดือนตุลาคม พร้อมแจกแนวปฏิบัติการรับทรัพย์สินโดยธรรมจรรยา',
    reachedCount: '45',
  });
  await acknowledgeDeclaration(ctx, head, agency.id, YEAR);
  await acknowledgeDeclaration(ctx, viewer, agency.id, YEAR);

  await reportGift(ctx, owner, agency.id, {
    giftOn: giftDay('2025-12-26'),
    giverType: 'business',
    giverName: 'บริษัทผู้รับจ้างทำความสะอาด',
    description: 'กระเช้าผลไม้ปีใหม่',
    valueBaht: '1200',
    disposition: 'received',
    handling: 'shared',
    actionNote: 'วางไว้ที่ห้องรับรองให้บุคลากรแบ่งปันกัน',
  });
  await reportGift(ctx, viewer, agency.id, {
    giftOn: giftDay('2026-02-10'),
    giverType: 'person',
    description: 'บัตรกำนัลห้างสรรพสินค้าจากผู้มาขอรับบริการ',
    valueBaht: '2000',
    disposition: 'refused',
    handling: 'declined',
  });
  await reportGift(ctx, owner, agency.id, {
    giftOn: giftDay('2026-04-10'),
    giverType: 'business',
    giverName: 'ผู้ประกอบการที่เคยเสนอราคา',
    description: 'นาฬิกาข้อมือเนื่องในวันสงกรานต์',
    valueBaht: '8500',
    disposition: 'received',
    handling: 'handed_over',
    actionNote: 'เก็บรักษาไว้ที่งานพัสดุ รอหัวหน้าหน่วยงานวินิจฉัย',
  });
  await publishGiftReport(ctx, head, agency.id, YEAR + giftShift);
}
