import { formatCsv } from '../core/csv-format.js';
import type { ServiceContext } from './context.js';
import type { DemoWorld } from './demo-features.service.js';
import { demoActor } from './demo-oit.service.js';
import { importResponses } from './response-import.service.js';
import { bangkokDay } from './survey.service.js';

/**
 * Comments written by the demo's respondents (some with a name, a phone number or an e-mail
 * address, which the import masks before anything is stored). IIT has more than the minimum
 * group size, EIT fewer, so the voice page shows both a summary and a withheld group.
 */
const DEMO_COMMENTS: Record<'IIT' | 'EIT', { item: string; answer: string; comments: string[] }> = {
  IIT: {
    item: 'i1.1',
    answer: '3',
    comments: [
      'ขอให้ผู้บริหารประกาศนโยบายไม่รับของขวัญให้ชัดเจน ช่วงปีใหม่ยังมีการให้ของกำนัลกันอยู่',
      'เห็นนายสมชาย ใจดี นำรถราชการไปใช้ธุระส่วนตัว ติดต่อ 081-234-5678',
      'ขั้นตอนการเบิกจ่ายล่าช้า เอกสารเยอะ รอนานหลายสัปดาห์',
      'อยากให้เปิดเผยข้อมูลการจัดซื้อจัดจ้างบนเว็บไซต์ให้ครบและเป็นปัจจุบัน',
      'การมอบหมายงานไม่เป็นธรรม บางคนได้งานมากกว่าคนอื่น สอบถามได้ที่ staff.d01@example.org',
      'ช่องทางร้องเรียนภายในยังไม่มั่นใจว่าผู้แจ้งเบาะแสจะปลอดภัย',
      'บรรยากาศการทำงานดีขึ้นกว่าปีที่แล้ว',
    ],
  },
  EIT: {
    item: 'e1.1',
    answer: '4',
    comments: [
      'เจ้าหน้าที่ให้บริการดี แต่รอคิวนาน',
      'ขอบคุณคุณมาลีที่ช่วยอธิบายขั้นตอนอย่างละเอียด',
      'อยากให้มีบริการยื่นเอกสารออนไลน์',
    ],
  },
};

/** A handful of comments on D01's 2569 IIT and EIT, imported as a unit would from paper forms. */
export async function seedDemoVoice(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const d01 = world.currentRounds.find((r) => r.agencyCode === 'D01');
  if (!d01) return;
  const admin = await demoActor(ctx, 'agency@example.org');
  // days before today: while collecting, today's answers are not counted yet
  const day = (back: number) => bangkokDay(new Date(ctx.clock.now().getTime() - back * 86_400_000));
  for (const [instrument, { item, answer, comments }] of Object.entries(DEMO_COMMENTS)) {
    const rows = comments.map((comment, i) => [day(1 + (i % 3)), answer, comment]);
    const csvText = formatCsv(['date', item, 'comment'], rows);
    const result = await importResponses(
      ctx,
      admin,
      d01.roundId,
      instrument,
      { csvText },
      {
        dryRun: false,
      },
    );
    if (!result.valid) throw new Error(`demo comments for ${instrument} were refused`);
  }
}
