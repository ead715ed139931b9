import { fieldName } from '../surveys/feature.js';
import { createFixedClock } from '../../platform/infra/clock.js';
import type { ServiceContext } from '../../platform/services/context.js';
import type { DemoWorld } from '../kit.js';
import { demoActor } from '../users/feature.js';
import { ensureSurveyLinks } from '../surveys/feature.js';
import { findOpenSurvey, submitSurvey, type OpenSurvey } from '../surveys/feature.js';

/**
 * Comments written by the demo's respondents (some with a name, a phone number or an e-mail
 * address, which the survey masks before anything is stored). IIT has more than the minimum
 * group size, EIT fewer, so the voice page shows both a summary and a withheld group.
 */
const DEMO_COMMENTS: Record<'IIT' | 'EIT', string[]> = {
  IIT: [
    'ขอให้ผู้บริหารประกาศนโยบายไม่รับของขวัญให้ชัดเจน ช่วงปีใหม่ยังมีการให้ของกำนัลกันอยู่',
    'เห็นนายสมชาย ใจดี นำรถราชการไปใช้ธุระส่วนตัว ติดต่อ 081-234-5678',
    'ขั้นตอนการเบิกจ่ายล่าช้า เอกสารเยอะ รอนานหลายสัปดาห์',
    'อยากให้เปิดเผยข้อมูลการจัดซื้อจัดจ้างบนเว็บไซต์ให้ครบและเป็นปัจจุบัน',
    'การมอบหมายงานไม่เป็นธรรม บางคนได้งานมากกว่าคนอื่น สอบถามได้ที่ staff.d01@example.org',
    'ช่องทางร้องเรียนภายในยังไม่มั่นใจว่าผู้แจ้งเบาะแสจะปลอดภัย',
    'บรรยากาศการทำงานดีขึ้นกว่าปีที่แล้ว',
  ],
  EIT: [
    'เจ้าหน้าที่ให้บริการดี แต่รอคิวนาน',
    'ขอบคุณคุณมาลีที่ช่วยอธิบายขั้นตอนอย่างละเอียด',
    'อยากให้มีบริการยื่นเอกสารออนไลน์',
  ],
};

/** A complete set of answers for a survey's form: a middle option on every item. */
function demoForm(survey: OpenSurvey): Record<string, string> {
  const form: Record<string, string> = {};
  for (const question of survey.steps.flatMap((step) => step.questions)) {
    const option = question.options[Math.min(2, question.options.length - 1)];
    for (const item of question.items) if (option) form[fieldName(item.code)] = option.code;
  }
  return form;
}

/**
 * A handful of comments on D01's IIT and EIT of this year, sent through the public survey as respondents
 * did over the last three days (while collecting, today's answers are not counted yet).
 */
export async function seedDemoVoice(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const d01 = world.currentRounds.find((r) => r.agencyCode === 'D01');
  if (!d01) return;
  const admin = await demoActor(ctx, 'agency@example.org');
  const links = await ensureSurveyLinks(ctx, admin, d01.roundId);
  const now = ctx.clock.now().getTime();
  for (const [instrument, comments] of Object.entries(DEMO_COMMENTS)) {
    const link = links.find((l) => l.instrument === instrument);
    const survey = link ? await findOpenSurvey(ctx, link.code) : null;
    if (!survey) continue;
    for (const [i, comment] of comments.entries()) {
      const day = createFixedClock(new Date(now - (1 + (i % 3)) * 86_400_000).toISOString());
      const outcome = await submitSurvey({ ...ctx, clock: day }, survey, {
        form: { ...demoForm(survey), comment },
        nonce: ctx.ids.token(18),
        accessCode: null,
        secret: '',
      });
      if (outcome.kind !== 'stored') throw new Error(`demo comment for ${instrument} refused`);
    }
  }
}
