import type { Role } from '../../../core/access/roles.js';
import type { Message } from '../../../core/errors.js';

/**
 * Internal work planned backwards from the edition's national milestones. The milestones and
 * their dates are edition data (`calendar:` in frameworks/*.yaml); the lead times below are the
 * project's suggested internal plan, not an assessment rule, and every task can be moved.
 */
export interface PlanStep {
  /** Stable key of the step: a round holds at most one planned task per key. */
  key: string;
  /** Code of the edition milestone the step hangs on. */
  milestone: string;
  /** Counted from the milestone's first or last day. */
  anchor: 'start' | 'end';
  /** Days from the anchor: negative before it, positive after it. */
  offsetDays: number;
  /** Who usually does it: the planner gives the task to a member holding this role. */
  role: Role;
  title: Message;
}

/** A task with a date, produced from a step and a milestone. */
export interface PlannedTask {
  planKey: string;
  milestoneCode: string;
  title: Message;
  dueOn: string;
  role: Role;
}

/** A milestone as the planner needs it (the edition's MilestoneSchema). */
export interface MilestoneDates {
  code: string;
  name: Message;
  start: string;
  end: string;
}

/** Reminders call work "due soon" this many days ahead (a screen choice, not an ITA rule). */
export const DUE_SOON_DAYS = 7;

export const DEFAULT_PLAN: readonly PlanStep[] = [
  {
    key: 'gather_counts',
    milestone: 'registration',
    anchor: 'start',
    offsetDays: -14,
    role: 'agency_admin',
    title: {
      th: 'รวบรวมจำนวนบุคลากรและผู้มีส่วนได้ส่วนเสียของหน่วยงาน',
      en: 'Gather staff and stakeholder numbers',
    },
  },
  {
    key: 'enter_counts',
    milestone: 'registration',
    anchor: 'end',
    offsetDays: -7,
    role: 'agency_admin',
    title: {
      th: 'บันทึกจำนวนผู้มีส่วนได้ส่วนเสียให้ครบก่อนปิดลงทะเบียน',
      en: 'Enter the stakeholder numbers before registration closes',
    },
  },
  {
    key: 'assign_oit_owners',
    milestone: 'oit_entry',
    anchor: 'start',
    offsetDays: -21,
    role: 'agency_admin',
    title: { th: 'มอบหมายผู้รับผิดชอบข้อ OIT ทุกข้อ', en: 'Give every OIT item an owner' },
  },
  {
    key: 'oit_evidence_ready',
    milestone: 'oit_entry',
    anchor: 'end',
    offsetDays: -14,
    role: 'item_owner',
    title: {
      th: 'เผยแพร่ข้อมูลบนเว็บไซต์และใส่หลักฐาน OIT ให้ครบ',
      en: 'Publish the information and enter all OIT evidence',
    },
  },
  {
    key: 'oit_head_approval',
    milestone: 'oit_entry',
    anchor: 'end',
    offsetDays: -5,
    role: 'head_of_agency',
    title: {
      th: 'หัวหน้าหน่วยงานตรวจและอนุมัติข้อมูล OIT',
      en: 'Head of agency reviews and approves the OIT entries',
    },
  },
  {
    key: 'announce_surveys',
    milestone: 'survey_collection',
    anchor: 'start',
    offsetDays: -3,
    role: 'agency_admin',
    title: {
      th: 'ประชาสัมพันธ์ลิงก์และ QR ของแบบวัด IIT และ EIT',
      en: 'Share the IIT and EIT survey links and QR codes',
    },
  },
  {
    key: 'check_sample',
    milestone: 'survey_collection',
    anchor: 'end',
    offsetDays: -10,
    role: 'agency_admin',
    title: {
      th: 'ตรวจจำนวนผู้ตอบแบบวัดให้ถึงขั้นต่ำ',
      en: 'Check that the surveys reach the minimum sample',
    },
  },
  {
    key: 'prepare_clarification',
    milestone: 'clarification',
    anchor: 'start',
    offsetDays: 0,
    role: 'item_owner',
    title: {
      th: 'เตรียมคำชี้แจงและหลักฐานเพิ่มเติมของข้อที่ไม่ผ่าน',
      en: 'Prepare explanations and new evidence for failed items',
    },
  },
  {
    key: 'plan_measures',
    milestone: 'results',
    anchor: 'end',
    offsetDays: 30,
    role: 'agency_admin',
    title: {
      th: 'จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสจากผลการประเมิน',
      en: 'Draw up improvement measures from the results',
    },
  },
];

/** The date `days` days after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** Dated tasks for the milestones an edition has; steps whose milestone is absent are left out. */
export function planTasks(
  milestones: readonly MilestoneDates[],
  plan: readonly PlanStep[] = DEFAULT_PLAN,
): PlannedTask[] {
  const byCode = new Map(milestones.map((ms) => [ms.code, ms]));
  const tasks: PlannedTask[] = [];
  for (const step of plan) {
    const milestone = byCode.get(step.milestone);
    if (!milestone) continue;
    const from = step.anchor === 'start' ? milestone.start : milestone.end;
    tasks.push({
      planKey: step.key,
      milestoneCode: step.milestone,
      title: step.title,
      dueOn: addDays(from, step.offsetDays),
      role: step.role,
    });
  }
  return tasks.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** Where an open task stands on `today`: late, due within DUE_SOON_DAYS, or later. */
export type Urgency = 'overdue' | 'due_soon' | 'later' | 'done';

/** The urgency of a task due on `dueOn` (YYYY-MM-DD) seen on `today`. */
export function urgencyOf(
  task: { dueOn: string; done: boolean },
  today: string,
  soonDays = DUE_SOON_DAYS,
): Urgency {
  if (task.done) return 'done';
  if (task.dueOn < today) return 'overdue';
  if (task.dueOn <= addDays(today, soonDays)) return 'due_soon';
  return 'later';
}

/** Items grouped by the month (YYYY-MM) of their date, months and items in date order. */
export function groupByMonth<T>(
  items: readonly T[],
  dateOf: (item: T) => string,
): { month: string; items: T[] }[] {
  const sorted = [...items].sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
  const groups: { month: string; items: T[] }[] = [];
  for (const item of sorted) {
    const month = dateOf(item).slice(0, 7);
    const last = groups.at(-1);
    if (last?.month === month) last.items.push(item);
    else groups.push({ month, items: [item] });
  }
  return groups;
}
