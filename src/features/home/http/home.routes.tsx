import type { FastifyInstance } from 'fastify';
import { ROLE_NAMES } from '../../../core/access/roles.js';
import { listOwnRoles, needsSetup } from '../../users/feature.js';
import type { FeatureOptions } from '../../kit.js';
import { pageOf, requireActor } from '../../../platform/http/request-context.js';
import { m, pick } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { HomeReminders } from './views/home-reminders.js';
import { Layout } from '../../../platform/http/views/layout.js';
import { bangkokDay } from '../../../core/thai-calendar.js';
import { FormText, typed } from '../../../platform/http/typed-routes.js';
import { z } from 'zod';
import type { Message } from '../../../core/errors.js';
import { loadHomeWork } from '../services/home.service.js';
import { hasWork, HomeWorkPanels } from './views/home-work.js';

/** The notice after an action taken from the home page's queues (`?done=approved` …). */
const HomeQuery = z.object({ done: FormText });
const NOTICES: Record<string, Message> = {
  approved: m('อนุมัติแล้ว', 'Approved'),
  returned: m('ส่งกลับให้ผู้รับผิดชอบแก้ไขแล้ว พร้อมเหตุผล', 'Sent back to the owner with your reason'),
};

/** The home page: what waits for you (late work first), who you are and where to go. */
export function registerHomeRoutes(app: FastifyInstance, options: FeatureOptions): void {
  const api = typed(app);
  // the root reads no input: no schema
  api.get('/', async (request, reply) => {
    if (!request.actor) {
      return reply.redirect((await needsSetup(options.ctx)) ? '/setup' : '/login');
    }
    return reply.redirect('/home');
  });

  api.get(
    '/home',
    { preValidation: requireActor, schema: { querystring: HomeQuery } },
    async (request, reply) => {
      const page = pageOf(request);
      const { lang } = page;
      const actor = signedIn(request);
      const roles = await listOwnRoles(options.ctx, actor.user.id);
      const reminders = await options.registry.listReminders(options.ctx, actor);
      const work = await loadHomeWork(options.ctx, actor);
      const today = bangkokDay(options.ctx.clock.now());
      const notice = NOTICES[request.query.done ?? ''] ?? null;
      return sendPage(
        reply,
        <Layout page={page} title={m('หน้าหลัก', 'Home')} notice={notice}>
          <p>
            {pick(lang, m('สวัสดี', 'Hello'))} {actor.user.displayName}
          </p>
          <HomeReminders
            lang={lang}
            reminders={reminders}
            today={today}
            otherWork={hasWork(work)}
          />
          <HomeWorkPanels page={page} work={work} />
          <h2>{pick(lang, m('สิทธิ์ของคุณ', 'Your roles'))}</h2>
          <ul>
            {roles.map((r) => (
              <li>
                {pick(lang, ROLE_NAMES[r.role])}
                {r.agencyId
                  ? ` · ${r.agencyCode} ${r.agencyNameTh}`
                  : ` · ${pick(lang, m('ทุกหน่วยงาน', 'all agencies'))}`}
              </li>
            ))}
          </ul>
          <div class="cards">
            <a class="card" href="/agencies">
              {pick(lang, m('หน่วยงาน', 'Agencies'))}
            </a>
            <a class="card" href="/users">
              {pick(lang, m('ผู้ใช้และสิทธิ์', 'Users and roles'))}
            </a>
            <a class="card" href="/rounds">
              {pick(lang, m('รอบการประเมิน', 'Assessment rounds'))}
            </a>
            <a class="card" href="/calendar">
              {pick(lang, m('ปฏิทินของฉัน', 'My calendar'))}
            </a>
          </div>
        </Layout>,
      );
    },
  );
}
