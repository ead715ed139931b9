import { describe, expect, it } from 'vitest';
import type { Grant, Role } from '../../../core/access/roles.js';
import {
  countEvidence,
  mayOpen,
  moversOf,
  ROUND_STAGES,
  roundSteps,
  stageOf,
  workOf,
  type RoundFacts,
  type WorkLine,
} from './round-progress.js';
import { ROUND_STATES } from './round-state.js';

/** A round of 10 OIT items: IIT 12 of a minimum of 30, EIT 40 with no minimum known. */
const FACTS: RoundFacts = {
  surveys: [
    { code: 'IIT', responses: 12, minimum: 30 },
    { code: 'EIT', responses: 40, minimum: null },
  ],
  oitItems: 10,
  evidence: [
    { itemCode: 'O1', status: 'draft' },
    { itemCode: 'O2', status: 'ready' },
    { itemCode: 'O3', status: 'ready' },
    { itemCode: 'O4', status: 'approved' },
    { itemCode: 'O5', status: 'submitted' },
    { itemCode: 'O6', status: 'submitted' },
    { itemCode: 'O7', status: 'submitted' },
  ],
  assessors: [],
  decisions: [],
  clarified: [],
};

function line(lines: readonly WorkLine[], key: string): WorkLine {
  const found = lines.find((l) => l.key === key);
  if (!found) throw new Error(`no line ${key} among ${lines.map((l) => l.key).join(', ')}`);
  return found;
}

