import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  addMeasureProgress,
  createMeasure,
  editMeasure,
  getMeasure,
  getMeasureRegister,
  MeasureInputSchema,
} from '../services/measure.service.js';
import { getMeasuresHandOff } from '../services/measure-carry.service.js';
import { registerMeasureFilesRoutes } from './measures-files.routes.js';
import { registerMeasureReportsRoutes } from './measures-reports.routes.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { type FieldErrors } from '../../../platform/http/views/form.js';
import { MeasureDetailPage } from './views/measures-detail.js';
import { MeasureRegisterPage, type MeasureFormValues } from './views/measures-register.js';
import { changing, guarded, submitForm } from '../../../platform/http/route-kit.js';
import { IdParams, ProblemSchema, typed } from '../../../platform/http/typed-routes.js';
import {
  MeasureForm,
  MeasureOneJson,
  MeasureParams,
  ProgressForm,
  RegisterJson,
} from './measures-schemas.js';

function registerRegister(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    roundId: string,
    values: MeasureFormValues,
    errors: FieldErrors,
    status = 200,
  ) {
    const register = await getMeasureRegister(ctx, signedIn(request), roundId);
    const handOff = await getMeasuresHandOff(ctx, signedIn(request), roundId);
    const page = (
      <MeasureRegisterPage
        page={pageOf(request)}
        register={register}
        values={values}
        errors={errors}
        handOff={handOff}
      />
    );
    return sendPage(reply, page, status);
  }
  api.get('/rounds/:id/measures', { ...guarded, schema: { params: IdParams } }, (request, reply) =>
    render(request, reply, request.params.id, {}, {}),
  );
  api.post(
    '/rounds/:id/measures',
    { ...changing, schema: { params: IdParams, body: MeasureForm } },
    async (request, reply) => {
      const { id } = request.params;
      const values = request.body;
      return submitForm(
        request,
        reply,
        async () => {
          const input = MeasureInputSchema.parse(values);
          const created = await createMeasure(ctx, signedIn(request), id, input);
          return `/rounds/${id}/measures/${created.id}`;
        },
        (errors) => render(request, reply, id, values, errors, 400),
      );
    },
  );
}

function registerDetail(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    { id, measureId }: { id: string; measureId: string },
    errors: FieldErrors,
    status = 200,
  ) {
    const detail = await getMeasure(ctx, signedIn(request), id, measureId);
    return sendPage(
      reply,
      <MeasureDetailPage page={pageOf(request)} detail={detail} errors={errors} />,
      status,
    );
  }
  api.get(
    '/rounds/:id/measures/:measureId',
    { ...guarded, schema: { params: MeasureParams } },
    (request, reply) => render(request, reply, request.params, {}),
  );
  api.post(
    '/rounds/:id/measures/:measureId',
    { ...changing, schema: { params: MeasureParams, body: MeasureForm } },
    async (request, reply) => {
      const { id, measureId } = request.params;
      return submitForm(
        request,
        reply,
        async () => {
          const input = MeasureInputSchema.parse(request.body);
          await editMeasure(ctx, signedIn(request), id, measureId, input);
          return `/rounds/${id}/measures/${measureId}`;
        },
        (errors) => render(request, reply, request.params, errors, 400),
      );
    },
  );
  api.post(
    '/rounds/:id/measures/:measureId/progress',
    { ...changing, schema: { params: MeasureParams, body: ProgressForm } },
    async (request, reply) => {
      const { id, measureId } = request.params;
      const { note = '', percent = '', status = '' } = request.body;
      return submitForm(
        request,
        reply,
        async () => {
          const input = { note, percent, status };
          await addMeasureProgress(ctx, signedIn(request), id, measureId, input);
          return `/rounds/${id}/measures/${measureId}`;
        },
        (errors) => render(request, reply, request.params, errors, 400),
      );
    },
  );
}

function registerApi(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  const path = '/api/v1/rounds/:id/measures';
  const tags = ['measures'];
  api.get(
    path,
    {
      ...guarded,
      schema: {
        operationId: 'listRoundMeasures',
        summary:
          'Improvement measures of a round with latest progress, and suggestions from weak points',
        tags,
        params: IdParams,
        response: { 200: RegisterJson, 404: ProblemSchema },
      },
    },
    async (request) => {
      const register = await getMeasureRegister(ctx, signedIn(request), request.params.id);
      const { round, mayEdit, today, measures, suggestions } = register;
      return { round, mayEdit, today, measures, suggestions };
    },
  );
  api.post(
    path,
    {
      ...changing,
      schema: {
        operationId: 'createMeasure',
        summary:
          'Add an improvement measure to a round (agency administrators; x-csrf-token header)',
        tags,
        params: IdParams,
        body: MeasureInputSchema,
        response: { 201: MeasureOneJson, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const measure = await createMeasure(ctx, signedIn(request), request.params.id, request.body);
      return reply.status(201).send({ measure });
    },
  );
}

/** Improvement measures (มาตรการ): register, suggestions, progress, printable document and API. */
export function registerMeasuresRoutes(app: FastifyInstance, options: AppOptions): void {
  registerMeasureFilesRoutes(app, options);
  registerMeasureReportsRoutes(app, options);
  registerRegister(app, options.ctx);
  registerDetail(app, options.ctx);
  registerApi(app, options.ctx);
}
