import type { ComponentChildren } from 'preact';
import type { Message } from '../../../../core/errors.js';
import {
  canMoveRound,
  moveActionOf,
  needsReason,
  ROUND_STATE_NAMES,
  type RoundState,
} from '../../core/round-state.js';
import type { Round } from '../../services/round.service.js';
import { m, pick } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  TextAreaField,
  type FieldErrors,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { editionLabel, RoundStateTag } from './round-list.js';

/** What a move does, and what of it cannot be undone: said before the person does it. */
interface Consequences {
  title: Message;
  button: Message;
  happens: Message[];
  final: Message[];
}

const CONFIRM: Consequences = {
  title: m('ยืนยันผลการประเมิน', 'Confirm the results'),
  button: m('ยืนยันผลและปิดรอบ', 'Confirm the results and lock the round'),
  happens: [
    m(
      'คำนวณคะแนนตอนนี้จากคำตอบแบบวัดและผลการตรวจล่าสุดของผู้ประเมินหลัก แล้วบันทึกเป็นผลของรอบ',
      "The scores are computed now from the survey answers and the primary assessor's latest decisions, and stored as the round's result",
    ),
    m(
      'รอบถูกล็อก: หลักฐาน OIT ผลการตรวจ คำชี้แจง และคำตอบแบบวัด จะไม่เปลี่ยนผลอีก',
      'The round is locked: evidence, decisions, clarifications and survey answers no longer change its result',
    ),
  ],
  final: [
    m(
      'รอบที่ยืนยันแล้วกลับไปช่วงชี้แจงหรือตรวจ OIT ไม่ได้ ผลที่บันทึกคือผลที่จะประกาศ',
      'A confirmed round cannot go back to clarification or review: the stored result is the one that will be published',
    ),
  ],
};

const PUBLISH: Consequences = {
  title: m('ประกาศผลการประเมิน', 'Publish the results'),
  button: m('ประกาศผล', 'Publish the results'),
  happens: [
    m(
      'ผลที่ยืนยันแล้วขึ้นหน้าผลการประเมินสาธารณะ ข้อมูลเปิด และรายงานในฐานะผลทางการ',
      'The confirmed result appears on the public results pages, in the open data and in the reports as the official result',
    ),
  ],
  final: [
    m(
      'ทุกคนอ่านและคัดลอกผลได้ทันที สำเนาที่ดาวน์โหลดไปแล้วเรียกคืนไม่ได้',
      'Anyone can read and copy the results at once; copies already downloaded cannot be recalled',
    ),
    m(
      'คุณถอนการประกาศเองไม่ได้: ผู้ดูแลระบบเท่านั้นที่ถอนได้ โดยต้องระบุเหตุผล ซึ่งบันทึกไว้ตลอดไป',
      'You cannot unpublish them: only a system administrator can withdraw published results, giving a reason that is recorded for good',
    ),
  ],
};

const WITHDRAW: Consequences = {
  title: m('ถอนการประกาศผล', 'Withdraw the published results'),
  button: m('ถอนการประกาศผล', 'Withdraw the results'),
  happens: [
    m(
      'ผลของรอบนี้ออกจากหน้าผลการประเมินสาธารณะและข้อมูลเปิด หน้ารอบการประเมินแสดงการถอน ผู้ถอน และเหตุผล',
      "The round's results leave the public results pages and the open data; the round's page shows the withdrawal, who made it and why",
    ),
    m(
      'คะแนนที่บันทึกไว้ยังอยู่ รอบเปิดให้ชี้แจงใหม่ได้โดยผู้ดูแลระบบ เพื่อแก้ไขแล้วยืนยันและประกาศอีกครั้ง',
      'The stored scores are kept; a system administrator can reopen the round for clarification, to correct it, confirm it and publish it again',
    ),
  ],
  final: [
    m(
      'ผู้ที่อ่านหรือดาวน์โหลดผลไปแล้วยังมีสำเนาอยู่',
      'Whoever has read or downloaded the results keeps their copy',
    ),
    m(
      'การถอนและเหตุผลอยู่ในบันทึกการตรวจสอบตลอดไป',
      'The withdrawal and its reason stay in the audit log for good',
    ),
  ],
};

const REOPEN: Consequences = {
  title: m('เปิดรอบที่ถอนผลให้ชี้แจงใหม่', 'Reopen the withdrawn round for clarification'),
  button: m('เปิดให้ชี้แจงใหม่', 'Reopen for clarification'),
  happens: [
    m(
      'รอบกลับไปช่วงชี้แจงเพิ่มเติม: ผู้ประเมินให้ผลการตรวจใหม่ได้ และหน่วยงานชี้แจงได้',
      'The round goes back to clarification: assessors may decide again and the agency may answer',
    ),
  ],
  final: [
    m(
      'การยืนยันครั้งต่อไปจะแทนที่คะแนนที่บันทึกไว้ (บันทึกการตรวจสอบของการถอนยังเก็บคะแนนรวมเดิมไว้)',
      'The next confirmation replaces the stored scores (the audit entry of the withdrawal keeps the former total)',
    ),
  ],
};

