import { ROUND_STATE_NAMES } from '../../../rounds/feature.js';
import type { Message } from '../../../../core/errors.js';
import type { Cockpit, CockpitInstrument } from '../../services/survey-admin.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { BeDateField } from '../../../../platform/http/views/be-date-field.js';
import { LiveScoresTable } from './survey-admin-scores.js';
import { ReviewBlock } from './survey-admin-review.js';
import type { SurveyReview } from '../../services/survey-review.service.js';

/** One instrument with its public addresses and QR code (inline SVG made on the server). */
export interface InstrumentView {
  data: CockpitInstrument;
  url: string | null;
  kioskUrl: string | null;
  qrSvg: string | null;
}

/** A settings form that failed, to show again with its errors. */
export interface FormState {
  errors: FieldErrors;
  values: Record<string, string>;
}

const T = {
  noMinimumIit: m(
    '(ยังไม่ได้กรอกจำนวนบุคลากรที่มีสิทธิ์ตอบในหน้าหน่วยงาน จึงคำนวณกลุ่มตัวอย่างขั้นต่ำไม่ได้)',
    '(the eligible staff count is not on the agency page, so there is no minimum sample)',
  ),
  noPopulation: m('(ไม่มีจำนวนประชากร จึงแสดงเฉพาะจำนวนผู้ตอบ)', '(no population: the count only)'),
  kioskHint: m(
    'เปิดบนแท็บเล็ตที่จุดบริการ แบบวัดจะเริ่มใหม่สำหรับผู้รับบริการคนถัดไป',
    'open on a tablet at the service counter; it restarts for the next person',
  ),
  noLink: m(
    'ยังไม่ได้สร้างลิงก์: ผู้ดูแลของหน่วยงานเปิดหน้านี้เพื่อสร้าง',
    'No link yet: an agency administrator creates it by opening this page',
  ),
  requiresCode: m(
    'รับเฉพาะผู้มีรหัสใช้ครั้งเดียว (หนึ่งคนหนึ่งคำตอบ)',
    'Only people with a single-use code (one answer each)',
  ),
  noCodes: m('ยังไม่ได้ออกรหัส: ขณะนี้ไม่มีใครตอบได้', 'No codes issued yet: nobody can answer now'),
  notCollecting: m(
    'แบบวัดรับคำตอบเฉพาะเมื่อรอบการประเมินอยู่ในสถานะ "เก็บข้อมูล"',
    'Surveys take answers only while the round is "Collecting"',
  ),
};

/** Inline SVG of a QR code (made by the qrcode package from our own URL, never from input). */
export function QrImage({ svg, label, class: cls }: { svg: string; label: string; class: string }) {
  return (
    <div class={cls} role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />
  );
}

const percent = (share: number | null) => `${Math.floor((share ?? 0) * 100)}%`;

function Projection(props: { lang: Lang; projection: number | null; minimum: number | null }) {
  const { lang, projection, minimum } = props;
  if (projection === null) return null;
  return (
    <p>
      {pick(lang, m('คาดว่าเมื่อปิดรับจะมีผู้ตอบประมาณ', 'Expected by the closing date: about'))}{' '}
      <strong>{projection}</strong> {pick(lang, m('คน', 'responses'))}
      {minimum !== null && projection < minimum && (
        <strong class="warning-text">
          {' '}
          {pick(lang, m('ต่ำกว่ากลุ่มตัวอย่างขั้นต่ำ', 'below the minimum sample'))}
        </strong>
      )}
    </p>
  );
}

function Progress({ lang, data }: { lang: Lang; data: CockpitInstrument }) {
  const { responses, minimumSample: minimum, eligible, projection } = data;
  const responded = (
    <>
      {pick(lang, m('ผู้ตอบแล้ว', 'Responses'))} <strong>{responses}</strong>
    </>
  );
  if (minimum === null || minimum === 0) {
    const why = eligible === null && data.code === 'IIT' ? T.noMinimumIit : T.noPopulation;
    return (
      <div class="survey-progress">
        <p>
          {responded} <span class="hint">{pick(lang, why)}</span>
        </p>
        <Projection lang={lang} projection={projection} minimum={null} />
      </div>
    );
  }
  return (
    <div class="survey-progress">
      <p>
        {responded} / {minimum} {pick(lang, m('คน (กลุ่มตัวอย่างขั้นต่ำ)', '(minimum sample)'))} ·{' '}
        {percent(data.reached)}
      </p>
      <progress max={minimum} value={Math.min(responses, minimum)}>
        {percent(data.reached)}
      </progress>
      <p class="hint">
        {pick(lang, m(`ผู้มีสิทธิ์ตอบ ${eligible} คน`, `${eligible} people may answer`))}
      </p>
      <Projection lang={lang} projection={projection} minimum={minimum} />
    </div>
  );
}

function SettingsForm(props: {
  page: PageContext;
  roundId: string;
  data: CockpitInstrument;
  form: FormState;
}) {
  const { page, data, form } = props;
  const { lang } = page;
  if (!data.link) return null;
  const { requiresCode, closesOn } = data.link;
  const id = `${data.code}-closesOn`;
  return (
    <form method="post" action={`/rounds/${props.roundId}/surveys/${data.code}/settings`}>
      <CsrfField token={page.csrfToken} />
      <div class="field">
        <label>
          <input type="checkbox" name="requiresCode" value="1" checked={requiresCode} />{' '}
          {pick(lang, T.requiresCode)}
        </label>
        {requiresCode && data.codes.issued === 0 && <p class="error">{pick(lang, T.noCodes)}</p>}
      </div>
      <BeDateField
        lang={lang}
        id={id}
        name="closesOn"
        label={m('วันสุดท้ายที่รับคำตอบ', 'Last day answers are taken')}
        hint={m('เว้นว่างได้ถ้ายังไม่กำหนด', 'Leave empty for no closing day')}
        value={form.values[id] ?? closesOn}
        errors={form.errors}
      />
      {closesOn && (
        <p class="hint">
          {pick(lang, m('ปิดรับหลังวันที่', 'Closes after'))} {formatDate(lang, closesOn)}
        </p>
      )}
      <button type="submit" class="secondary">
        {pick(lang, m('บันทึกการตั้งค่า', 'Save the settings'))}
      </button>
    </form>
  );
}

