import {
  DISPOSITION_NAMES,
  DISPOSITIONS,
  GIVER_TYPE_NAMES,
  GIVER_TYPES,
  HANDLING_NAMES,
  HANDLINGS,
  HEAD_DECISION_NAMES,
  HEAD_DECISIONS,
  thresholdRule,
} from '../../core/gift-rules.js';
import type { GiftRegister, GiftReport } from '../../services/gift-register.service.js';
import { m, pick } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  Field,
  SelectField,
  type FieldErrors,
} from '../../../../platform/http/views/form.js';
import { BeDateField } from '../../../../platform/http/views/be-date-field.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';

/** A gift form that failed, shown again with its values and errors. */
export interface FailedGiftForm {
  form: 'report' | 'decision';
  giftId?: string;
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
}

/** The form a member reports a gift with. */
export function ReportForm(props: {
  page: PageContext;
  data: GiftRegister;
  failed: FailedGiftForm | null;
}) {
  const { page, data } = props;
  const { lang } = page;
  const failed = props.failed?.form === 'report' ? props.failed : null;
  const values = failed?.values ?? { giftOn: data.today };
  const errors = failed?.errors ?? {};
  const options = <K extends string>(
    keys: readonly K[],
    names: Record<K, { th: string; en: string }>,
  ) => keys.map((k) => ({ value: k, label: pick(lang, names[k]) }));
  const choose = m('— เลือก —', '— choose —');
  return (
    <form method="post" action={`/agencies/${data.agency.id}/gifts`}>
      <CsrfField token={page.csrfToken} />
      <BeDateField
        lang={lang}
        name="giftOn"
        label={m('วันที่ได้รับหรือมีผู้เสนอให้', 'Date given or offered')}
        value={values.giftOn}
        errors={errors}
        required
      />
      <SelectField
        lang={lang}
        name="giverType"
        label={m('ประเภทผู้ให้', 'Giver')}
        options={options(GIVER_TYPES, GIVER_TYPE_NAMES)}
        placeholder={choose}
        value={values.giverType}
        errors={errors}
      />
      <Field
        lang={lang}
        name="giverName"
        label={m('ชื่อผู้ให้ (ถ้ามี)', "Giver's name (optional)")}
        value={values.giverName}
        errors={errors}
      />
      <Field
        lang={lang}
        name="description"
        label={m('ทรัพย์สินหรือประโยชน์ที่ได้รับ', 'What was given')}
        value={values.description}
        errors={errors}
        required
      />
      <Field
        lang={lang}
        name="valueBaht"
        inputMode="numeric"
        label={m('มูลค่าโดยประมาณ (บาท)', 'Estimated value (baht)')}
        hint={thresholdRule(data.threshold)}
        value={values.valueBaht}
        errors={errors}
        required
      />
      <SelectField
        lang={lang}
        name="disposition"
        label={m('การรับหรือปฏิเสธ', 'What happened')}
        options={options(DISPOSITIONS, DISPOSITION_NAMES)}
        placeholder={choose}
        value={values.disposition}
        errors={errors}
      />
      <SelectField
        lang={lang}
        name="handling"
        label={m('การดำเนินการ', 'What you did with it')}
        options={options(HANDLINGS, HANDLING_NAMES)}
        placeholder={choose}
        value={values.handling}
        errors={errors}
      />
      <Field
        lang={lang}
        name="actionNote"
        label={m('รายละเอียดการดำเนินการ', 'Details of what was done')}
        value={values.actionNote}
        errors={errors}
      />
      <button type="submit">{pick(lang, m('รายงาน', 'Report'))}</button>
    </form>
  );
}

/** The head's decision on one flagged gift. */
export function DecisionForm(props: {
  page: PageContext;
  data: GiftRegister;
  gift: GiftReport;
  failed: FailedGiftForm | null;
}) {
  const { page, gift } = props;
  const { lang } = page;
  const failed =
    props.failed?.form === 'decision' && props.failed.giftId === gift.id ? props.failed : null;
  const errors = failed?.errors ?? {};
  const prefix = `decision-${gift.id}`;
  return (
    <form method="post" action={`/agencies/${props.data.agency.id}/gifts/${gift.id}/decision`}>
      <CsrfField token={page.csrfToken} />
      <fieldset>
        <legend>{pick(lang, m('ผลการวินิจฉัยของหัวหน้าหน่วยงาน', "The head's decision"))}</legend>
        {errors.decision && <p class="error">{pick(lang, errors.decision)}</p>}
        {HEAD_DECISIONS.map((d) => (
          <div>
            <label>
              <input
                type="radio"
                name="decision"
                value={d}
                checked={failed?.values.decision === d}
              />{' '}
              {pick(lang, HEAD_DECISION_NAMES[d])}
            </label>
          </div>
        ))}
        <div class="field">
          <label for={`${prefix}-note`}>{pick(lang, m('หมายเหตุ', 'Note'))}</label>
          <input id={`${prefix}-note`} name="note" value={failed?.values.note ?? ''} />
        </div>
      </fieldset>
      <button type="submit">{pick(lang, m('บันทึกผลการวินิจฉัย', 'Record the decision'))}</button>
    </form>
  );
}