/** The working moves, forward and back, between set-up and clarification. */
const WORKING: Partial<Record<`${RoundState}>${RoundState}`, Consequences>> = {
  'setup>collecting': {
    title: m('เปิดการเก็บข้อมูล', 'Start collecting'),
    button: m('เปิดการเก็บข้อมูล', 'Start collecting'),
    happens: [
      m(
        'ลิงก์และ QR ของแบบวัด IIT และ EIT เริ่มรับคำตอบ จนถึงวันปิดที่ตั้งไว้หรือจนรอบเข้าสู่การตรวจ OIT',
        'The IIT and EIT survey links and QR codes start taking answers, until their closing day or until the round goes to OIT review',
      ),
      m(
        'หน่วยงานยังกรอก อนุมัติ และส่งหลักฐาน OIT ต่อได้',
        'The agency goes on entering, approving and submitting its OIT evidence',
      ),
    ],
    final: [
      m(
        'คำตอบที่ได้รับแล้วเก็บไว้และนับในผลการประเมิน การย้อนรอบกลับไปเตรียมการไม่ลบคำตอบ',
        'Answers received are kept and count in the result: moving the round back to set-up deletes none',
      ),
    ],
  },
  'collecting>setup': {
    title: m('ย้อนกลับไปเตรียมการ', 'Back to set-up'),
    button: m('ย้อนกลับไปเตรียมการ', 'Back to set-up'),
    happens: [
      m(
        'แบบวัด IIT และ EIT หยุดรับคำตอบ ผู้ที่เปิดลิงก์จะเห็นว่าแบบวัดยังไม่เปิด',
        'The IIT and EIT surveys stop taking answers: whoever opens a link is told the survey is not open yet',
      ),
    ],
    final: [
      m(
        'คำตอบที่ได้รับแล้วยังอยู่และนับในผลการประเมิน',
        'The answers already received stay and count in the result',
      ),
    ],
  },
  'collecting>oit_review': {
    title: m('ปิดการเก็บข้อมูลและเริ่มตรวจ OIT', 'Close collection and start the OIT review'),
    button: m('ปิดการเก็บข้อมูลและเริ่มตรวจ OIT', 'Close collection, start the review'),
    happens: [
      m(
        'แบบวัด IIT และ EIT ปิดรับคำตอบ และนำเข้าคำตอบเพิ่มไม่ได้',
        'The IIT and EIT surveys take no more answers, and no more answers can be imported',
      ),
      m(
        'หน่วยงานแก้ไขหรือส่งหลักฐาน OIT ไม่ได้อีก ผู้ประเมินตรวจข้อที่ส่งแล้ว ข้อที่ยังไม่ได้ส่งจะไม่มีหลักฐานให้ตรวจ',
        'The agency can no longer change or submit OIT evidence; the assessors review the submitted items, and an item not submitted has no evidence to review',
      ),
    ],
    final: [
      m(
        'ผู้ที่เปิดลิงก์แบบวัดหลังจากนี้จะเห็นว่าแบบวัดปิดแล้ว คำตอบที่ไม่ได้รับจะเรียกคืนไม่ได้',
        'Whoever opens a survey link after this is told it is closed: answers not received cannot be recovered',
      ),
    ],
  },
  'oit_review>collecting': {
    title: m('ย้อนกลับไปเก็บข้อมูล', 'Back to collecting'),
    button: m('ย้อนกลับไปเก็บข้อมูล', 'Back to collecting'),
    happens: [
      m(
        'แบบวัดรับคำตอบอีกครั้ง และหน่วยงานกรอก อนุมัติ และส่งหลักฐานของข้อ OIT ที่ยังไม่ได้ส่งได้',
        'The surveys take answers again, and the agency may enter, approve and submit the evidence of the OIT items not yet submitted',
      ),
    ],
    final: [
      m(
        'ผลการตรวจที่ผู้ประเมินให้ไว้แล้วยังเก็บไว้ในประวัติ',
        "The assessors' decisions made so far stay in the history",
      ),
    ],
  },
  'oit_review>clarification': {
    title: m('เปิดช่วงชี้แจง', 'Open clarification'),
    button: m('เปิดช่วงชี้แจง', 'Open clarification'),
    happens: [
      m(
        'หน่วยงานเห็นข้อที่ไม่ผ่าน พร้อมเหตุผลและคำแนะนำของผู้ประเมินหลัก และส่งคำชี้แจงได้',
        "The agency sees the failed items with the primary assessor's reasons and advice, and may send its answers",
      ),
      m(
        'ผลการตรวจที่ผู้ประเมินให้หลังจากนี้เป็นผลรอบสุดท้าย',
        'The decisions the assessors make from now on are final-stage decisions',
      ),
    ],
    final: [
      m(
        'หน่วยงานได้อ่านเหตุผลและคำแนะนำแล้ว การย้อนรอบกลับไม่ได้ซ่อนสิ่งที่อ่านไปแล้ว',
        'The agency has read the reasons and advice: moving the round back does not unsay them',
      ),
    ],
  },
  'clarification>oit_review': {
    title: m('ย้อนกลับไปตรวจ OIT', 'Back to OIT review'),
    button: m('ย้อนกลับไปตรวจ OIT', 'Back to OIT review'),
    happens: [
      m(
        'หน่วยงานส่งคำชี้แจงเพิ่มไม่ได้ ผู้ประเมินให้ผลรอบแรกได้อีกครั้ง',
        'The agency can send no more answers; the assessors make first-stage decisions again',
      ),
    ],
    final: [
      m(
        'คำชี้แจงที่ส่งมาแล้วและผลการตรวจยังเก็บไว้ในประวัติ',
        'The answers sent and the decisions made stay in the history',
      ),
    ],
  },
};

