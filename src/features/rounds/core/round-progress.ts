import { ACCESS, isAllowed, ROLES, type Grant, type Role } from '../../../core/access/roles.js';
import type { Message } from '../../../core/errors.js';
import { canAssignAssessors, canReview, isPass } from '../../oit-review/core/review-policy.js';
import { moveActionOf, nextRoundStates, ROUND_STATES, type RoundState } from './round-state.js';

/**
 * Where a round stands in its year, and what is left: the step list of the round's page. Pure:
 * the facts come counted from the features that hold them (surveys, OIT evidence, OIT review),
 * and nothing here is a survey score (counts only).
 */

/** A stage of the year: every state but `withdrawn` (a withdrawn round stands at the last). */
export type RoundStage = Exclude<RoundState, 'withdrawn'>;

/** The stages of the year in order, as the step list shows them. */
export const ROUND_STAGES: readonly RoundStage[] = ROUND_STATES.filter(
  (s): s is RoundStage => s !== 'withdrawn',
);

/** A stage's name in the step list (what the step is, where the state name says where it is). */
export const STAGE_NAMES: Record<RoundStage, Message> = {
  setup: { th: 'เตรียมการ', en: 'Set-up' },
  collecting: { th: 'เก็บข้อมูล', en: 'Collecting' },
  oit_review: { th: 'ตรวจ OIT', en: 'OIT review' },
  clarification: { th: 'ชี้แจง', en: 'Clarification' },
  confirmed: { th: 'ยืนยันผล', en: 'Confirmation' },
  published: { th: 'ประกาศผล', en: 'Publication' },
};

/** What happens during a stage, said to whoever reads the round's page. */
export const STAGE_MEANINGS: Record<RoundStage, Message> = {
  setup: {
    th: 'หน่วยงานตั้งค่าลิงก์แบบวัด IIT และ EIT มอบหมายผู้รับผิดชอบข้อ OIT และเริ่มเตรียมหลักฐาน ยังไม่มีใครตอบแบบวัดได้',
    en: 'The agency sets up the IIT and EIT survey links, assigns the OIT item owners and starts on the evidence; nobody can answer the surveys yet',
  },
  collecting: {
    th: 'ผู้มีส่วนได้ส่วนเสียตอบแบบวัด IIT และ EIT ผู้รับผิดชอบกรอกหลักฐาน OIT หัวหน้าหน่วยงานอนุมัติ และผู้ดูแลของหน่วยงานส่งหลักฐาน',
    en: 'Stakeholders answer the IIT and EIT surveys; item owners enter the OIT evidence, the head of agency approves it and the agency administrator submits it',
  },
  oit_review: {
    th: 'ผู้ประเมินตรวจหลักฐาน OIT ที่ส่งแล้วทีละข้อ แบบวัดปิดรับคำตอบ และหน่วยงานแก้ไขหลักฐานไม่ได้',
    en: 'The assessors review the submitted OIT evidence item by item; the surveys take no more answers and the agency can no longer change its evidence',
  },
  clarification: {
    th: 'หน่วยงานเห็นข้อที่ไม่ผ่านพร้อมเหตุผลและคำแนะนำ และชี้แจงได้ ผู้ประเมินให้ผลรอบสุดท้าย',
    en: "The agency sees the failed items with the assessor's reasons and advice and may answer them; the assessors make their final decisions",
  },
  confirmed: {
    th: 'คะแนนของรอบถูกบันทึกและรอบถูกล็อก ไม่มีสิ่งใดเปลี่ยนผลได้อีก รอประกาศผล',
    en: "The round's scores are stored and the round is locked: nothing changes its result any more; it waits to be published",
  },
  published: {
    th: 'ผลการประเมินขึ้นหน้าสาธารณะและข้อมูลเปิด หน่วยงานนำจุดอ่อนไปจัดทำมาตรการปรับปรุง',
    en: 'The results are on the public pages and in the open data; the agency turns its weak points into improvement measures',
  },
};

const WITHDRAWN_MEANING: Message = {
  th: 'ผลที่ประกาศถูกถอนออกจากหน้าสาธารณะแล้ว ผู้ดูแลระบบเปิดรอบให้ชี้แจงใหม่ได้ เพื่อแก้ไข ยืนยัน และประกาศอีกครั้ง',
  en: 'The published results were withdrawn from the public pages; a system administrator may reopen the round for clarification, to correct, confirm and publish it again',
};

