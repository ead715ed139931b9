import { z } from 'zod';
import { ROUND_STATES } from '../../rounds/feature.js';
import { IdParams } from '../../../platform/http/typed-routes.js';
import {
  BeDate,
  FormText as text,
  looseFormOf as formOf,
} from '../../../platform/http/typed-routes.js';

/** The zod schemas of the calendar routes: what they read, and what the JSON API answers. */

/** `/rounds/:id/calendar/tasks/:taskId` (and `/feed/:file`). */
export const TaskParams = IdParams.extend({ taskId: z.string().min(1).max(200) });
export const FeedParams = z.object({ file: z.string() });

/** `?planned=` after planning a round. */
export const PlannedQuery = z.object({ planned: text });

/** The task form (add and edit); the due day is typed as day/month/BE year. */
export const TaskForm = formOf({
  title: text,
  titleEn: text,
  dueOn: BeDate,
  ownerUserId: text,
  milestoneCode: text,
});

/** The "done" / "open again" button of a task (`done=0` opens it again). */
export const TaskDoneForm = formOf({ done: text });

const RoundJsonSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyCode: z.string(),
  agencyNameTh: z.string(),
  agencyPath: z.string(),
  editionId: z.string(),
  editionCode: z.string(),
  editionYear: z.number().int(),
  state: z.enum(ROUND_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const MilestoneJsonSchema = z.object({
  code: z.string(),
  name: z.object({ th: z.string(), en: z.string() }),
  start: z.string(),
  end: z.string(),
  provisional: z.boolean(),
  source: z.string().nullable(),
  editionCode: z.string(),
  editionYear: z.number().int(),
  phase: z.enum(['past', 'current', 'upcoming']),
});

const TaskJsonSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  planKey: z.string().nullable(),
  milestoneCode: z.string().nullable(),
  title: z.string(),
  titleEn: z.string().nullable(),
  dueOn: z.string(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(['todo', 'done']),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A round's calendar as the API answers it. */
export const RoundCalendarJsonSchema = z.object({
  round: RoundJsonSchema,
  mayManage: z.boolean(),
  today: z.string(),
  milestones: z.array(MilestoneJsonSchema),
  tasks: z.array(
    TaskJsonSchema.extend({ urgency: z.enum(['overdue', 'due_soon', 'later', 'done']) }),
  ),
});

/** A task just added. */
export const TaskCreatedJsonSchema = z.object({ task: TaskJsonSchema });
