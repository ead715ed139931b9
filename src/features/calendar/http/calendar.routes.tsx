import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type Message } from '../../../core/errors.js';
import {
  getFeedInfo,
  getMyCalendar,
  regenerateFeedToken,
  renderFeed,
} from '../services/calendar-feed.service.js';
import {
  createTask,
  editTask,
  getRoundCalendar,
  planRoundCalendar,
  setTaskDone,
  TaskInputSchema,
  type TaskInput,
} from '../services/calendar.service.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { describeApi } from '../../../platform/http/openapi.js';
import { sendPage } from '../../../platform/http/render.js';
import { formValues, signedIn } from '../../../platform/http/route-support.js';
import { FeedPage, MyCalendarPage } from './views/calendar-mine.js';
import { RoundCalendarPage, TaskEditPage, type TaskFormValues } from './views/calendar-round.js';
import { type FieldErrors } from '../../../platform/http/views/form.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import { answerFormRefusal, changing, guarded } from '../../../platform/http/route-kit.js';

/** The feed is opened by calendar programs without a session: the token is the secret. */
const FEED_LIMIT = { config: { rateLimit: { max: 30, timeWindow: 60_000 } } };

type Params = { id: string; taskId?: string; file?: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;

function taskInputOf(values: Record<string, string>): TaskInput {
  const { title = '', titleEn = '', dueOn = '', ownerUserId = '', milestoneCode = '' } = values;
  return { title, titleEn, dueOn, ownerUserId, milestoneCode };
}

function plannedNotice(query: unknown): Message | null {
  const planned = (query as { planned?: string }).planned;
  if (planned === undefined || !/^\d+$/.test(planned)) return null;
  return m(`วางแผนแล้ว เพิ่ม ${planned} งาน`, `Planned: ${planned} task(s) added`);
}

function registerRoundCalendar(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    values: TaskFormValues,
    errors: FieldErrors,
    status = 200,
  ) {
    try {
      const calendar = await getRoundCalendar(ctx, signedIn(request), paramsOf(request).id);
      const page = (
        <RoundCalendarPage
          page={pageOf(request)}
          calendar={calendar}
          values={values}
          errors={errors}
          notice={plannedNotice(request.query)}
        />
      );
      return sendPage(reply, page, status);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/rounds/:id/calendar', guarded, (request, reply) => render(request, reply, {}, {}));
  app.post('/rounds/:id/calendar/plan', changing, async (request, reply) => {
    const { id } = paramsOf(request);
    try {
      const added = await planRoundCalendar(ctx, signedIn(request), id);
      return reply.redirect(`/rounds/${id}/calendar?planned=${added}`);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  app.post('/rounds/:id/calendar/tasks', changing, async (request, reply) => {
    const values = formValues(request);
    const { id } = paramsOf(request);
    try {
      const task = await createTask(ctx, signedIn(request), id, taskInputOf(values));
      return reply.redirect(`/rounds/${id}/calendar#task-${task.id}`);
    } catch (error) {
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, values, errors, 400),
      );
    }
  });
}

function registerTask(app: FastifyInstance, ctx: ServiceContext): void {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    values: TaskFormValues | null,
    errors: FieldErrors,
    status = 200,
  ) {
    const { id, taskId = '' } = paramsOf(request);
    try {
      const calendar = await getRoundCalendar(ctx, signedIn(request), id);
      const task = calendar.tasks.find((t) => t.id === taskId);
      if (!task || !calendar.mayManage)
        throw new DomainError('not_found', { th: 'ไม่พบงาน', en: 'Task not found' });
      const page = (
        <TaskEditPage
          page={pageOf(request)}
          calendar={calendar}
          task={task}
          values={values ?? task}
          errors={errors}
        />
      );
      return sendPage(reply, page, status);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  }
  app.get('/rounds/:id/calendar/tasks/:taskId', guarded, (request, reply) =>
    render(request, reply, null, {}),
  );
  app.post('/rounds/:id/calendar/tasks/:taskId', changing, async (request, reply) => {
    const values = formValues(request);
    const { id, taskId = '' } = paramsOf(request);
    try {
      await editTask(ctx, signedIn(request), id, taskId, taskInputOf(values));
      return reply.redirect(`/rounds/${id}/calendar#task-${taskId}`);
    } catch (error) {
      return answerFormRefusal(request, reply, error, (errors) =>
        render(request, reply, values, errors, 400),
      );
    }
  });
  app.post('/rounds/:id/calendar/tasks/:taskId/done', changing, async (request, reply) => {
    const { id, taskId = '' } = paramsOf(request);
    const done = formValues(request).done !== '0';
    try {
      await setTaskDone(ctx, signedIn(request), id, taskId, done);
      return reply.redirect(`/rounds/${id}/calendar#task-${taskId}`);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

/** The address the person reached us at, for the feed link they copy. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function registerMine(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/calendar', guarded, async (request, reply) => {
    const calendar = await getMyCalendar(ctx, signedIn(request));
    return sendPage(reply, <MyCalendarPage page={pageOf(request)} calendar={calendar} />);
  });
  app.get('/calendar/feed', guarded, async (request, reply) => {
    const info = await getFeedInfo(ctx, signedIn(request));
    return sendPage(reply, <FeedPage page={pageOf(request)} info={info} url={null} />);
  });
  app.post('/calendar/feed', changing, async (request, reply) => {
    const actor = signedIn(request);
    const token = await regenerateFeedToken(ctx, actor);
    const info = await getFeedInfo(ctx, actor);
    const url = `${originOf(request)}/calendar/feed/${token}.ics`;
    reply.header('cache-control', 'no-store');
    return sendPage(reply, <FeedPage page={pageOf(request)} info={info} url={url} />);
  });
  app.get('/calendar/feed/:file', FEED_LIMIT, async (request, reply) => {
    const file = paramsOf(request).file ?? '';
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    const ics = /^[A-Za-z0-9_-]{16,200}$/.test(token)
      ? await renderFeed(ctx, token, originOf(request))
      : null;
    reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
    if (ics === null)
      return reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('ไม่พบปฏิทินนี้ / no such calendar feed\n');
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="prongsai.ics"')
      .send(ics);
  });
}

function registerApi(app: FastifyInstance, ctx: ServiceContext): void {
  const path = '/api/v1/rounds/:id/calendar';
  describeApi({
    method: 'get',
    path,
    summary: "A round's calendar: the edition's milestones and the agency's tasks",
    tag: 'calendar',
  });
  app.get(path, guarded, async (request, reply) => {
    try {
      const calendar = await getRoundCalendar(ctx, signedIn(request), paramsOf(request).id);
      const { round, mayManage, today, milestones, tasks } = calendar;
      return reply.send({ round, mayManage, today, milestones, tasks });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  describeApi({
    method: 'post',
    path: `${path}/tasks`,
    summary: 'Add a task to a round calendar (agency administrators, head; x-csrf-token header)',
    tag: 'calendar',
    body: TaskInputSchema,
  });
  app.post(`${path}/tasks`, changing, async (request, reply) => {
    try {
      const body = TaskInputSchema.parse(request.body ?? {});
      const task = await createTask(ctx, signedIn(request), paramsOf(request).id, body);
      return reply.status(201).send({ task });
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
}

/** The calendar: a round's milestones and tasks, one's own calendar, the ICS feed and the API. */
export function registerCalendarRoutes(app: FastifyInstance, options: AppOptions): void {
  registerRoundCalendar(app, options.ctx);
  registerTask(app, options.ctx);
  registerMine(app, options.ctx);
  registerApi(app, options.ctx);
}