/** Who does the work of each stage (who moves the round on is read from the access table). */
export const STAGE_ACTORS: Record<RoundStage, readonly Role[]> = {
  setup: ['agency_admin', 'item_owner'],
  collecting: ['agency_admin', 'item_owner', 'head_of_agency'],
  oit_review: ['assessor'],
  clarification: ['agency_admin', 'item_owner', 'assessor'],
  confirmed: ['parent_admin'],
  published: ['agency_admin', 'head_of_agency'],
};

/** The stage a round in `state` stands at. */
export function stageOf(state: RoundState): RoundStage {
  return state === 'withdrawn' ? 'published' : state;
}

/** The pages a line of work leads to (the round's page turns each into its address). */
export type WorkTarget =
  | 'surveys'
  | 'oit'
  | 'review'
  | 'clarify'
  | 'results'
  | 'reports'
  | 'measures'
  | 'calendar'
  | 'voice';

/** The survey responses of one instrument against its minimum sample (null: none known). */
export interface SurveyCount {
  code: string;
  responses: number;
  minimum: number | null;
}

/** What the features know of a round, counted: the step list reads nothing else. */
export interface RoundFacts {
  surveys: readonly SurveyCount[];
  /** OIT items of the round's edition. */
  oitItems: number;
  /** The agency's evidence per item entered so far, with its status. */
  evidence: readonly { itemCode: string; status: string }[];
  /** The assessors assigned to the round. */
  assessors: readonly { userId: string; role: 'primary' | 'second' }[];
  /** The primary assessor's latest decision per item (the decisions scores go by). */
  decisions: readonly { itemCode: string; stage: 'initial' | 'final'; score: number }[];
  /** Items the agency answered during clarification. */
  clarified: readonly string[];
}

/** One line of what is left (or done) in a stage: a count, who acts, and where. */
export interface WorkLine {
  /** A stable name of the line (tests, page anchors). */
  key: string;
  text: Message;
  /** Whether something is still to be done on this line. */
  open: boolean;
  actors: readonly Role[];
  target: WorkTarget;
}

/** How far a step is: done, where the round stands, still to come, or withdrawn (the last). */
export type StepStatus = 'done' | 'current' | 'upcoming' | 'withdrawn';

/** One step of the round's step list. */
export interface RoundStep {
  stage: RoundStage;
  name: Message;
  meaning: Message;
  actors: readonly Role[];
  status: StepStatus;
  /** What is left and where it is done: for the step the round stands at only. */
  work: WorkLine[];
}

const EVIDENCE_STEPS = ['draft', 'ready', 'approved', 'submitted'] as const;

/** The items of a round by evidence status; an item nobody has started counts as a draft. */
export function countEvidence(facts: RoundFacts): Record<(typeof EVIDENCE_STEPS)[number], number> {
  const counts = { draft: 0, ready: 0, approved: 0, submitted: 0 };
  for (const e of facts.evidence) {
    const status = EVIDENCE_STEPS.find((s) => s === e.status);
    if (status && status !== 'draft') counts[status] += 1;
  }
  counts.draft = Math.max(0, facts.oitItems - counts.ready - counts.approved - counts.submitted);
  return counts;
}

function text(th: string, en: string): Message {
  return { th, en };
}

function surveyLines(facts: RoundFacts): WorkLine[] {
  return facts.surveys.map((s) => {
    const base: Pick<WorkLine, 'key' | 'actors' | 'target'> = {
      key: `survey-${s.code}`,
      actors: ['agency_admin'],
      target: 'surveys',
    };
    if (s.minimum === null)
      return {
        ...base,
        open: false,
        text: text(
          `แบบวัด ${s.code}: ตอบแล้ว ${s.responses} คน (ยังไม่มีจำนวนขั้นต่ำ: ไม่ทราบจำนวนผู้ที่ตอบได้)`,
          `${s.code} survey: ${s.responses} responses (no minimum sample: the number who may answer is not known)`,
        ),
      };
    const missing = Math.max(0, s.minimum - s.responses);
    return {
      ...base,
      open: missing > 0,
      text:
        missing > 0
          ? text(
              `แบบวัด ${s.code}: ตอบแล้ว ${s.responses} จากขั้นต่ำ ${s.minimum} คน (ขาดอีก ${missing} คน)`,
              `${s.code} survey: ${s.responses} of the minimum ${s.minimum} responses (${missing} more needed)`,
            )
          : text(
              `แบบวัด ${s.code}: ตอบแล้ว ${s.responses} คน ครบขั้นต่ำ ${s.minimum} คนแล้ว`,
              `${s.code} survey: ${s.responses} responses, the minimum of ${s.minimum} is reached`,
            ),
    };
  });
}

