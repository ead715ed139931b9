import type { Message } from '../../../../core/errors.js';
import {
  MEASURE_STATUSES,
  STATUS_NAMES,
  TARGET_NAMES,
  TARGET_TYPES,
  type MeasureStatus,
} from '../../core/measure-rules.js';
import type { MeasureRegister, MeasureView } from '../../services/measure.service.js';
import { formatDate, formatDay, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
  SelectField,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { BeDateField } from '../../../../platform/http/views/be-date-field.js';
import { editionYearLabel } from '../../../../core/plain-labels.js';
import type { MeasuresHandOff } from '../../services/measure-carry.service.js';
import { MeasuresHandOffSection } from './measures-handoff.js';
import { targetLabel } from './measure-target.js';

/** A due date (YYYY-MM-DD) in the Buddhist era for Thai. */
export const dueLabel = formatDay;

export function StatusTag({
  lang,
  status,
  overdue,
}: {
  lang: Lang;
  status: MeasureStatus;
  overdue?: boolean;
}) {
  return (
    <span class="tag">
      {pick(lang, STATUS_NAMES[status])}
      {overdue ? ` · ${pick(lang, m('เกินกำหนด', 'Overdue'))}` : ''}
    </span>
  );
}

/** Values a measure form shows. */
export interface MeasureFormValues {
  targetType?: string;
  targetCode?: string;
  title?: string;
  description?: string;
  ownerUserId?: string | null;
  dueOn?: string | null;
  status?: string;
}

/** The add/edit form of a measure. */
export function MeasureForm(props: {
  page: PageContext;
  action: string;
  owners: { id: string; displayName: string }[];
  values: MeasureFormValues;
  errors: FieldErrors;
  withStatus: boolean;
  submit: Message;
}) {
  const { page, values, errors } = props;
  const { lang } = page;
  return (
    <form method="post" action={props.action}>
      <CsrfField token={page.csrfToken} />
      <SelectField
        lang={lang}
        name="targetType"
        label={m('ประเภทเป้าหมาย', 'Target type')}
        options={TARGET_TYPES.map((t) => ({ value: t, label: pick(lang, TARGET_NAMES[t]) }))}
        value={values.targetType}
        errors={errors}
      />
      <Field
        lang={lang}
        name="targetCode"
        label={m('รหัสตัวชี้วัด ข้อคำถาม หรือข้อ OIT', 'Indicator, question or OIT item code')}
        hint={m('เช่น 9 หรือ O25', 'e.g. 9 or O25')}
        value={values.targetCode}
        errors={errors}
        required
      />
      <Field
        lang={lang}
        name="title"
        label={m('ชื่อมาตรการ', 'Measure')}
        value={values.title}
        errors={errors}
        required
      />
      <div class="field">
        <label for="description">
          {pick(lang, m('รายละเอียด / วิธีดำเนินการ', 'Description and steps'))}
        </label>
        <textarea id="description" name="description" rows={4}>
          {values.description ?? ''}
        </textarea>
      </div>
      <SelectField
        lang={lang}
        name="ownerUserId"
        label={m('ผู้รับผิดชอบ', 'Owner')}
        options={props.owners.map((o) => ({ value: o.id, label: o.displayName }))}
        placeholder={m('— ยังไม่กำหนด —', '— not yet —')}
        value={values.ownerUserId ?? ''}
        errors={errors}
      />
      <BeDateField
        lang={lang}
        name="dueOn"
        label={m('กำหนดแล้วเสร็จ', 'Due date')}
        value={values.dueOn}
        errors={errors}
      />
      {props.withStatus && (
        <SelectField
          lang={lang}
          name="status"
          label={m('สถานะ', 'Status')}
          options={MEASURE_STATUSES.map((s) => ({ value: s, label: pick(lang, STATUS_NAMES[s]) }))}
          value={values.status}
          errors={errors}
        />
      )}
      <button class="button" type="submit">
        {pick(lang, props.submit)}
      </button>
    </form>
  );
}

function MeasureTable({
  lang,
  roundId,
  measures,
}: {
  lang: Lang;
  roundId: string;
  measures: MeasureView[];
}) {
  if (measures.length === 0) return <p>{pick(lang, m('ยังไม่มีมาตรการ', 'No measures yet'))}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>{pick(lang, m('มาตรการ', 'Measure'))}</th>
          <th>{pick(lang, m('เป้าหมาย', 'Target'))}</th>
          <th>{pick(lang, m('ผู้รับผิดชอบ', 'Owner'))}</th>
          <th>{pick(lang, m('กำหนดเสร็จ', 'Due'))}</th>
          <th>{pick(lang, m('สถานะ', 'Status'))}</th>
          <th>{pick(lang, m('ความคืบหน้าล่าสุด', 'Latest progress'))}</th>
        </tr>
      </thead>
      <tbody>
        {measures.map((x) => (
          <tr>
            <td>
              <a href={`/rounds/${roundId}/measures/${x.id}`}>{x.title}</a>
            </td>
            <td>{targetLabel(lang, x)}</td>
            <td>{x.ownerName ?? '—'}</td>
            <td>{dueLabel(lang, x.dueOn)}</td>
            <td>
              <StatusTag lang={lang} status={x.status} overdue={x.overdue} />
            </td>
            <td>
              {x.latest
                ? `${x.latest.percent}% · ${x.latest.note} (${formatDate(lang, x.latest.createdAt)})`
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Suggestions({ page, register }: { page: PageContext; register: MeasureRegister }) {
  const { lang } = page;
  const { suggestions, round, mayEdit } = register;
  return (
    <section>
      <h2>{pick(lang, m('มาตรการที่แนะนำจากจุดอ่อน', 'Suggested from the weak points'))}</h2>
      <p class="muted">
        {pick(
          lang,
          m(
            'จุดอ่อนเหล่านี้มาจากผลเดียวกับหน้า',
            'These weak points come from the same result as the page',
          ),
        )}{' '}
        <a href={`/rounds/${round.id}/results#weaknesses`}>
          {pick(lang, m('ผลการประเมิน', 'Results'))}
        </a>
        {register.unassessed > 0 &&
          ` ${pick(
            lang,
            m(
              `ข้อ OIT อีก ${register.unassessed} ข้อยังไม่ได้ตรวจ จึงยังไม่นับเป็นจุดอ่อน`,
              `${register.unassessed} OIT items are not assessed yet, so they are not counted as weak points`,
            ),
          )}`}
      </p>
      {suggestions.length === 0 && (
        <p>{pick(lang, m('ไม่มีข้อแนะนำเพิ่มเติม', 'No further suggestions'))}</p>
      )}
      <ul>
        {suggestions.map((s) => (
          <li>
            <strong>{pick(lang, s.title)}</strong> — {targetLabel(lang, { ...s, targetName: null })}{' '}
            · {pick(lang, m('คะแนน', 'score'))} {Math.round(s.score * 100) / 100} ·{' '}
            {pick(lang, m('เสียคะแนนรวม', 'points lost'))} {Math.round(s.lost * 100) / 100}
            <br />
            {pick(lang, s.description)}
            {mayEdit && (
              <form method="post" action={`/rounds/${round.id}/measures`} class="inline">
                <CsrfField token={page.csrfToken} />
                <input type="hidden" name="targetType" value={s.targetType} />
                <input type="hidden" name="targetCode" value={s.targetCode} />
                <input type="hidden" name="title" value={pick(lang, s.title)} />
                <input type="hidden" name="description" value={pick(lang, s.description)} />
                <button class="button" type="submit">
                  {pick(lang, m('รับเป็นมาตรการ', 'Adopt'))}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A round's measures register: the measures, suggestions to adopt and the add form. */
export function MeasureRegisterPage({
  page,
  register,
  values,
  errors,
  handOff,
}: {
  page: PageContext;
  register: MeasureRegister;
  values: MeasureFormValues;
  errors: FieldErrors;
  /** Publication of the documents and last year's finished measures (when loaded). */
  handOff?: MeasuresHandOff;
}) {
  const { lang } = page;
  const { round } = register;
  return (
    <Layout page={page} title={m('มาตรการส่งเสริมคุณธรรมและความโปร่งใส', 'Improvement measures')}>
      <p>
        <a href={`/rounds/${round.id}`}>
          {round.agencyCode} {round.agencyNameTh}
        </a>{' '}
        · {pick(lang, editionYearLabel(round.editionYear))} ·{' '}
        <a href={`/rounds/${round.id}/measures/document`}>
          {pick(lang, m('เอกสารมาตรการสำหรับพิมพ์', 'Printable measures document'))}
        </a>
      </p>
      <ErrorSummary lang={lang} errors={errors} />
      <MeasureTable lang={lang} roundId={round.id} measures={register.measures} />
      <Suggestions page={page} register={register} />
      {handOff && (
        <MeasuresHandOffSection
          page={page}
          roundId={round.id}
          handOff={handOff}
          mayEdit={register.mayEdit}
          publicBase={`/public/${encodeURIComponent(round.agencyCode)}/${round.editionYear}/measures`}
        />
      )}
      {register.mayEdit && (
        <section>
          <h2>{pick(lang, m('เพิ่มมาตรการ', 'Add a measure'))}</h2>
          <MeasureForm
            page={page}
            action={`/rounds/${round.id}/measures`}
            owners={register.owners}
            values={values}
            errors={errors}
            withStatus={false}
            submit={m('เพิ่มมาตรการ', 'Add measure')}
          />
        </section>
      )}
    </Layout>
  );
}
