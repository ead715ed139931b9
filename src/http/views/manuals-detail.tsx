import { KIND_NAMES, TIME_UNITS, UNIT_NAMES, NONE_TH } from '../../core/manuals/manual-rules.js';
import type { ManualDetail } from '../../services/manual.service.js';
import { formatDate, m, pick, type Lang } from '../i18n.js';
import { CsrfField, ErrorSummary, Field, type FieldErrors } from './form.js';
import { Layout, type PageContext } from './layout.js';
import { dueLabel } from './measures-register.js';
import { ManualStatusTag, publicManualsPath, StepsTable, TextArea } from './manuals-register.js';

/** One step row as the form shows it (strings, as posted). */
export interface StepFormValues {
  description: string;
  responsible: string;
  timeAmount: string;
  timeUnit: string;
}

/** The edit form's values: stored ones, or what was posted when it is shown again. */
export interface ManualFormValues {
  title: string;
  purpose: string;
  responsibleUnit: string;
  channels: string;
  feeText: string;
  documents: string;
  legalBasis: string;
  fiscalYear: string;
  steps: StepFormValues[];
}

/** The stored manual as form values. */
export function formValuesOf(detail: ManualDetail): ManualFormValues {
  const { manual } = detail;
  return {
    title: manual.title,
    purpose: manual.purpose,
    responsibleUnit: manual.responsibleUnit,
    channels: manual.channels.join('\n'),
    feeText: manual.feeText,
    documents: manual.documents.join('\n'),
    legalBasis: manual.legalBasis,
    fiscalYear: String(manual.fiscalYear),
    steps: manual.steps.map((s) => ({
      description: s.description,
      responsible: s.responsible,
      timeAmount: String(s.timeAmount),
      timeUnit: s.timeUnit,
    })),
  };
}

function ElementPanel({ lang, detail }: { lang: Lang; detail: ManualDetail }) {
  if (!detail.item)
    return (
      <p>
        {pick(
          lang,
          m(
            'หน่วยงานยังไม่มีรอบการประเมินที่ใช้คู่มือประเภทนี้',
            'The agency has no round whose edition uses this kind of manual',
          ),
        )}
      </p>
    );
  return (
    <section aria-labelledby="elements-title">
      <h2 id="elements-title">
        {pick(lang, m('ตรวจองค์ประกอบ OIT', 'OIT element check'))} {detail.item.code}{' '}
        {pick(lang, detail.item.name)}
      </h2>
      <ul class="element-check">
        {detail.elements.map((e) => (
          <li data-element={e.code} data-met={e.met === null ? 'unknown' : String(e.met)}>
            <strong>
              {e.met === true
                ? pick(lang, m('ครบ', 'Met'))
                : e.met === false
                  ? pick(lang, m('ยังขาด', 'Missing'))
                  : pick(lang, m('ตรวจเอง', 'Check by hand'))}
            </strong>{' '}
            {e.code} {pick(lang, e.text)}
            {e.field && (
              <span class="hint">
                {' '}
                ({pick(lang, m('ดูจาก', 'from'))}: {pick(lang, e.field)})
              </span>
            )}
          </li>
        ))}
      </ul>
      <p class="hint">
        {pick(
          lang,
          m(
            'การจับคู่องค์ประกอบกับข้อมูลในคู่มือเป็นแบบชั่วคราว จนกว่าจะได้คู่มือการประเมินฉบับทางการ',
            'The element mapping is provisional until the official assessment manual is known',
          ),
        )}
      </p>
    </section>
  );
}