function primaryLine(facts: RoundFacts): WorkLine[] {
  if (facts.assessors.some((a) => a.role === 'primary')) return [];
  return [
    {
      key: 'assessor',
      open: true,
      actors: ['parent_admin'],
      target: 'review',
      text: text(
        'ยังไม่ได้มอบหมายผู้ประเมินหลักให้รอบนี้',
        'No primary assessor is assigned to this round yet',
      ),
    },
  ];
}

function evidenceLines(facts: RoundFacts): WorkLine[] {
  const c = countEvidence(facts);
  const n = facts.oitItems;
  return [
    {
      key: 'oit-draft',
      open: c.draft > 0,
      actors: ['item_owner', 'agency_admin'],
      target: 'oit',
      text: text(
        `ข้อ OIT ที่ยังร่างอยู่หรือยังไม่เริ่ม: ${c.draft} จาก ${n} ข้อ`,
        `OIT items still in draft or not started: ${c.draft} of ${n}`,
      ),
    },
    {
      key: 'oit-ready',
      open: c.ready > 0,
      actors: ['head_of_agency'],
      target: 'oit',
      text: text(
        `พร้อมเสนอ รอหัวหน้าหน่วยงานอนุมัติ: ${c.ready} ข้อ`,
        `Ready, waiting for the head of agency's approval: ${c.ready}`,
      ),
    },
    {
      key: 'oit-approved',
      open: c.approved > 0,
      actors: ['agency_admin'],
      target: 'oit',
      text: text(
        `อนุมัติแล้ว รอผู้ดูแลของหน่วยงานส่ง: ${c.approved} ข้อ`,
        `Approved, waiting for the agency administrator to submit: ${c.approved}`,
      ),
    },
    {
      key: 'oit-submitted',
      open: c.submitted < n,
      actors: ['agency_admin'],
      target: 'oit',
      text: text(`ส่งแล้ว: ${c.submitted} จาก ${n} ข้อ`, `Submitted: ${c.submitted} of ${n}`),
    },
  ];
}

/** Submitted items the primary assessor has not decided yet (the review's first round). */
function reviewLines(facts: RoundFacts): WorkLine[] {
  const submitted = facts.evidence.filter((e) => e.status === 'submitted').map((e) => e.itemCode);
  const decided = new Set(facts.decisions.map((d) => d.itemCode));
  const pending = submitted.filter((code) => !decided.has(code)).length;
  const notSent = Math.max(0, facts.oitItems - submitted.length);
  return [
    ...primaryLine(facts),
    {
      key: 'review-pending',
      open: pending > 0,
      actors: ['assessor'],
      target: 'review',
      text: text(
        `ข้อที่ส่งแล้วและรอผลการตรวจ: ${pending} จาก ${submitted.length} ข้อ`,
        `Submitted items waiting for a decision: ${pending} of ${submitted.length}`,
      ),
    },
    {
      key: 'review-not-sent',
      open: false,
      actors: ['assessor'],
      target: 'oit',
      text: text(
        `ข้อที่หน่วยงานไม่ได้ส่งหลักฐาน: ${notSent} ข้อ`,
        `Items the agency sent no evidence for: ${notSent}`,
      ),
    },
  ];
}