describe('the step list of a round', () => {
  it('lists the six stages in order, the current one with its work, those before it done', () => {
    const steps = roundSteps('oit_review', FACTS);
    expect(steps.map((s) => s.name.th)).toEqual([
      'เตรียมการ',
      'เก็บข้อมูล',
      'ตรวจ OIT',
      'ชี้แจง',
      'ยืนยันผล',
      'ประกาศผล',
    ]);
    expect(steps.map((s) => s.status)).toEqual([
      'done',
      'done',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(steps.filter((s) => s.work.length > 0).map((s) => s.stage)).toEqual(['oit_review']);
    expect(steps[2]?.actors).toEqual(['assessor']);
  });

  it('puts every state on one stage; a withdrawn round stands at the last, withdrawn', () => {
    for (const state of ROUND_STATES) expect(ROUND_STAGES).toContain(stageOf(state));
    const steps = roundSteps('withdrawn', FACTS);
    expect(steps.map((s) => s.status)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'done',
      'withdrawn',
    ]);
    expect(steps[5]?.actors).toEqual(['system_admin']);
    expect(steps[5]?.meaning.th).toContain('ถอน');
    expect(roundSteps('published', FACTS)[5]?.meaning.th).not.toContain('ถอน');
  });

  it('counts responses against the minimum sample while collecting', () => {
    const work = workOf('collecting', FACTS);
    const iit = line(work, 'survey-IIT');
    expect(iit.open).toBe(true);
    expect(iit.text.th).toBe('แบบวัด IIT: ตอบแล้ว 12 จากขั้นต่ำ 30 คน (ขาดอีก 18 คน)');
    expect(iit.target).toBe('surveys');
    const eit = line(work, 'survey-EIT');
    expect(eit.open).toBe(false);
    expect(eit.text.th).toContain('ตอบแล้ว 40 คน');
    const reached = workOf('collecting', {
      ...FACTS,
      surveys: [{ code: 'IIT', responses: 31, minimum: 30 }],
    });
    expect(line(reached, 'survey-IIT').open).toBe(false);
    expect(line(reached, 'survey-IIT').text.th).toContain('ครบขั้นต่ำ 30 คนแล้ว');
  });

  it('counts the OIT items drafted (or not started), ready, approved and submitted', () => {
    expect(countEvidence(FACTS)).toEqual({ draft: 4, ready: 2, approved: 1, submitted: 3 });
    const work = workOf('collecting', FACTS);
    expect(line(work, 'oit-draft').text.th).toBe('ข้อ OIT ที่ยังร่างอยู่หรือยังไม่เริ่ม: 4 จาก 10 ข้อ');
    expect(line(work, 'oit-ready').actors).toEqual(['head_of_agency']);
    expect(line(work, 'oit-ready').text.th).toContain('2 ข้อ');
    expect(line(work, 'oit-approved').actors).toEqual(['agency_admin']);
    expect(line(work, 'oit-approved').text.th).toContain('1 ข้อ');
    expect(line(work, 'oit-submitted').text.th).toBe('ส่งแล้ว: 3 จาก 10 ข้อ');
    expect(work.filter((l) => l.key.startsWith('oit-')).every((l) => l.target === 'oit')).toBe(
      true,
    );
  });

  it('asks the parent body for a primary assessor until one is assigned', () => {
    expect(line(workOf('collecting', FACTS), 'assessor').actors).toEqual(['parent_admin']);
    const assigned = { ...FACTS, assessors: [{ userId: 'a', role: 'primary' as const }] };
    expect(workOf('collecting', assigned).some((l) => l.key === 'assessor')).toBe(false);
    expect(workOf('oit_review', assigned).some((l) => l.key === 'assessor')).toBe(false);
    const second = { ...FACTS, assessors: [{ userId: 'a', role: 'second' as const }] };
    expect(line(workOf('oit_review', second), 'assessor').open).toBe(true);
  });

  it('counts the submitted items waiting for a decision during the review', () => {
    const facts: RoundFacts = {
      ...FACTS,
      assessors: [{ userId: 'a', role: 'primary' }],
      decisions: [{ itemCode: 'O5', stage: 'initial', score: 0 }],
    };
    const work = workOf('oit_review', facts);
    const pending = line(work, 'review-pending');
    expect(pending.text.th).toBe('ข้อที่ส่งแล้วและรอผลการตรวจ: 2 จาก 3 ข้อ');
    expect(pending.open).toBe(true);
    expect(pending.target).toBe('review');
    expect(line(work, 'review-not-sent').text.th).toContain('7 ข้อ');
    // during the review the agency is not told which items passed or failed
    expect(work.map((l) => l.text.th).join(' ')).not.toContain('ไม่ผ่าน');
  });

  it('counts the failed items still to clarify and the answers waiting for a final decision', () => {
    const facts: RoundFacts = {
      ...FACTS,
      assessors: [{ userId: 'a', role: 'primary' }],
      decisions: [
        { itemCode: 'O5', stage: 'initial', score: 0 },
        { itemCode: 'O6', stage: 'initial', score: 0 },
        { itemCode: 'O7', stage: 'initial', score: 100 },
        { itemCode: 'O4', stage: 'final', score: 0 },
      ],
      clarified: ['O5', 'O4'],
    };
    const work = workOf('clarification', facts);
    const due = line(work, 'clarify-due');
    expect(due.text.th).toBe('ข้อที่ไม่ผ่านและยังไม่ได้ชี้แจง: 1 จาก 3 ข้อ');
    expect(due.open).toBe(true);
    expect(due.target).toBe('clarify');
    expect(due.actors).toEqual(['agency_admin', 'item_owner']);
    const waiting = line(work, 'review-final');
    expect(waiting.text.th).toBe('คำชี้แจงที่รอผู้ประเมินให้ผลรอบสุดท้าย: 1 ข้อ');
    expect(waiting.open).toBe(true);
    const allAnswered = workOf('clarification', { ...facts, clarified: ['O4', 'O5', 'O6'] });
    expect(line(allAnswered, 'clarify-due').open).toBe(false);
  });

  it('leads a confirmed round to its results and a published one to its measures', () => {
    expect(workOf('confirmed', FACTS).map((l) => l.target)).toEqual(['results']);
    expect(workOf('published', FACTS).map((l) => l.target)).toEqual(['results', 'measures']);
  });

  it('names who moves the round on, from the access table', () => {
    expect(moversOf('setup')).toEqual(['system_admin', 'parent_admin']);
    expect(moversOf('clarification')).toEqual(['system_admin', 'parent_admin']);
    expect(moversOf('confirmed')).toEqual(['system_admin', 'parent_admin']);
    expect(moversOf('published')).toEqual([]);
    expect(moversOf('withdrawn')).toEqual([]);
  });
});

describe('which pages of a round a person may open', () => {
  const unit = { agencyPath: '/m/d1/' };
  const viewer = (role: Role, agencyPath: string | null, userId = 'me') => ({
    userId,
    grants: [{ role, agencyId: agencyPath, agencyPath }] satisfies Grant[],
  });

  it("keeps the OIT review from the agency's own staff", () => {
    for (const role of ['agency_admin', 'head_of_agency', 'item_owner', 'viewer'] as const) {
      expect([role, mayOpen('review', viewer(role, '/m/d1/'), unit, [])]).toEqual([role, false]);
      expect([role, mayOpen('oit', viewer(role, '/m/d1/'), unit, [])]).toEqual([role, true]);
      expect([role, mayOpen('clarify', viewer(role, '/m/d1/'), unit, [])]).toEqual([role, true]);
    }
  });

  it('opens the OIT review to the parent body and to the assessor assigned to the round', () => {
    expect(mayOpen('review', viewer('parent_admin', '/m/'), unit, [])).toBe(true);
    expect(mayOpen('review', viewer('system_admin', null), unit, [])).toBe(true);
    const assessor = viewer('assessor', '/m/', 'a1');
    expect(mayOpen('review', assessor, unit, [])).toBe(false);
    expect(mayOpen('review', assessor, unit, [{ userId: 'a1', role: 'second' }])).toBe(true);
    expect(mayOpen('review', assessor, unit, [{ userId: 'a2', role: 'primary' }])).toBe(false);
  });

  it('opens nothing of a round out of reach', () => {
    const other = viewer('agency_admin', '/m/d2/');
    for (const target of ['surveys', 'oit', 'results', 'measures', 'review'] as const)
      expect([target, mayOpen(target, other, unit, [])]).toEqual([target, false]);
  });
});
