import type { Message } from '../../../../core/errors.js';
import type { RoundCalendar, TaskView } from '../../services/calendar.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import {
  dayLabel,
  MonthSections,
  taskTitle,
  timelineEntries,
  UrgencyTag,
} from './calendar-parts.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
  SelectField,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { BeDateField } from '../../../../platform/http/views/be-date-field.js';
import { editionLabel } from '../../../rounds/feature.js';

/** Values the task form shows. */
export interface TaskFormValues {
  title?: string;
  titleEn?: string | null;
  dueOn?: string;
  ownerUserId?: string | null;
  milestoneCode?: string | null;
}

/** The add/edit form of a calendar task. */
export function TaskForm(props: {
  page: PageContext;
  action: string;
  calendar: RoundCalendar;
  values: TaskFormValues;
  errors: FieldErrors;
  submit: Message;
}) {
  const { page, values, errors, calendar } = props;
  const { lang } = page;
  return (
    <form method="post" action={props.action}>
      <CsrfField token={page.csrfToken} />
      <Field
        lang={lang}
        name="title"
        label={m('งาน', 'Task')}
        value={values.title}
        errors={errors}
        required
      />
      <Field
        lang={lang}
        name="titleEn"
        label={m('ชื่องานภาษาอังกฤษ (ถ้ามี)', 'Task in English (optional)')}
        value={values.titleEn}
        errors={errors}
      />
      <BeDateField
        lang={lang}
        name="dueOn"
        label={m('กำหนดเสร็จ', 'Due date')}
        value={values.dueOn}
        errors={errors}
        required
      />
      <SelectField
        lang={lang}
        name="ownerUserId"
        label={m('ผู้รับผิดชอบ', 'Owner')}
        options={calendar.owners.map((o) => ({ value: o.id, label: o.displayName }))}
        placeholder={m('— ยังไม่กำหนด —', '— not yet —')}
        value={values.ownerUserId ?? ''}
        errors={errors}
      />
      <SelectField
        lang={lang}
        name="milestoneCode"
        label={m('เกี่ยวกับกำหนดการ', 'For the milestone')}
        options={calendar.milestones.map((ms) => ({ value: ms.code, label: pick(lang, ms.name) }))}
        placeholder={m('— ไม่ระบุ —', '— none —')}
        value={values.milestoneCode ?? ''}
        errors={errors}
      />
      <button class="button" type="submit">
        {pick(lang, props.submit)}
      </button>
    </form>
  );
}

function TaskLine(props: { page: PageContext; calendar: RoundCalendar; task: TaskView }) {
  const { page, calendar, task } = props;
  const { lang } = page;
  const base = `/rounds/${calendar.round.id}/calendar/tasks/${task.id}`;
  const mayMark = calendar.mayManage || task.ownerUserId === page.actor?.user.id;
  const done = task.status === 'done';
  // a block, not a span: it holds the form that marks the task done
  return (
    <div>
      <span class={task.urgency === 'overdue' ? 'warning-text' : undefined}>
        {done ? <s>{taskTitle(lang, task)}</s> : <strong>{taskTitle(lang, task)}</strong>}
      </span>{' '}
      <UrgencyTag lang={lang} urgency={task.urgency} />
      <br />
      {pick(lang, m('กำหนด', 'Due'))} {dayLabel(lang, task.dueOn)} ·{' '}
      {pick(lang, m('ผู้รับผิดชอบ', 'Owner'))} {task.ownerName ?? '—'}
      {mayMark && (
        <form method="post" action={`${base}/done`} class="inline">
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="done" value={done ? '0' : '1'} />{' '}
          <button class="button secondary" type="submit">
            {done
              ? pick(lang, m('เปิดงานอีกครั้ง', 'Reopen'))
              : pick(lang, m('ทำเสร็จแล้ว', 'Mark done'))}
          </button>
        </form>
      )}
      {calendar.mayManage && (
        <>
          {' '}
          <a href={base}>{pick(lang, m('แก้ไข', 'Edit'))}</a>
        </>
      )}
    </div>
  );
}

/** Milestones and tasks on one timeline, a section per month. */
export function Timeline({ page, calendar }: { page: PageContext; calendar: RoundCalendar }) {
  const { lang } = page;
  const entries = timelineEntries(calendar.milestones, calendar.tasks);
  if (entries.length === 0)
    return <p>{pick(lang, m('ยังไม่มีกำหนดการหรืองาน', 'No milestones or tasks yet'))}</p>;
  return (
    <div class="timeline">
      <MonthSections
        lang={lang}
        entries={entries}
        taskItem={(task) => (
          <li id={`task-${task.id}`}>
            <TaskLine page={page} calendar={calendar} task={task} />
          </li>
        )}
      />
    </div>
  );
}