/** Failed items to clarify, and clarified items waiting for the final decision. */
function clarificationLines(facts: RoundFacts): WorkLine[] {
  const failed = facts.decisions.filter((d) => !isPass(d.score)).map((d) => d.itemCode);
  const answered = new Set(facts.clarified);
  const due = failed.filter((code) => !answered.has(code)).length;
  const waiting = facts.decisions.filter(
    (d) => answered.has(d.itemCode) && d.stage === 'initial',
  ).length;
  return [
    {
      key: 'clarify-due',
      open: due > 0,
      actors: ['agency_admin', 'item_owner'],
      target: 'clarify',
      text: text(
        `ข้อที่ไม่ผ่านและยังไม่ได้ชี้แจง: ${due} จาก ${failed.length} ข้อ`,
        `Failed items not yet answered: ${due} of ${failed.length}`,
      ),
    },
    {
      key: 'review-final',
      open: waiting > 0,
      actors: ['assessor'],
      target: 'review',
      text: text(
        `คำชี้แจงที่รอผู้ประเมินให้ผลรอบสุดท้าย: ${waiting} ข้อ`,
        `Answers waiting for the assessor's final decision: ${waiting}`,
      ),
    },
  ];
}

function resultLines(stage: 'confirmed' | 'published'): WorkLine[] {
  const results: WorkLine = {
    key: 'results',
    open: false,
    actors: ['agency_admin', 'head_of_agency', 'parent_admin'],
    target: 'results',
    text: text('ผลคะแนนและจุดอ่อนของรอบนี้', "This round's scores and weak points"),
  };
  if (stage === 'confirmed') return [results];
  return [
    results,
    {
      key: 'measures',
      open: true,
      actors: ['agency_admin', 'head_of_agency'],
      target: 'measures',
      text: text(
        'จัดทำและติดตามมาตรการปรับปรุงจากจุดอ่อน',
        'Draw up and follow the improvement measures for the weak points',
      ),
    },
  ];
}

/** What is left in the stage a round stands at, each line with who acts and where. */
export function workOf(state: RoundState, facts: RoundFacts): WorkLine[] {
  switch (state) {
    case 'setup':
      return [...evidenceLines(facts).slice(0, 1), ...surveyLines(facts), ...primaryLine(facts)];
    case 'collecting':
      return [...surveyLines(facts), ...evidenceLines(facts), ...primaryLine(facts)];
    case 'oit_review':
      return reviewLines(facts);
    case 'clarification':
      return clarificationLines(facts);
    case 'confirmed':
      return resultLines('confirmed');
    case 'published':
    case 'withdrawn':
      return resultLines('published');
  }
}

/** The round's step list: every stage, the one it stands at with its work. */
export function roundSteps(state: RoundState, facts: RoundFacts): RoundStep[] {
  const here = ROUND_STAGES.indexOf(stageOf(state));
  return ROUND_STAGES.map((stage, i) => {
    const current = i === here;
    const status: StepStatus =
      i < here ? 'done' : current ? (state === 'withdrawn' ? 'withdrawn' : 'current') : 'upcoming';
    return {
      stage,
      name: STAGE_NAMES[stage],
      meaning: current && state === 'withdrawn' ? WITHDRAWN_MEANING : STAGE_MEANINGS[stage],
      actors: current && state === 'withdrawn' ? ['system_admin'] : STAGE_ACTORS[stage],
      status,
      work: current ? workOf(state, facts) : [],
    };
  });
}

/**
 * The roles the access table lets move a round on from `state` to the next stage, in the
 * table's order of roles; empty at the end of the road (a published round is not moved on:
 * withdrawing it, and reopening a withdrawn one, are corrections, not the year's next step).
 */
export function moversOf(state: RoundState): Role[] {
  const forward = nextRoundStates(state)[0];
  if (forward === undefined || state === 'published' || state === 'withdrawn') return [];
  const who: Partial<Record<Role, unknown>> = ACCESS[moveActionOf(state, forward)].who;
  return ROLES.filter((role) => who[role] !== undefined);
}

/** Who reads the round's page: their grants and their account (for an assessor's assignment). */
export interface Viewer {
  userId: string;
  grants: readonly Grant[];
}

/**
 * Whether the viewer may open a page of the round: the same checks as the page's route (the
 * OIT review: who may assign its assessors, or an assessor assigned to it; the other pages:
 * whoever may see the round).
 */
export function mayOpen(
  target: WorkTarget,
  viewer: Viewer,
  round: { agencyPath: string },
  assessors: RoundFacts['assessors'],
): boolean {
  const { grants } = viewer;
  if (target === 'review') {
    const role = assessors.find((a) => a.userId === viewer.userId)?.role ?? null;
    return (
      canAssignAssessors(grants, round.agencyPath) || canReview(grants, round.agencyPath, role)
    );
  }
  return isAllowed(grants, 'round.view', round.agencyPath);
}