function StepFields({ lang, index, step }: { lang: Lang; index: number; step: StepFormValues }) {
  const id = (f: string) => `step-${index}-${f}`;
  const name = (f: string) => `step_${f}_${index}`;
  return (
    <fieldset class="step-row" id={`step-${index}`}>
      <legend>
        {pick(lang, m(`ขั้นตอนที่ ${index + 1}`, `Step ${index + 1}`))}
        {!step.description && ` ${pick(lang, m('(แถวใหม่)', '(new row)'))}`}
      </legend>
      <div class="field">
        <label for={id('description')}>{pick(lang, m('รายละเอียดขั้นตอน', 'What is done'))}</label>
        <textarea id={id('description')} name={name('description')} rows={2}>
          {step.description}
        </textarea>
      </div>
      <div class="field">
        <label for={id('responsible')}>{pick(lang, m('ผู้รับผิดชอบ', 'Responsible'))}</label>
        <input id={id('responsible')} name={name('responsible')} value={step.responsible} />
      </div>
      <div class="field">
        <label for={id('amount')}>{pick(lang, m('ระยะเวลา (จำนวน)', 'Time limit (amount)'))}</label>
        <input
          id={id('amount')}
          name={name('amount')}
          type="number"
          min={1}
          inputMode="numeric"
          value={step.timeAmount}
        />
      </div>
      <div class="field">
        <label for={id('unit')}>{pick(lang, m('หน่วยเวลา', 'Time unit'))}</label>
        <select id={id('unit')} name={name('unit')}>
          <option value="">{pick(lang, m('— เลือก —', '— choose —'))}</option>
          {TIME_UNITS.map((u) => (
            <option value={u} selected={u === step.timeUnit}>
              {pick(lang, UNIT_NAMES[u])}
            </option>
          ))}
        </select>
      </div>
      {step.description && (
        <button class="link-button" type="submit" name="action" value={`remove:${index}`}>
          {pick(lang, m(`ลบขั้นตอนที่ ${index + 1}`, `Remove step ${index + 1}`))}
        </button>
      )}
    </fieldset>
  );
}

function EditForm(props: {
  page: PageContext;
  detail: ManualDetail;
  values: ManualFormValues;
  errors: FieldErrors;
  blankRows: number;
}) {
  const { page, detail, values, errors } = props;
  const { lang } = page;
  const service = detail.manual.kind === 'service';
  const blank: StepFormValues = { description: '', responsible: '', timeAmount: '', timeUnit: '' };
  const rows = [...values.steps, ...Array.from({ length: props.blankRows }, () => blank)];
  return (
    <form method="post" action={`/agencies/${detail.agency.id}/manuals/${detail.manual.id}`}>
      <h2>{pick(lang, m('แก้ไขคู่มือ', 'Edit the manual'))}</h2>
      <CsrfField token={page.csrfToken} />
      <Field
        lang={lang}
        name="title"
        label={m('ชื่อคู่มือหรือชื่อบริการ', 'Title or service name')}
        value={values.title}
        errors={errors}
        required
      />
      <TextArea
        lang={lang}
        name="purpose"
        label={m('วัตถุประสงค์', 'Purpose')}
        value={values.purpose}
        errors={errors}
      />
      <Field
        lang={lang}
        name="responsibleUnit"
        label={m('หน่วยงานที่รับผิดชอบ', 'Responsible unit')}
        value={values.responsibleUnit}
        errors={errors}
      />
      {service && (
        <>
          <TextArea
            lang={lang}
            name="channels"
            label={m('สถานที่หรือช่องทางให้บริการ', 'Where or how the service is given')}
            hint={m('บรรทัดละหนึ่งช่องทาง', 'One channel a line')}
            value={values.channels}
            errors={errors}
          />
          <Field
            lang={lang}
            name="feeText"
            label={m('ค่าธรรมเนียม', 'Fee')}
            hint={m(
              `หากไม่เก็บค่าธรรมเนียม ให้เขียนว่า "${NONE_TH}"`,
              `Write "${NONE_TH}" (none) when there is no fee`,
            )}
            value={values.feeText}
            errors={errors}
          />
          <TextArea
            lang={lang}
            name="documents"
            label={m('เอกสารที่ผู้ขอรับบริการต้องใช้', 'Documents the applicant needs')}
            hint={m(
              `บรรทัดละหนึ่งรายการ หากไม่ต้องใช้ ให้เขียนว่า "${NONE_TH}"`,
              `One a line; write "${NONE_TH}" (none) when none are needed`,
            )}
            value={values.documents}
            errors={errors}
          />
        </>
      )}
      <TextArea
        lang={lang}
        name="legalBasis"
        label={m('กฎหมายหรือระเบียบที่เกี่ยวข้อง', 'Legal basis')}
        value={values.legalBasis}
        errors={errors}
      />
      <Field
        lang={lang}
        name="fiscalYear"
        type="number"
        inputMode="numeric"
        label={m('ปีงบประมาณ (พ.ศ.)', 'Fiscal year (Buddhist era)')}
        value={values.fiscalYear}
        errors={errors}
        required
      />
      <h3 id="steps">{pick(lang, m('ขั้นตอนและระยะเวลา', 'Steps and time limits'))}</h3>
      {errors.steps && <p class="error">{pick(lang, errors.steps)}</p>}
      <p class="hint">
        {pick(
          lang,
          m(
            'ทุกขั้นตอนต้องระบุระยะเวลา แถวที่เว้นว่างจะไม่ถูกบันทึก',
            'Every step needs a time limit; empty rows are not saved',
          ),
        )}
      </p>
      {rows.map((step, i) => (
        <StepFields lang={lang} index={i} step={step} />
      ))}
      <button class="button" type="submit" name="action" value="save">
        {pick(lang, m('บันทึก', 'Save'))}
      </button>{' '}
      <button class="button secondary" type="submit" name="action" value="add_step">
        {pick(lang, m('บันทึกและเพิ่มแถวขั้นตอน', 'Save and add a step row'))}
      </button>
    </form>
  );
}

