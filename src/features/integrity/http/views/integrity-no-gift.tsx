import { CHANNEL_NAMES, CHANNELS, type Channel } from '../../core/communication.js';
import { declarationTitle, DECLARATION_STATUS_NAMES } from '../../core/declaration-template.js';
import type { NoGiftPage } from '../../services/integrity.service.js';
import { formatDate, m, pick } from '../../../../platform/http/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  SelectField,
} from '../../../../platform/http/views/form.js';
import { BeDateField } from '../../../../platform/http/views/be-date-field.js';
import { dayLabel, DeclarationText, ShareBar, YearLinks } from './integrity-shared.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import {
  CreateForm,
  EditForm,
  errorsFor,
  valuesFor,
  type FailedForm,
} from './integrity-no-gift-forms.js';

export type { FailedForm } from './integrity-no-gift-forms.js';

function HeadActions({ page, data }: { page: PageContext; data: NoGiftPage }) {
  const { lang } = page;
  const d = data.declaration;
  if (!d || !data.may.decide || d.status === 'published') return null;
  const to = d.status === 'draft' ? 'approve' : 'publish';
  return (
    <form
      method="post"
      action={`/agencies/${data.agency.id}/no-gift/${d.fiscalYear}/${to}`}
      class="inline"
    >
      <CsrfField token={page.csrfToken} />
      <button type="submit">
        {pick(
          lang,
          to === 'approve'
            ? m('อนุมัติประกาศ', 'Approve the declaration')
            : m('เผยแพร่ประกาศ', 'Publish the declaration'),
        )}
      </button>
    </form>
  );
}

function Acknowledge({ page, data }: { page: PageContext; data: NoGiftPage }) {
  const { lang } = page;
  const d = data.declaration;
  if (!d || !data.may.acknowledge) return null;
  if (data.myAcknowledgement)
    return (
      <p class="notice" id="my-ack">
        {pick(lang, m('คุณรับทราบประกาศนี้แล้วเมื่อ', 'You acknowledged this declaration on'))}{' '}
        {dayLabel(lang, data.myAcknowledgement)}
      </p>
    );
  return (
    <form method="post" action={`/agencies/${data.agency.id}/no-gift/${d.fiscalYear}/acknowledge`}>
      <CsrfField token={page.csrfToken} />
      <p>
        {pick(
          lang,
          m(
            'โปรดอ่านประกาศแล้วกดรับทราบ (บันทึกเพียงวันที่รับทราบ)',
            'Please read the declaration, then acknowledge it (only the day is kept)',
          ),
        )}
      </p>
      <button type="submit">
        {pick(lang, m('ข้าพเจ้ารับทราบประกาศนี้', 'I acknowledge this declaration'))}
      </button>
    </form>
  );
}

function Declaration({ page, data }: { page: PageContext; data: NoGiftPage }) {
  const { lang } = page;
  const d = data.declaration;
  if (!d)
    return (
      <p>{pick(lang, m('ยังไม่มีประกาศของปีงบประมาณนี้', 'No declaration for this fiscal year yet'))}</p>
    );
  const print = `/agencies/${data.agency.id}/no-gift/declaration/${d.fiscalYear}`;
  return (
    <section aria-labelledby="declaration-title">
      <h2 id="declaration-title">{declarationTitle(data.agency.nameTh, d.fiscalYear)}</h2>
      <p>
        <span class="tag">{pick(lang, DECLARATION_STATUS_NAMES[d.status])}</span>
        {d.approvedAt &&
          ` · ${pick(lang, m('อนุมัติเมื่อ', 'approved'))} ${formatDate(lang, d.approvedAt)}`}
        {d.publishedAt &&
          ` · ${pick(lang, m('เผยแพร่เมื่อ', 'published'))} ${formatDate(lang, d.publishedAt)}`}
      </p>
      <DeclarationText body={d.body} />
      <p>
        {d.headName} · {d.headPosition}
      </p>
      <p>
        <a href={`${print}.pdf`}>PDF</a> · <a href={`${print}.docx`}>DOCX</a> ·{' '}
        <a href={`${print}.html`}>{pick(lang, m('หน้าสำหรับพิมพ์', 'Printable page'))}</a>
        {d.status === 'published' && (
          <>
            {' · '}
            <a href={`/public/${encodeURIComponent(data.agency.code)}/${d.fiscalYear}/no-gift`}>
              {pick(lang, m('หน้าเผยแพร่สาธารณะ', 'Public page'))}
            </a>
          </>
        )}
      </p>
      <HeadActions page={page} data={data} />
      {data.share && d.status === 'published' && <ShareBar lang={lang} share={data.share} />}
      <Acknowledge page={page} data={data} />
    </section>
  );
}