function Summary({ lang, calendar }: { lang: Lang; calendar: RoundCalendar }) {
  const late = calendar.tasks.filter((t) => t.urgency === 'overdue').length;
  const soon = calendar.tasks.filter((t) => t.urgency === 'due_soon').length;
  const done = calendar.tasks.filter((t) => t.urgency === 'done').length;
  return (
    <p>
      {pick(lang, m('วันนี้', 'Today'))} {dayLabel(lang, calendar.today)} ·{' '}
      <span class={late > 0 ? 'warning-text' : undefined}>
        {pick(lang, m('เกินกำหนด', 'overdue'))} {late}
      </span>{' '}
      · {pick(lang, m('ใกล้ถึงกำหนด', 'due soon'))} {soon} · {pick(lang, m('เสร็จแล้ว', 'done'))} {done}
      /{calendar.tasks.length}
    </p>
  );
}

function PlanForm({ page, calendar }: { page: PageContext; calendar: RoundCalendar }) {
  const { lang } = page;
  if (!calendar.mayManage || calendar.unplanned === 0) return null;
  return (
    <form method="post" action={`/rounds/${calendar.round.id}/calendar/plan`}>
      <CsrfField token={page.csrfToken} />
      <p>
        {pick(
          lang,
          m(
            `วางแผนงานภายในย้อนหลังจากกำหนดการระดับประเทศ (${calendar.unplanned} งาน) พร้อมผู้รับผิดชอบตามบทบาท แก้ไขภายหลังได้`,
            `Plan the internal work backwards from the national milestones (${calendar.unplanned} tasks), with owners by role; you can change them later`,
          ),
        )}
      </p>
      <button class="button" type="submit">
        {pick(lang, m('วางแผนย้อนหลังจากกำหนดการ', 'Plan backwards'))}
      </button>
    </form>
  );
}

/** A round's calendar: national milestones and the agency's tasks, month by month. */
export function RoundCalendarPage(props: {
  page: PageContext;
  calendar: RoundCalendar;
  values: TaskFormValues;
  errors: FieldErrors;
  notice?: Message | null;
}) {
  const { page, calendar, errors } = props;
  const { lang } = page;
  const { round } = calendar;
  return (
    <Layout page={page} title={m('ปฏิทินงาน ITA', 'ITA calendar')} notice={props.notice ?? null}>
      <p>
        <a href={`/rounds/${round.id}`}>
          {round.agencyCode} {round.agencyNameTh}
        </a>{' '}
        · {editionLabel(lang, round)} ·{' '}
        <a href="/calendar">{pick(lang, m('ปฏิทินของฉัน', 'My calendar'))}</a>
      </p>
      <Summary lang={lang} calendar={calendar} />
      <PlanForm page={page} calendar={calendar} />
      <ErrorSummary lang={lang} errors={errors} />
      <Timeline page={page} calendar={calendar} />
      {calendar.mayManage && (
        <section>
          <h2>{pick(lang, m('เพิ่มงาน', 'Add a task'))}</h2>
          <TaskForm
            page={page}
            action={`/rounds/${round.id}/calendar/tasks`}
            calendar={calendar}
            values={props.values}
            errors={errors}
            submit={m('เพิ่มงาน', 'Add task')}
          />
        </section>
      )}
    </Layout>
  );
}

/** The edit page of one task. */
export function TaskEditPage(props: {
  page: PageContext;
  calendar: RoundCalendar;
  task: TaskView;
  values: TaskFormValues;
  errors: FieldErrors;
}) {
  const { page, calendar, task } = props;
  const { lang } = page;
  return (
    <Layout page={page} title={m('แก้ไขงาน', 'Edit task')}>
      <p>
        <a href={`/rounds/${calendar.round.id}/calendar#task-${task.id}`}>
          {pick(lang, m('กลับไปปฏิทิน', 'Back to the calendar'))}
        </a>
      </p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <TaskForm
        page={page}
        action={`/rounds/${calendar.round.id}/calendar/tasks/${task.id}`}
        calendar={calendar}
        values={props.values}
        errors={props.errors}
        submit={m('บันทึก', 'Save')}
      />
    </Layout>
  );
}
