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
import { sendPage } from '../../../platform/http/render.js';
import { signedIn, publicOrigin } from '../../../platform/http/route-support.js';
import { IdParams, ProblemSchema, typed } from '../../../platform/http/typed-routes.js';
import { FeedPage, MyCalendarPage } from './views/calendar-mine.js';
import { RoundCalendarPage, TaskEditPage, type TaskFormValues } from './views/calendar-round.js';
import { type FieldErrors } from '../../../platform/http/views/form.js';
import { changing, guarded, submitForm } from '../../../platform/http/route-kit.js';
import {
  FeedParams,
  PlannedQuery,
  RoundCalendarJsonSchema,
  TaskCreatedJsonSchema,
  TaskDoneForm,
  TaskForm,
  TaskParams,
} from './calendar-schemas.js';

/** The feed is opened by calendar programs without a session: the token is the secret. */
const FEED_LIMIT = { config: { rateLimit: { max: 30, timeWindow: 60_000 } } };

function taskInputOf(values: TaskFormValues): TaskInput {
  const { title = '', titleEn = '', dueOn = '', ownerUserId = '', milestoneCode = '' } = values;
  return { title, titleEn, dueOn, ownerUserId, milestoneCode };
}

function plannedNotice(planned: string | undefined): Message | null {
  if (planned === undefined || !/^\d+$/.test(planned)) return null;
  return m(`วางแผนแล้ว เพิ่ม ${planned} งาน`, `Planned: ${planned} task(s) added`);
}

function registerRoundCalendar(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    shown: { roundId: string; planned: string | undefined },
    values: TaskFormValues,
    errors: FieldErrors,
    status = 200,
  ) {
    const calendar = await getRoundCalendar(ctx, signedIn(request), shown.roundId);
    const page = (
      <RoundCalendarPage
        page={pageOf(request)}
        calendar={calendar}
        values={values}
        errors={errors}
        notice={plannedNotice(shown.planned)}
      />
    );
    return sendPage(reply, page, status);
  }
  const read = { params: IdParams, querystring: PlannedQuery };
  const shownOf = (request: { params: { id: string }; query: { planned?: string } }) => ({
    roundId: request.params.id,
    planned: request.query.planned,
  });
  api.get('/rounds/:id/calendar', { ...guarded, schema: read }, (request, reply) =>
    render(request, reply, shownOf(request), {}, {}),
  );
  api.post(
    '/rounds/:id/calendar/plan',
    { ...changing, schema: { params: IdParams } },
    async (request, reply) => {
      const { id } = request.params;
      const added = await planRoundCalendar(ctx, signedIn(request), id);
      return reply.redirect(`/rounds/${id}/calendar?planned=${added}`);
    },
  );
  api.post(
    '/rounds/:id/calendar/tasks',
    { ...changing, schema: { ...read, body: TaskForm } },
    (request, reply) => {
      const { id } = request.params;
      return submitForm(
        request,
        reply,
        async () => {
          const task = await createTask(ctx, signedIn(request), id, taskInputOf(request.body));
          return `/rounds/${id}/calendar#task-${task.id}`;
        },
        (errors) => render(request, reply, shownOf(request), request.body, errors, 400),
      );
    },
  );
}

function registerTask(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    { id, taskId }: { id: string; taskId: string },
    values: TaskFormValues | null,
    errors: FieldErrors,
    status = 200,
  ) {
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
  }
  const path = '/rounds/:id/calendar/tasks/:taskId';
  api.get(path, { ...guarded, schema: { params: TaskParams } }, (request, reply) =>
    render(request, reply, request.params, null, {}),
  );
  api.post(
    path,
    { ...changing, schema: { params: TaskParams, body: TaskForm } },
    (request, reply) => {
      const { id, taskId } = request.params;
      return submitForm(
        request,
        reply,
        async () => {
          await editTask(ctx, signedIn(request), id, taskId, taskInputOf(request.body));
          return `/rounds/${id}/calendar#task-${taskId}`;
        },
        (errors) => render(request, reply, request.params, request.body, errors, 400),
      );
    },
  );
  api.post(
    `${path}/done`,
    { ...changing, schema: { params: TaskParams, body: TaskDoneForm } },
    async (request, reply) => {
      const { id, taskId } = request.params;
      const done = request.body.done !== '0';
      await setTaskDone(ctx, signedIn(request), id, taskId, done);
      return reply.redirect(`/rounds/${id}/calendar#task-${taskId}`);
    },
  );
}

function registerMine(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  api.get('/calendar', guarded, async (request, reply) => {
    const calendar = await getMyCalendar(ctx, signedIn(request));
    return sendPage(reply, <MyCalendarPage page={pageOf(request)} calendar={calendar} />);
  });
  api.get('/calendar/feed', guarded, async (request, reply) => {
    const info = await getFeedInfo(ctx, signedIn(request));
    return sendPage(reply, <FeedPage page={pageOf(request)} info={info} url={null} />);
  });
  api.post('/calendar/feed', changing, async (request, reply) => {
    const actor = signedIn(request);
    const token = await regenerateFeedToken(ctx, actor);
    const info = await getFeedInfo(ctx, actor);
    const url = `${publicOrigin(request)}/calendar/feed/${token}.ics`;
    reply.header('cache-control', 'no-store');
    return sendPage(reply, <FeedPage page={pageOf(request)} info={info} url={url} />);
  });
  api.get(
    '/calendar/feed/:file',
    { ...FEED_LIMIT, schema: { params: FeedParams } },
    async (request, reply) => {
      const { file } = request.params;
      const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
      const ics = /^[A-Za-z0-9_-]{16,200}$/.test(token)
        ? await renderFeed(ctx, token, publicOrigin(request))
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
    },
  );
}

const tags = ['calendar'];

function registerApi(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  const path = '/api/v1/rounds/:id/calendar';
  api.get(
    path,
    {
      ...guarded,
      schema: {
        operationId: 'getRoundCalendar',
        summary: "A round's calendar: the edition's milestones and the agency's tasks",
        tags,
        params: IdParams,
        response: { 200: RoundCalendarJsonSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const calendar = await getRoundCalendar(ctx, signedIn(request), request.params.id);
      const { round, mayManage, today, milestones, tasks } = calendar;
      return { round, mayManage, today, milestones, tasks };
    },
  );
  api.post(
    `${path}/tasks`,
    {
      ...changing,
      schema: {
        operationId: 'createRoundCalendarTask',
        summary:
          'Add a task to a round calendar (agency administrators, head; x-csrf-token header)',
        tags,
        params: IdParams,
        body: TaskInputSchema,
        response: { 201: TaskCreatedJsonSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const task = await createTask(ctx, signedIn(request), request.params.id, request.body);
      return reply.status(201).send({ task });
    },
  );
}

/** The calendar: a round's milestones and tasks, one's own calendar, the ICS feed and the API. */
export function registerCalendarRoutes(app: FastifyInstance, options: AppOptions): void {
  registerRoundCalendar(app, options.ctx);
  registerTask(app, options.ctx);
  registerMine(app, options.ctx);
  registerApi(app, options.ctx);
}