function CommunicationLog({
  page,
  data,
  failed,
}: {
  page: PageContext;
  data: NoGiftPage;
  failed: FailedForm | null;
}) {
  const { lang } = page;
  const values = valuesFor(failed, 'communication') ?? {};
  const errors = errorsFor(failed, 'communication');
  return (
    <section id="communication">
      <h2>
        {pick(lang, m('การสื่อสารนโยบายแก่บุคลากรและผู้มาติดต่อ', 'How the policy was communicated'))}
      </h2>
      {data.communications.length === 0 ? (
        <p>{pick(lang, m('ยังไม่มีบันทึก', 'Nothing logged yet'))}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{pick(lang, m('วันที่', 'Date'))}</th>
                <th scope="col">{pick(lang, m('ช่องทาง', 'Channel'))}</th>
                <th scope="col">{pick(lang, m('กลุ่มเป้าหมาย', 'Audience'))}</th>
                <th scope="col">{pick(lang, m('รายละเอียด', 'Description'))}</th>
                <th scope="col">{pick(lang, m('จำนวนผู้รับสาร', 'People reached'))}</th>
              </tr>
            </thead>
            <tbody>
              {data.communications.map((c) => (
                <tr>
                  <td>{dayLabel(lang, c.communicatedOn)}</td>
                  <td>
                    {CHANNELS.includes(c.channel as Channel)
                      ? pick(lang, CHANNEL_NAMES[c.channel as Channel])
                      : c.channel}
                  </td>
                  <td>{c.audience}</td>
                  <td>{c.description}</td>
                  <td class="num">
                    {c.reachedCount === null ? '—' : c.reachedCount.toLocaleString('en-US')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.may.draft && (
        <form
          method="post"
          action={`/agencies/${data.agency.id}/no-gift/${data.fiscalYear}/communications`}
        >
          <h3>{pick(lang, m('บันทึกการสื่อสาร', 'Log a communication'))}</h3>
          <CsrfField token={page.csrfToken} />
          <BeDateField
            lang={lang}
            name="communicatedOn"
            label={m('วันที่', 'Date')}
            value={values.communicatedOn}
            errors={errors}
            required
          />
          <SelectField
            lang={lang}
            name="channel"
            label={m('ช่องทาง', 'Channel')}
            options={CHANNELS.map((c) => ({ value: c, label: pick(lang, CHANNEL_NAMES[c]) }))}
            placeholder={m('— เลือก —', '— choose —')}
            value={values.channel}
            errors={errors}
          />
          <Field
            lang={lang}
            name="audience"
            label={m('กลุ่มเป้าหมาย', 'Audience')}
            value={values.audience}
            errors={errors}
            required
          />
          <Field
            lang={lang}
            name="description"
            label={m('รายละเอียด', 'Description')}
            value={values.description}
            errors={errors}
          />
          <Field
            lang={lang}
            name="reachedCount"
            inputMode="numeric"
            label={m('จำนวนผู้รับสาร (คน)', 'People reached')}
            value={values.reachedCount}
            errors={errors}
          />
          <button type="submit">{pick(lang, m('บันทึก', 'Save'))}</button>
        </form>
      )}
    </section>
  );
}

/** The No Gift Policy page of an agency: declaration, acknowledgements and communication log. */
export function NoGiftPageView({
  page,
  data,
  failed,
}: {
  page: PageContext;
  data: NoGiftPage;
  failed: FailedForm | null;
}) {
  const { lang } = page;
  const d = data.declaration;
  const errors = failed?.errors ?? {};
  return (
    <Layout page={page} title={m('นโยบายไม่รับของขวัญ (No Gift Policy)', 'No Gift Policy')}>
      <p>
        <a href={`/agencies/${data.agency.id}`}>
          {data.agency.code} {data.agency.nameTh}
        </a>{' '}
        ·{' '}
        <a href={`/agencies/${data.agency.id}/gifts`}>
          {pick(lang, m('ทะเบียนการรับทรัพย์สิน', 'Gift register'))}
        </a>
      </p>
      <YearLinks
        lang={lang}
        base={`/agencies/${data.agency.id}/no-gift`}
        years={data.years}
        current={data.fiscalYear}
      />
      <ErrorSummary lang={lang} errors={errors} />
      <Declaration page={page} data={data} />
      {data.may.draft && d?.status === 'draft' && (
        <section>
          <h2>{pick(lang, m('แก้ไขร่างประกาศ', 'Edit the draft'))}</h2>
          <EditForm page={page} data={data} failed={failed} />
        </section>
      )}
      <CommunicationLog page={page} data={data} failed={failed} />
      {data.may.draft && (
        <details open={!d || failed?.form === 'create'}>
          <summary>
            {pick(lang, m('จัดทำร่างประกาศของปีงบประมาณใหม่', "Draft a new year's declaration"))}
          </summary>
          <CreateForm page={page} data={data} failed={failed} />
        </details>
      )}
    </Layout>
  );
}
