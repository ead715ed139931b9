import {
  ARRIVAL_WINDOW_MINUTES,
  BURST_MIN_ANSWERS,
  IDENTICAL_MIN_SETS,
  type Burst,
} from '../../core/ballot-guard.js';
import type { IdenticalSets, InstrumentReview } from '../../services/survey-review.service.js';
import { formatDay, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField, type FieldErrors } from '../../../../platform/http/views/form.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';

/** The id of the reason field of one group's exclusion form (errors are keyed by it). */
export function reasonFieldId(instrument: string, fingerprint: string): string {
  return `${instrument}-reason-${fingerprint}`;
}

const T = {
  title: m('ตรวจสอบการตอบที่ผิดปกติ', 'Unusual answering to review'),
  nothing: m(
    'ไม่พบช่วงที่มีคำตอบเข้ามาถี่ผิดปกติ และไม่พบชุดคำตอบที่เหมือนกันทุกข้อ',
    'No burst of answers and no identical answer sets',
  ),
  burstHint: m(
    `แสดงเฉพาะช่วง ${ARRIVAL_WINDOW_MINUTES} นาทีที่มีคำตอบเข้ามาอย่างน้อย ${BURST_MIN_ANSWERS} คำตอบ อาจเกิดจากการประชุมที่ให้บุคลากรตอบพร้อมกัน หรือจากโปรแกรมที่ส่งคำตอบซ้ำ ๆ ระบบไม่ได้บันทึกว่าคำตอบใดมาในช่วงใด จึงตัดออกตามช่วงเวลาไม่ได้ หากสงสัย ให้เปลี่ยนลิงก์เป็นแบบใช้รหัสครั้งเดียว`,
    `Only ${ARRIVAL_WINDOW_MINUTES}-minute windows with at least ${BURST_MIN_ANSWERS} answers are shown. A meeting where staff answered together can cause one, and so can a program sending answers again and again. Which answer came in which window is not recorded, so a window cannot be excluded; if in doubt, switch the link to single-use codes.`,
  ),
  identicalHint: m(
    `ชุดคำตอบที่เหมือนกันทุกข้อตั้งแต่ ${IDENTICAL_MIN_SETS} ชุดในวันเดียวกัน (ไม่รวมวันนี้และคำตอบที่นำเข้า) หลายคนอาจเลือกเหมือนกันได้จริง เช่น เลือกระดับสูงสุดทุกข้อ ควรตัดออกเมื่อมีเหตุผล เช่น มาพร้อมกับช่วงที่มีคำตอบเข้ามาถี่ผิดปกติ การตัดออกจะเก็บไว้หนึ่งชุดและบันทึกในประวัติการใช้งาน`,
    `At least ${IDENTICAL_MIN_SETS} answer sets of one day that are the same in every answer (today and imported answers left out). Several people can truly answer alike, such as the top level everywhere: exclude them only for a reason, such as a burst that day. Excluding keeps one set and is recorded in the audit log.`,
  ),
  reason: m('เหตุผลที่ตัดออก', 'Reason for excluding'),
};

function BurstItem({ lang, burst }: { lang: Lang; burst: Burst }) {
  const day = formatDay(lang, burst.day);
  const { answers, minutes, fromTime, toTime } = burst;
  return (
    <li class="burst">
      {pick(
        lang,
        m(
          `${answers} คำตอบเข้ามาภายใน ${minutes} นาที เวลา ${fromTime}–${toTime} น. วันที่ ${day}`,
          `${answers} answers arrived within ${minutes} minutes, ${fromTime}–${toTime} (Bangkok time) on ${day}`,
        ),
      )}
    </li>
  );
}

function IdenticalItem(props: {
  page: PageContext;
  action: string;
  instrument: string;
  group: IdenticalSets;
  canExclude: boolean;
  errors: FieldErrors;
  values: Record<string, string>;
}) {
  const { page, group } = props;
  const { lang } = page;
  const id = reasonFieldId(props.instrument, group.fingerprint);
  const error = props.errors[id];
  const day = formatDay(lang, group.day);
  return (
    <li class="identical">
      <p>
        {pick(
          lang,
          m(
            `${group.count} ชุดคำตอบที่เหมือนกันทุกข้อ วันที่ ${day}`,
            `${group.count} identical answer sets on ${day}`,
          ),
        )}
      </p>
      {props.canExclude && (
        <form method="post" action={props.action}>
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="day" value={group.day} />
          <input type="hidden" name="set" value={group.fingerprint} />
          <div class={error ? 'field field-error' : 'field'}>
            <label for={id}>{pick(lang, T.reason)}</label>
            {error && (
              <p class="error" id={`${id}-error`}>
                {pick(lang, error)}
              </p>
            )}
            <textarea
              id={id}
              name="reason"
              rows={2}
              maxLength={500}
              required
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            >
              {props.values[id] ?? ''}
            </textarea>
          </div>
          <button type="submit" class="secondary">
            {pick(
              lang,
              m(
                `ตัดออก ${group.count - 1} คำตอบ (เก็บไว้ 1 ชุด)`,
                `Exclude ${group.count - 1} answers (keep one set)`,
              ),
            )}
          </button>
        </form>
      )}
    </li>
  );
}

/** The review part of an instrument's cockpit panel: bursts, identical answer sets, exclusions. */
export function ReviewBlock(props: {
  page: PageContext;
  roundId: string;
  instrument: string;
  review: InstrumentReview | undefined;
  canExclude: boolean;
  errors: FieldErrors;
  values: Record<string, string>;
}) {
  const { page, review, instrument } = props;
  const { lang } = page;
  const empty =
    !review ||
    (review.bursts.length === 0 && review.identical.length === 0 && review.excluded.length === 0);
  return (
    <div class="survey-review">
      <h3>{pick(lang, T.title)}</h3>
      {empty && <p class="muted">{pick(lang, T.nothing)}</p>}
      {review && review.bursts.length > 0 && (
        <>
          <ul>
            {review.bursts.map((burst) => (
              <BurstItem lang={lang} burst={burst} />
            ))}
          </ul>
          <p class="hint">{pick(lang, T.burstHint)}</p>
        </>
      )}
      {review && review.identical.length > 0 && (
        <>
          <ul>
            {review.identical.map((group) => (
              <IdenticalItem
                page={page}
                action={`/rounds/${props.roundId}/surveys/${instrument}/exclusions`}
                instrument={instrument}
                group={group}
                canExclude={props.canExclude}
                errors={props.errors}
                values={props.values}
              />
            ))}
          </ul>
          <p class="hint">{pick(lang, T.identicalHint)}</p>
        </>
      )}
      {review && review.excluded.length > 0 && (
        <ul>
          {review.excluded.map((e) => (
            <li class="excluded">
              {pick(
                lang,
                m(
                  `ตัดออกแล้ว ${e.excluded} คำตอบ จากชุดคำตอบที่เหมือนกัน ${e.identical} ชุด วันที่ ${formatDay(lang, e.day)} เหตุผล: ${e.reason}`,
                  `Excluded ${e.excluded} of ${e.identical} identical answer sets of ${formatDay(lang, e.day)}. Reason: ${e.reason}`,
                ),
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