/** What the confirmation page of a move says; null for a move that cannot be made. */
export function consequencesOf(from: RoundState, to: RoundState): Consequences | null {
  if (!canMoveRound(from, to)) return null;
  const action = moveActionOf(from, to);
  if (action === 'round.confirm') return CONFIRM;
  if (action === 'round.publish') return PUBLISH;
  if (action === 'round.withdraw') return WITHDRAW;
  if (action === 'round.reopen') return REOPEN;
  return WORKING[`${from}>${to}`] ?? null;
}

/**
 * The confirmation page of a move: the round, what will happen, what cannot be undone, the
 * reason when the move needs one, and a form (CSRF-protected) that does it. `children` adds
 * what the move's own feature knows (the scores that a confirmation will store).
 */
export function MoveConfirmPage({
  page,
  round,
  to,
  action,
  errors,
  values,
  children,
}: {
  page: PageContext;
  round: Round;
  to: RoundState;
  /** Where the form posts. */
  action: string;
  errors: FieldErrors;
  values: { reason?: string | undefined };
  children?: ComponentChildren;
}) {
  const { lang } = page;
  const said = consequencesOf(round.state, to);
  if (!said) throw new Error(`no confirmation page for a move to ${to}`);
  const title = m(`${said.title.th}: ${round.agencyCode}`, `${said.title.en}: ${round.agencyCode}`);
  return (
    <Layout page={page} title={title}>
      <ErrorSummary lang={lang} errors={errors} />
      <p>
        {round.agencyCode} {round.agencyNameTh} · {editionLabel(lang, round)} ·{' '}
        <RoundStateTag lang={lang} state={round.state} /> →{' '}
        <strong>{pick(lang, ROUND_STATE_NAMES[to])}</strong>
      </p>
      {children}
      <h2>{pick(lang, m('สิ่งที่จะเกิดขึ้น', 'What will happen'))}</h2>
      <ul data-happens>
        {said.happens.map((line) => (
          <li>{pick(lang, line)}</li>
        ))}
      </ul>
      <h2>{pick(lang, m('สิ่งที่ย้อนกลับไม่ได้', 'What cannot be undone'))}</h2>
      <ul data-final>
        {said.final.map((line) => (
          <li>{pick(lang, line)}</li>
        ))}
      </ul>
      <form method="post" action={action} novalidate>
        <CsrfField token={page.csrfToken} />
        {needsReason(round.state, to) && (
          <TextAreaField
            lang={lang}
            name="reason"
            label={m('เหตุผล', 'Reason')}
            hint={m(
              'บันทึกไว้กับรอบ แสดงในหน้ารอบการประเมิน และในบันทึกการตรวจสอบ',
              "Kept with the round, shown on the round's page and in the audit log",
            )}
            value={values.reason}
            errors={errors}
            rows={4}
            required
          />
        )}
        <button class="warning" type="submit">
          {pick(lang, said.button)}
        </button>{' '}
        <a href={`/rounds/${round.id}`}>{pick(lang, m('ยกเลิก', 'Cancel'))}</a>
      </form>
    </Layout>
  );
}
