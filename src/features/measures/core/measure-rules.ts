import type { Message } from '../../../core/errors.js';
import { DomainError } from '../../../core/errors.js';

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const TARGET_TYPES = ['indicator', 'question', 'oit_item'] as const;
export type MeasureTargetType = (typeof TARGET_TYPES)[number];

export const STATUS_NAMES: Record<MeasureStatus, Message> = {
  planned: { th: 'วางแผน', en: 'Planned' },
  in_progress: { th: 'กำลังดำเนินการ', en: 'In progress' },
  done: { th: 'ดำเนินการแล้วเสร็จ', en: 'Done' },
  dropped: { th: 'ยกเลิก', en: 'Dropped' },
};

export const TARGET_NAMES: Record<MeasureTargetType, Message> = {
  indicator: { th: 'ตัวชี้วัด', en: 'Indicator' },
  question: { th: 'ข้อคำถาม', en: 'Question' },
  oit_item: { th: 'ข้อ OIT', en: 'OIT item' },
};

/** Which status may follow which: a finished measure can be reopened, a dropped one restarted. */
const NEXT: Record<MeasureStatus, MeasureStatus[]> = {
  planned: ['in_progress', 'done', 'dropped'],
  in_progress: ['planned', 'done', 'dropped'],
  done: ['in_progress'],
  dropped: ['planned'],
};

/** Whether a measure may move from one status to another (staying put is always allowed). */
export function canMoveMeasure(from: MeasureStatus, to: MeasureStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** Throws a typed error when a status change is not allowed. */
export function checkMeasureMove(from: MeasureStatus, to: MeasureStatus): void {
  if (canMoveMeasure(from, to)) return;
  throw new DomainError(
    'invalid_transition',
    {
      th: `เปลี่ยนสถานะจาก "${STATUS_NAMES[from].th}" เป็น "${STATUS_NAMES[to].th}" ไม่ได้`,
      en: `A measure cannot move from ${STATUS_NAMES[from].en} to ${STATUS_NAMES[to].en}`,
    },
    { field: 'status' },
  );
}

/** Whether a measure still counts for the agency's documents (a dropped one does not). */
export function isLiveMeasure(measure: { status: MeasureStatus }): boolean {
  return measure.status !== 'dropped';
}

/** Whether a measure is past its due date (YYYY-MM-DD) and still open on `today`. */
export function isOverdue(
  measure: { status: MeasureStatus; dueOn: string | null },
  today: string,
): boolean {
  if (measure.dueOn === null) return false;
  if (measure.status === 'done' || measure.status === 'dropped') return false;
  return measure.dueOn < today;
}

/** A weak point a measure may answer. */
export interface WeakTarget {
  type: MeasureTargetType;
  code: string;
  name: Message;
  score: number;
  lost: number;
}

/** A measure proposed from a weak point. */
export interface MeasureSuggestion {
  targetType: MeasureTargetType;
  targetCode: string;
  targetName: Message;
  score: number;
  lost: number;
  title: Message;
  description: Message;
}

function wordingFor(target: WeakTarget): { title: Message; description: Message } {
  const { th, en } = target.name;
  if (target.type === 'oit_item') {
    return {
      title: {
        th: `เผยแพร่ข้อมูล ${target.code} ${th} ให้ครบทุกองค์ประกอบบนเว็บไซต์หลักของหน่วยงาน`,
        en: `Publish ${target.code} ${en} with every required element on the main website`,
      },
      description: {
        th: 'กำหนดผู้รับผิดชอบ ตรวจรายการองค์ประกอบที่ต้องมีให้ครบ เผยแพร่บนเว็บไซต์หลัก และทบทวนลิงก์ก่อนส่งหลักฐาน',
        en: 'Name an owner, check every required element, publish on the main website and check the links before submitting evidence',
      },
    };
  }
  if (target.type === 'question') {
    return {
      title: {
        th: `ชี้แจงบุคลากรและปรับขั้นตอนการปฏิบัติงานเรื่อง "${th}"`,
        en: `Brief staff and fix the working procedure on "${en}"`,
      },
      description: {
        th: 'จัดประชุมชี้แจงบุคลากร ทบทวนขั้นตอนและคู่มือการปฏิบัติงานที่เกี่ยวข้อง และสื่อสารให้ผู้รับบริการรับทราบ',
        en: 'Hold a staff briefing, review the related procedure and manual, and tell service users about the change',
      },
    };
  }
  return {
    title: {
      th: `แผนยกระดับตัวชี้วัดที่ ${target.code} ${th}`,
      en: `Plan to raise indicator ${target.code} ${en}`,
    },
    description: {
      th: 'วิเคราะห์ข้อคำถามที่ได้คะแนนต่ำในตัวชี้วัดนี้ กำหนดกิจกรรม ผู้รับผิดชอบ และระยะเวลา แล้วติดตามผลทุกไตรมาส',
      en: 'Analyse the low-scoring questions of this indicator, set activities, owners and dates, and follow up each quarter',
    },
  };
}

/**
 * Proposes one measure for each of the `limit` weakest targets of every type (most points lost
 * first), skipping targets that already have a measure that is not dropped.
 */
export function suggestMeasures(
  targets: readonly WeakTarget[],
  existing: readonly { targetType: string; targetCode: string; status: MeasureStatus }[] = [],
  limit = 3,
): MeasureSuggestion[] {
  const covered = new Set(
    existing.filter((e) => e.status !== 'dropped').map((e) => `${e.targetType}:${e.targetCode}`),
  );
  return TARGET_TYPES.flatMap((type) =>
    targets
      .filter((t) => t.type === type && t.lost > 0 && !covered.has(`${t.type}:${t.code}`))
      .sort((a, b) => b.lost - a.lost || a.score - b.score || a.code.localeCompare(b.code))
      .slice(0, limit),
  ).map((t) => ({
    targetType: t.type,
    targetCode: t.code,
    targetName: t.name,
    score: t.score,
    lost: t.lost,
    ...wordingFor(t),
  }));
}