function LinkBlock(props: { lang: Lang; view: InstrumentView; base: string; canManage: boolean }) {
  const { lang, view, base } = props;
  const { data } = view;
  if (!view.url || !view.qrSvg || !data.link) return <p class="muted">{pick(lang, T.noLink)}</p>;
  const { issued, used } = data.codes;
  return (
    <div class="survey-link">
      <QrImage svg={view.qrSvg} label={`QR ${view.url}`} class="qr" />
      <div>
        <p>
          {pick(lang, m('ลิงก์สาธารณะ', 'Public link'))}: <a href={view.url}>{view.url}</a>
          <br />
          {pick(lang, m('รหัสแบบวัด', 'Survey code'))}: <strong class="code">{data.link.code}</strong>
        </p>
        <p>
          <a href={view.kioskUrl ?? view.url}>
            {pick(lang, m('โหมดตู้บริการ (เครื่องเดียวให้หลายคนตอบ)', 'Kiosk mode'))}
          </a>
          <span class="hint"> {pick(lang, T.kioskHint)}</span>
        </p>
        <p>
          <a class="button secondary" href={`${base}/poster`}>
            {pick(lang, m('พิมพ์โปสเตอร์ QR', 'Print the QR poster'))}
          </a>{' '}
          {props.canManage && (
            <a class="button secondary" href={`${base}/codes`}>
              {pick(lang, m('ออกรหัสใช้ครั้งเดียว', 'Issue single-use codes'))}
            </a>
          )}{' '}
          {props.canManage && (
            <a class="button secondary" href={`${base}/import`}>
              {pick(
                lang,
                m(
                  'นำเข้าคำตอบจากกระดาษหรือ Google Forms',
                  'Import answers from paper or Google Forms',
                ),
              )}
            </a>
          )}
        </p>
        <p class="hint">
          {pick(
            lang,
            m(
              `รหัสใช้ครั้งเดียว: ออกแล้ว ${issued} ใช้แล้ว ${used}`,
              `Single-use codes: ${issued} issued, ${used} used`,
            ),
          )}
        </p>
      </div>
    </div>
  );
}

function InstrumentPanel(props: {
  page: PageContext;
  cockpit: Cockpit;
  view: InstrumentView;
  form: FormState;
  review: SurveyReview | undefined;
}) {
  const { page, cockpit, view } = props;
  const { lang } = page;
  const { data } = view;
  const roundId = cockpit.round.id;
  return (
    <section class="survey-panel" id={data.code} aria-labelledby={`${data.code}-title`}>
      <h2 id={`${data.code}-title`}>
        {data.code} · {pick(lang, data.name)}
      </h2>
      {data.respondents && <p class="hint">{pick(lang, data.respondents)}</p>}
      <LinkBlock
        lang={lang}
        view={view}
        base={`/rounds/${roundId}/surveys/${data.code}`}
        canManage={cockpit.canManage}
      />
      <Progress lang={lang} data={data} />
      {cockpit.canManage && (
        <SettingsForm page={page} roundId={roundId} data={data} form={props.form} />
      )}
      {props.review && (
        <ReviewBlock
          page={page}
          roundId={roundId}
          instrument={data.code}
          review={props.review.instruments.get(data.code)}
          canExclude={props.review.canExclude}
          errors={props.form.errors}
          values={props.form.values}
        />
      )}
      <h3>{pick(lang, m('คะแนนระหว่างเก็บข้อมูล', 'Live scores'))}</h3>
      <LiveScoresTable lang={lang} live={data.live} />
    </section>
  );
}

/** A round's survey cockpit: links and QR codes, progress against the minimum sample, live scores. */
export function SurveyCockpitPage(props: {
  page: PageContext;
  cockpit: Cockpit;
  views: InstrumentView[];
  form: FormState;
  notice: Message | null;
  /** Bursts and identical answer sets to review (none on pages that do not load them). */
  review?: SurveyReview;
}) {
  const { page, cockpit } = props;
  const { lang } = page;
  const { round } = cockpit;
  const title = m(`แบบวัด IIT/EIT ${round.agencyCode}`, `IIT/EIT surveys ${round.agencyCode}`);
  return (
    <Layout page={page} title={title} notice={props.notice}>
      <p>
        {round.agencyNameTh} · {round.editionCode} ·{' '}
        <span class="tag">{pick(lang, ROUND_STATE_NAMES[round.state])}</span> ·{' '}
        {pick(lang, m('ข้อมูล ณ', 'As of'))} {formatDate(lang, cockpit.today)}
      </p>
      {round.state !== 'collecting' && (
        <p class="withheld" role="note">
          {pick(lang, T.notCollecting)}
        </p>
      )}
      <ErrorSummary lang={lang} errors={props.form.errors} />
      {props.views.map((view) => (
        <InstrumentPanel
          page={page}
          cockpit={cockpit}
          view={view}
          form={props.form}
          review={props.review}
        />
      ))}
      <p>
        <a href={`/rounds/${round.id}`}>
          {pick(lang, m('กลับไปหน้ารอบการประเมิน', 'Back to the round'))}
        </a>
      </p>
    </Layout>
  );
}
