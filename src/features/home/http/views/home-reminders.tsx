import { addDays, DUE_SOON_DAYS } from '../../../calendar/feature.js';
import type { Message } from '../../../../core/errors.js';
import type { Reminder } from '../../../kit.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { dayLabel } from '../../../calendar/feature.js';

const KIND_NAMES: Record<string, Message> = {
  task: { th: 'งานตามปฏิทิน', en: 'Calendar task' },
  measure: { th: 'มาตรการ', en: 'Improvement measure' },
  loan: { th: 'การยืมทรัพย์สิน', en: 'Asset loan' },
  loan_request: { th: 'คำขอยืมทรัพย์สิน', en: 'Loan request' },
  loan_overdue: { th: 'ทรัพย์สินเลยกำหนดคืน', en: 'Overdue loan' },
  gift: { th: 'การรับของขวัญ', en: 'Gift' },
  no_gift_ack: { th: 'นโยบาย No Gift', en: 'No Gift policy' },
};

function kindName(lang: Lang, kind: string): string {
  return pick(lang, KIND_NAMES[kind] ?? m('เรื่องที่ต้องดำเนินการ', 'To do'));
}

function ReminderItem({ lang, reminder }: { lang: Lang; reminder: Reminder }) {
  return (
    <li>
      <a href={reminder.href} class={reminder.overdue ? 'warning-text' : undefined}>
        {pick(lang, reminder.title)}
      </a>
      <br />
      <span class="muted">
        {kindName(lang, reminder.kind)}
        {reminder.agencyCode ? ` · ${reminder.agencyCode}` : ''}
        {reminder.dueOn
          ? ` · ${pick(lang, m('กำหนด', 'due'))} ${dayLabel(lang, reminder.dueOn)}`
          : ''}
      </span>
    </li>
  );
}

/** The home page's reminders: late work first (highlighted), then work due soon, then the rest. */
export function HomeReminders(props: {
  lang: Lang;
  reminders: Reminder[];
  today: string;
  /** The person has work listed in the panels below: never say there is nothing to do. */
  otherWork?: boolean;
}) {
  const { lang, reminders, today, otherWork = false } = props;
  const soonUntil = addDays(today, DUE_SOON_DAYS);
  const late = reminders.filter((r) => r.overdue);
  const soon = reminders.filter((r) => !r.overdue && r.dueOn !== null && r.dueOn <= soonUntil);
  const rest = reminders.filter((r) => !late.includes(r) && !soon.includes(r));
  return (
    <section aria-labelledby="reminders">
      <h2 id="reminders">{pick(lang, m('งานที่ต้องดำเนินการ', 'Things to do'))}</h2>
      {reminders.length === 0 && !otherWork && (
        <p>{pick(lang, m('ไม่มีงานค้างหรืองานใกล้ถึงกำหนด', 'Nothing late or due soon'))}</p>
      )}
      {reminders.length === 0 && otherWork && (
        <p>
          {pick(
            lang,
            m(
              'ไม่มีงานตามปฏิทินที่เกินหรือใกล้ถึงกำหนด งานที่รอคุณอยู่ในรายการด้านล่าง',
              'Nothing on the calendar is late or due soon; the work waiting for you is listed below',
            ),
          )}
        </p>
      )}
      {late.length > 0 && (
        <div class="once-warning">
          <h3 class="warning-text">
            {pick(lang, m('เกินกำหนด', 'Overdue'))} ({late.length})
          </h3>
          <ul>
            {late.map((r) => (
              <ReminderItem lang={lang} reminder={r} />
            ))}
          </ul>
        </div>
      )}
      {soon.length > 0 && (
        <>
          <h3>
            {pick(
              lang,
              m(`ใกล้ถึงกำหนด (ภายใน ${DUE_SOON_DAYS} วัน)`, `Due within ${DUE_SOON_DAYS} days`),
            )}{' '}
            ({soon.length})
          </h3>
          <ul>
            {soon.map((r) => (
              <ReminderItem lang={lang} reminder={r} />
            ))}
          </ul>
        </>
      )}
      {rest.length > 0 && (
        <>
          <h3>{pick(lang, m('เรื่องอื่นที่รอคุณ', 'Also waiting for you'))}</h3>
          <ul>
            {rest.map((r) => (
              <ReminderItem lang={lang} reminder={r} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
