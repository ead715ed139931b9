import type { MyCalendar } from '../../services/calendar-feed.service.js';
import { formatDate, m, pick } from '../../../../platform/http/i18n.js';
import {
  dayLabel,
  MonthSections,
  taskTitle,
  timelineEntries,
  UrgencyTag,
} from './calendar-parts.js';
import { CsrfField } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';

/** A person's calendar: their tasks in every agency and their rounds' milestones. */
export function MyCalendarPage({ page, calendar }: { page: PageContext; calendar: MyCalendar }) {
  const { lang } = page;
  const entries = timelineEntries(calendar.milestones, calendar.tasks);
  const late = calendar.tasks.filter((t) => t.urgency === 'overdue').length;
  return (
    <Layout page={page} title={m('ปฏิทินของฉัน', 'My calendar')}>
      <p>
        {pick(lang, m('วันนี้', 'Today'))} {dayLabel(lang, calendar.today)} ·{' '}
        <span class={late > 0 ? 'warning-text' : undefined}>
          {pick(lang, m('งานเกินกำหนด', 'overdue tasks'))} {late}
        </span>{' '}
        · <a href="/calendar/feed">{pick(lang, m('ลิงก์ปฏิทิน (ICS)', 'Calendar feed (ICS)'))}</a>
      </p>
      {calendar.rounds.length > 0 && (
        <p>
          {pick(lang, m('ปฏิทินของรอบ:', 'Round calendars:'))}{' '}
          {calendar.rounds.map((r, i) => (
            <>
              {i > 0 && ' · '}
              <a href={`/rounds/${r.id}/calendar`}>
                {r.agencyCode} {r.editionCode}
              </a>
            </>
          ))}
        </p>
      )}
      {entries.length === 0 && (
        <p>{pick(lang, m('ยังไม่มีงานหรือกำหนดการ', 'No tasks or milestones yet'))}</p>
      )}
      <MonthSections
        lang={lang}
        entries={entries}
        taskItem={(task) => (
          <li>
            <a
              href={`/rounds/${task.roundId}/calendar#task-${task.id}`}
              class={task.urgency === 'overdue' ? 'warning-text' : undefined}
            >
              {taskTitle(lang, task)}
            </a>{' '}
            <UrgencyTag lang={lang} urgency={task.urgency} />
            <br />
            {pick(lang, m('กำหนด', 'Due'))} {dayLabel(lang, task.dueOn)} · {task.round.agencyCode}{' '}
            {task.round.agencyNameTh}
          </li>
        )}
      />
    </Layout>
  );
}

/** The page to get (or replace) one's secret calendar feed address. */
export function FeedPage(props: {
  page: PageContext;
  info: { createdAt: string } | null;
  /** The new address, shown once right after it is made. */
  url: string | null;
}) {
  const { page, info, url } = props;
  const { lang } = page;
  return (
    <Layout page={page} title={m('ลิงก์ปฏิทินสำหรับโปรแกรมปฏิทิน', 'Calendar feed address')}>
      <p>
        {pick(
          lang,
          m(
            'ใส่ลิงก์นี้ในโปรแกรมปฏิทิน (Google Calendar, Outlook, ปฏิทินในโทรศัพท์) เพื่อเห็นงานของคุณและกำหนดการ ITA ของรอบที่คุณเกี่ยวข้อง ลิงก์นี้เป็นความลับ ใครมีลิงก์ก็ดูงานของคุณได้',
            'Add this address to a calendar program (Google Calendar, Outlook, your phone) to see your tasks and the ITA milestones of your rounds. Keep it secret: anyone with it can read your tasks.',
          ),
        )}
      </p>
      {url && (
        <div class="once-warning" role="status">
          <p>
            <strong>
              {pick(
                lang,
                m(
                  'คัดลอกลิงก์นี้เก็บไว้ ระบบจะแสดงเพียงครั้งเดียว',
                  'Copy this address now: it is shown only once',
                ),
              )}
            </strong>
          </p>
          <label for="feed-url">{pick(lang, m('ลิงก์ปฏิทิน', 'Feed address'))}</label>
          <input id="feed-url" class="code" type="text" readOnly value={url} />
        </div>
      )}
      {!url && info && (
        <p>
          {pick(lang, m('สร้างลิงก์ไว้แล้วเมื่อ', 'Your address was made on'))}{' '}
          {formatDate(lang, info.createdAt, true)}.{' '}
          {pick(
            lang,
            m(
              'ระบบเก็บเฉพาะค่าแฮช จึงแสดงลิงก์เดิมอีกไม่ได้ หากลืมหรือรั่วไหล ให้สร้างใหม่',
              'Only a hash is kept, so the address cannot be shown again; make a new one if it is lost or leaked.',
            ),
          )}
        </p>
      )}
      <form method="post" action="/calendar/feed">
        <CsrfField token={page.csrfToken} />
        {info && (
          <p>
            {pick(
              lang,
              m(
                'การสร้างลิงก์ใหม่จะทำให้ลิงก์เดิมใช้ไม่ได้ทันที',
                'Making a new address stops the old one at once.',
              ),
            )}
          </p>
        )}
        <button class={info ? 'button warning' : 'button'} type="submit">
          {info
            ? pick(lang, m('สร้างลิงก์ใหม่ (ยกเลิกลิงก์เดิม)', 'Make a new address (revoke the old)'))
            : pick(lang, m('สร้างลิงก์ปฏิทิน', 'Make my feed address'))}
        </button>
      </form>
      <p>
        <a href="/calendar">{pick(lang, m('กลับไปปฏิทินของฉัน', 'Back to my calendar'))}</a>
      </p>
    </Layout>
  );
}
