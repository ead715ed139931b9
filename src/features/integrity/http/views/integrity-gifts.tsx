import {
  DISPOSITION_NAMES,
  GIVER_TYPE_NAMES,
  HANDLING_NAMES,
  HEAD_DECISION_NAMES,
  thresholdRule,
} from '../../core/gift-rules.js';
import { giftYearReport } from '../../reports/integrity-reports.js';
import type { GiftRegister } from '../../services/gift-register.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField, ErrorSummary } from '../../../../platform/http/views/form.js';
import { bahtLabel, dayLabel, ReportPreview, YearLinks } from './integrity-shared.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { DecisionForm, ReportForm, type FailedGiftForm } from './integrity-gift-forms.js';

export type { FailedGiftForm } from './integrity-gift-forms.js';

function Awaiting(props: { page: PageContext; data: GiftRegister; failed: FailedGiftForm | null }) {
  const { page, data } = props;
  const { lang } = page;
  if (!data.seesAll) return null;
  return (
    <section id="flagged">
      <h2>
        {pick(
          lang,
          m('รายการมูลค่าเกินเกณฑ์ที่รอหัวหน้าหน่วยงานวินิจฉัย', 'Gifts above the threshold awaiting the head'),
        )}
      </h2>
      {data.awaiting.length === 0 && <p>{pick(lang, m('ไม่มีรายการรอวินิจฉัย', 'Nothing waiting'))}</p>}
      <ul class="flagged-gifts">
        {data.awaiting.map((g) => (
          <li id={`gift-${g.id}`} data-flagged="true">
            <strong>{g.description}</strong> — {bahtLabel(lang, g.valueBaht)} ·{' '}
            {dayLabel(lang, g.giftOn)} · {pick(lang, GIVER_TYPE_NAMES[g.giverType])} ·{' '}
            {pick(lang, DISPOSITION_NAMES[g.disposition])} ·{' '}
            {pick(lang, m('ผู้รายงาน', 'reported by'))} {g.reporterName ?? '—'}
            {data.may.decide && (
              <DecisionForm page={page} data={data} gift={g} failed={props.failed} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function GiftTable({ lang, data }: { lang: Lang; data: GiftRegister }) {
  if (data.gifts.length === 0)
    return <p>{pick(lang, m('ยังไม่มีรายงานในปีนี้', 'No reports this year'))}</p>;
  // wider than a phone: the scrolling box takes the keyboard focus so it can be scrolled
  return (
    <div
      class="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={pick(lang, m('รายงานการรับทรัพย์สินของปีนี้', "This year's gift reports"))}
    >
      <table>
        <thead>
          <tr>
            <th scope="col">{pick(lang, m('วันที่', 'Date'))}</th>
            <th scope="col">{pick(lang, m('รายการ', 'Gift'))}</th>
            <th scope="col">{pick(lang, m('มูลค่า', 'Value'))}</th>
            <th scope="col">{pick(lang, m('การรับ', 'What happened'))}</th>
            <th scope="col">{pick(lang, m('การดำเนินการ', 'Done with it'))}</th>
            <th scope="col">{pick(lang, m('หัวหน้าหน่วยงาน', 'Head'))}</th>
            {data.seesAll && <th scope="col">{pick(lang, m('ผู้รายงาน', 'Reporter'))}</th>}
          </tr>
        </thead>
        <tbody>
          {data.gifts.map((g) => (
            <tr>
              <td>{dayLabel(lang, g.giftOn)}</td>
              <td>
                {g.description}
                <br />
                <span class="muted">
                  {pick(lang, GIVER_TYPE_NAMES[g.giverType])}
                  {g.giverName ? ` · ${g.giverName}` : ''}
                </span>
              </td>
              <td class="num">{bahtLabel(lang, g.valueBaht)}</td>
              <td>{pick(lang, DISPOSITION_NAMES[g.disposition])}</td>
              <td>
                {pick(lang, HANDLING_NAMES[g.handling])}
                {g.actionNote ? ` · ${g.actionNote}` : ''}
              </td>
              <td>
                {g.flagged && !g.headDecision && (
                  <span class="tag">
                    {pick(lang, m('เกินเกณฑ์ · รอวินิจฉัย', 'Above threshold · awaiting decision'))}
                  </span>
                )}
                {g.headDecision &&
                  `${pick(lang, HEAD_DECISION_NAMES[g.headDecision])}${g.headNote ? ` · ${g.headNote}` : ''}`}
                {!g.flagged && '—'}
              </td>
              {data.seesAll && <td>{g.reporterName ?? '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function YearReport({ page, data }: { page: PageContext; data: GiftRegister }) {
  const { lang } = page;
  if (!data.report) return null;
  const doc = giftYearReport(lang, {
    agencyName: data.agency.nameTh,
    report: data.report,
    threshold: data.threshold,
    issuedOn: data.today,
  });
  const print = `/agencies/${data.agency.id}/gifts/report/${data.fiscalYear}`;
  return (
    <section id="year-report">
      <h2>{doc.title}</h2>
      <p>
        <a href={`${print}.pdf`}>PDF</a> · <a href={`${print}.docx`}>DOCX</a> ·{' '}
        <a href={`${print}.html`}>{pick(lang, m('หน้าสำหรับพิมพ์', 'Printable page'))}</a>
        {data.publishedAt && (
          <>
            {' · '}
            <a href={`/public/${encodeURIComponent(data.agency.code)}/${data.fiscalYear}/gifts`}>
              {pick(lang, m('หน้าเผยแพร่สาธารณะ', 'Public page'))}
            </a>{' '}
            ({pick(lang, m('เผยแพร่เมื่อ', 'published'))} {formatDate(lang, data.publishedAt)})
          </>
        )}
      </p>
      {data.may.decide && !data.publishedAt && (
        <form
          method="post"
          action={`/agencies/${data.agency.id}/gifts/report/${data.fiscalYear}/publish`}
        >
          <CsrfField token={page.csrfToken} />
          <button type="submit">
            {pick(lang, m('เผยแพร่รายงานประจำปีต่อสาธารณะ', 'Publish the yearly report'))}
          </button>
        </form>
      )}
      <ReportPreview blocks={doc.blocks} />
    </section>
  );
}

/** The gift register of an agency: the report form, the list, flagged gifts and the yearly report. */
export function GiftRegisterPage({
  page,
  data,
  failed,
}: {
  page: PageContext;
  data: GiftRegister;
  failed: FailedGiftForm | null;
}) {
  const { lang } = page;
  return (
    <Layout page={page} title={m('ทะเบียนการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา', 'Gift register')}>
      <p>
        <a href={`/agencies/${data.agency.id}`}>
          {data.agency.code} {data.agency.nameTh}
        </a>{' '}
        · <a href={`/agencies/${data.agency.id}/no-gift`}>No Gift Policy</a>
      </p>
      <YearLinks
        lang={lang}
        base={`/agencies/${data.agency.id}/gifts`}
        years={data.years}
        current={data.fiscalYear}
      />
      <p class="notice">{pick(lang, thresholdRule(data.threshold))}</p>
      <ErrorSummary lang={lang} errors={failed?.errors ?? {}} />
      {data.may.report && (
        <section>
          <h2>
            {pick(
              lang,
              m(
                'รายงานการรับ การปฏิเสธ หรือการมีผู้เสนอให้',
                'Report a gift offered, received or refused',
              ),
            )}
          </h2>
          <ReportForm page={page} data={data} failed={failed} />
        </section>
      )}
      <Awaiting page={page} data={data} failed={failed} />
      <section>
        <h2>
          {data.seesAll
            ? pick(lang, m('รายงานทั้งหมดของปีงบประมาณ', "This fiscal year's reports"))
            : pick(lang, m('รายงานของฉันในปีงบประมาณนี้', 'My reports this fiscal year'))}
        </h2>
        <GiftTable lang={lang} data={data} />
      </section>
      <YearReport page={page} data={data} />
    </Layout>
  );
}
