import type { Urgency } from '../../core/calendar/plan.js';
import type { MilestoneView } from '../../services/calendar.service.js';
import { formatDate, m, pick, type Lang } from '../i18n.js';

const MONTHS = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
} as const;

/** A month (YYYY-MM) as a heading: "มีนาคม 2569" in Thai. */
export function monthLabel(lang: Lang, month: string): string {
  return MONTHS[lang].format(new Date(`${month}-01T00:00:00Z`));
}

/** A calendar day (YYYY-MM-DD) in the page's language, Buddhist era for Thai. */
export function dayLabel(lang: Lang, day: string): string {
  return formatDate(lang, `${day}T12:00:00+07:00`);
}

/** Late and due-soon work said in words as well as colour. */
export function UrgencyTag({ lang, urgency }: { lang: Lang; urgency: Urgency }) {
  if (urgency === 'overdue')
    return <strong class="tag warning-text">{pick(lang, m('เกินกำหนด', 'Overdue'))}</strong>;
  if (urgency === 'due_soon')
    return <span class="tag">{pick(lang, m('ใกล้ถึงกำหนด', 'Due soon'))}</span>;
  if (urgency === 'done') return <span class="tag">{pick(lang, m('เสร็จแล้ว ✓', 'Done ✓'))}</span>;
  return null;
}

/** One national milestone: name, dates and whether the dates are still provisional. */
export function MilestoneLine({ lang, milestone }: { lang: Lang; milestone: MilestoneView }) {
  const current = milestone.phase === 'current';
  return (
    <span>
      <span class="tag">{pick(lang, m('กำหนดการ ITA', 'ITA milestone'))}</span>{' '}
      <strong>{pick(lang, milestone.name)}</strong> · {dayLabel(lang, milestone.start)} –{' '}
      {dayLabel(lang, milestone.end)}
      {current && <> · {pick(lang, m('อยู่ในช่วงนี้', 'happening now'))}</>}
      {milestone.provisional && (
        <span class="muted"> · {pick(lang, m('กำหนดการชั่วคราว', 'provisional dates'))}</span>
      )}
    </span>
  );
}

/** A task's title in the page's language (English when given). */
export function taskTitle(lang: Lang, task: { title: string; titleEn: string | null }): string {
  return lang === 'en' && task.titleEn ? task.titleEn : task.title;
}