function PublishForm({ page, detail }: { page: PageContext; detail: ManualDetail }) {
  const { lang } = page;
  const published = detail.manual.status === 'published';
  const blocked = !published && detail.manual.problems.length > 0;
  return (
    <form
      method="post"
      action={`/agencies/${detail.agency.id}/manuals/${detail.manual.id}/publish`}
    >
      <h2>{pick(lang, m('การเผยแพร่', 'Publication'))}</h2>
      <CsrfField token={page.csrfToken} />
      <input type="hidden" name="publish" value={published ? '0' : '1'} />
      {blocked && (
        <ul class="warning-text">
          {detail.manual.problems.map((p) => (
            <li>{pick(lang, p.message)}</li>
          ))}
        </ul>
      )}
      <button
        class={published ? 'button secondary' : 'button'}
        type="submit"
        name="action"
        value={published ? 'unpublish' : 'publish'}
      >
        {published
          ? pick(lang, m('ยกเลิกการเผยแพร่', 'Take back to draft'))
          : pick(lang, m('เผยแพร่คู่มือ', 'Publish the manual'))}
      </button>
    </form>
  );
}

function CasesSection({
  page,
  detail,
  errors,
}: {
  page: PageContext;
  detail: ManualDetail;
  errors: FieldErrors;
}) {
  const { lang } = page;
  const s = detail.statistics;
  const base = `/agencies/${detail.agency.id}/manuals/${detail.manual.id}/cases`;
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">
        {pick(lang, m('สถิติการให้บริการเทียบกับมาตรฐาน', 'Service cases against the standard'))}
      </h2>
      <dl class="case-stats">
        <dt>{pick(lang, m('มาตรฐาน (วันทำการ)', 'Standard (working days)'))}</dt>
        <dd>{s.standardDays}</dd>
        <dt>{pick(lang, m('จำนวนเรื่อง (เสร็จ / ค้าง)', 'Cases (done / open)'))}</dt>
        <dd>
          {s.total} ({s.completed} / {s.open})
        </dd>
        <dt>{pick(lang, m('เสร็จภายในมาตรฐาน', 'Done within the standard'))}</dt>
        <dd data-share-within>
          {s.shareWithin === null
            ? '—'
            : `${s.withinStandard} (${Math.round(s.shareWithin * 100)}%)`}
        </dd>
        <dt>{pick(lang, m('ค่ามัธยฐานของเวลาที่ใช้ (วันทำการ)', 'Median time taken (working days)'))}</dt>
        <dd data-median>{s.medianDays ?? '—'}</dd>
      </dl>
      <p class="hint">
        {pick(
          lang,
          m(
            'บันทึกเฉพาะวันที่ ไม่เก็บข้อมูลส่วนบุคคลของผู้รับบริการ',
            'Dates only: nothing personal about the applicant is kept',
          ),
        )}
      </p>
      {detail.mayEdit && (
        <form method="post" action={base}>
          <h3>{pick(lang, m('บันทึกเรื่องที่ให้บริการ', 'Record a case'))}</h3>
          <CsrfField token={page.csrfToken} />
          <Field
            lang={lang}
            name="receivedOn"
            type="date"
            label={m('วันที่รับเรื่อง', 'Received on')}
            errors={errors}
            required
          />
          <Field
            lang={lang}
            name="completedOn"
            type="date"
            label={m('วันที่แล้วเสร็จ (เว้นว่างหากยังไม่เสร็จ)', 'Completed on (blank while open)')}
            errors={errors}
          />
          <button class="button" type="submit">
            {pick(lang, m('บันทึก', 'Save'))}
          </button>
        </form>
      )}
      {detail.cases.length > 0 && (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{pick(lang, m('รับเรื่อง', 'Received'))}</th>
                <th scope="col">{pick(lang, m('แล้วเสร็จ', 'Completed'))}</th>
                {detail.mayEdit && <th scope="col">{pick(lang, m('ลบ', 'Remove'))}</th>}
              </tr>
            </thead>
            <tbody>
              {detail.cases.map((c) => (
                <tr>
                  <td>{dueLabel(lang, c.receivedOn)}</td>
                  <td>{dueLabel(lang, c.completedOn)}</td>
                  {detail.mayEdit && (
                    <td>
                      <form method="post" action={`${base}/${c.id}/delete`} class="inline">
                        <CsrfField token={page.csrfToken} />
                        <button class="link-button" type="submit">
                          {pick(lang, m('ลบ', 'Remove'))}
                        </button>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One manual: facts, element check, edit form with step rows, publication, service cases. */
export function ManualDetailPage(props: {
  page: PageContext;
  detail: ManualDetail;
  values: ManualFormValues;
  errors: FieldErrors;
  blankRows: number;
}) {
  const { page, detail, errors } = props;
  const { lang } = page;
  const { manual, agency } = detail;
  const base = `/agencies/${agency.id}/manuals/${manual.id}`;
  return (
    <Layout page={page} title={m(manual.title, manual.title)}>
      <p>
        <a href={`/agencies/${agency.id}/manuals`}>
          {pick(lang, m('กลับไปรายการคู่มือ', 'Back to the manuals'))}
        </a>{' '}
        · {pick(lang, KIND_NAMES[manual.kind])} ·{' '}
        <ManualStatusTag lang={lang} status={manual.status} /> ·{' '}
        {pick(lang, m('ปรับปรุงล่าสุด', 'Last updated'))} {formatDate(lang, manual.updatedAt)}
        {manual.status === 'published' && (
          <>
            {' · '}
            <a href={publicManualsPath(agency.code, manual.id)}>
              {pick(lang, m('หน้าเผยแพร่', 'Public page'))}
            </a>
          </>
        )}
      </p>
      <p>
        {pick(lang, m('ดาวน์โหลด', 'Download'))}: <a href={`${base}/document.pdf`}>PDF</a> ·{' '}
        <a href={`${base}/document.docx`}>DOCX</a> ·{' '}
        <a href={`${base}/document.html`}>{pick(lang, m('หน้าพิมพ์', 'Print page'))}</a>
      </p>
      <ErrorSummary lang={lang} errors={errors} />
      <ElementPanel lang={lang} detail={detail} />
      {manual.steps.length > 0 && <StepsTable lang={lang} manual={manual} />}
      {detail.mayPublish && <PublishForm page={page} detail={detail} />}
      {detail.mayEdit && (
        <EditForm
          page={page}
          detail={detail}
          values={props.values}
          errors={errors}
          blankRows={props.blankRows}
        />
      )}
      <CasesSection page={page} detail={detail} errors={errors} />
    </Layout>
  );
}
