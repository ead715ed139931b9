import type { JSX } from 'preact';
import { groupByMonth, type Urgency } from '../../core/plan.js';
import { longMonth } from '../../../../core/thai-calendar.js';
import type { MilestoneView } from '../../services/calendar.service.js';
import { formatDay, m, pick, type Lang } from '../../../../platform/http/i18n.js';

/** A month (YYYY-MM) as a heading: "มีนาคม 2569" in Thai. */
export const monthLabel: (lang: Lang, month: string) => string = longMonth;

/** A calendar day (YYYY-MM-DD) in the page's language, Buddhist era for Thai. */
export const dayLabel = formatDay;

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

/** One dated line of a timeline: a milestone (by its start) or a task (by its due day). */
export type TimelineEntry<T> =
  | { kind: 'milestone'; date: string; milestone: MilestoneView }
  | { kind: 'task'; date: string; task: T };

/** Milestones and tasks as the entries of one timeline. */
export function timelineEntries<T extends { dueOn: string }>(
  milestones: readonly MilestoneView[],
  tasks: readonly T[],
): TimelineEntry<T>[] {
  return [
    ...milestones.map((milestone) => ({
      kind: 'milestone' as const,
      date: milestone.start,
      milestone,
    })),
    ...tasks.map((task) => ({ kind: 'task' as const, date: task.dueOn, task })),
  ];
}

/** A timeline as a section per month: milestones as lines, each task as `taskItem` draws it. */
export function MonthSections<T>(props: {
  lang: Lang;
  entries: TimelineEntry<T>[];
  taskItem: (task: T) => JSX.Element;
}) {
  const { lang } = props;
  return (
    <>
      {groupByMonth(props.entries, (e) => e.date).map((group) => (
        <section>
          <h2>{monthLabel(lang, group.month)}</h2>
          <ul>
            {group.items.map((entry) =>
              entry.kind === 'milestone' ? (
                <li>
                  <MilestoneLine lang={lang} milestone={entry.milestone} />
                </li>
              ) : (
                props.taskItem(entry.task)
              ),
            )}
          </ul>
        </section>
      ))}
    </>
  );
}
