import type { ComponentChildren } from 'preact';
import type { Message } from '../../../../core/errors.js';
import type { Text } from '../../../../core/framework/edition.schema.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { longDate } from '../../../../core/thai-calendar.js';
import { QrImage } from './survey-admin-cockpit.js';
import { IconLink, StylesheetLink } from '../../../../platform/http/views/layout-head.js';

/** What a poster or a slip says about its survey. */
export interface PrintSurvey {
  roundId: string;
  agencyNameTh: string;
  agencyNameEn: string;
  instrumentCode: string;
  instrumentName: Text;
  respondents: Text | null;
  url: string;
  closesOn: string | null;
}

const CONFIDENTIAL: Message = m(
  'คำตอบของท่านเป็นความลับ ระบบไม่เก็บชื่อ บัญชีผู้ใช้ หมายเลขไอพี หรือเวลาที่ตอบ ผลการประเมินแสดงเป็นภาพรวมเท่านั้น และไม่แสดงผลของกลุ่มที่มีผู้ตอบน้อยกว่า 5 คน',
  'Your answers are confidential: no name, account, IP address or time of answering is kept. Results are shown only as totals, never for groups of fewer than 5 people',
);

/** A page made for paper: no site navigation; a line for the screen only says how to print. */
function PrintLayout(props: {
  lang: Lang;
  title: string;
  back: string;
  kind: 'poster' | 'slips';
  children: ComponentChildren;
}) {
  const { lang } = props;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Prongsai`}</title>
        <StylesheetLink />
        <IconLink />
      </head>
      <body class={`print-page print-${props.kind}`}>
        <p class="screen-only print-tools">
          <a href={props.back}>{pick(lang, m('กลับไปหน้าแบบวัด', 'Back to the surveys'))}</a> ·{' '}
          {pick(
            lang,
            m(
              'พิมพ์หน้านี้ด้วยเมนูพิมพ์ของเบราว์เซอร์ (Ctrl+P) เลือกกระดาษ A4 หรือบันทึกเป็น PDF',
              "Print this page with the browser's Print menu (Ctrl+P) on A4 paper, or save it as a PDF",
            ),
          )}
        </p>
        {props.children}
      </body>
    </html>
  );
}

/** An A4 poster: agency, instrument, a large QR code, the short link and the confidentiality promise. */
export function PosterPage(props: { lang: Lang; survey: PrintSurvey; qrSvg: string }) {
  const { lang, survey } = props;
  return (
    <PrintLayout
      lang={lang}
      title={`${survey.instrumentCode} ${survey.agencyNameTh}`}
      back={`/rounds/${survey.roundId}/surveys`}
      kind="poster"
    >
      <main class="poster">
        <p class="poster-agency">{survey.agencyNameTh}</p>
        <p class="poster-invite">ขอเชิญร่วมตอบ</p>
        <h1 class="poster-title">{survey.instrumentName.th}</h1>
        <p class="poster-sub" lang="en">
          {survey.instrumentName.en} · {survey.agencyNameEn}
        </p>
        {survey.respondents && <p class="poster-who">{survey.respondents.th}</p>}
        <QrImage svg={props.qrSvg} label={`QR ${survey.url}`} class="qr poster-qr" />
        <p class="poster-scan">สแกน QR code ด้วยกล้องโทรศัพท์ หรือเปิดลิงก์</p>
        <p class="poster-url">{survey.url}</p>
        {survey.closesOn && (
          <p class="poster-closes">ตอบได้ถึงวันที่ {longDate('th', survey.closesOn)}</p>
        )}
        <p class="poster-confidential">{CONFIDENTIAL.th}</p>
        <p class="poster-confidential" lang="en">
          {CONFIDENTIAL.en}
        </p>
      </main>
    </PrintLayout>
  );
}

/**
 * One printed code: its own QR (link + code), the code and short instructions. It asks to type
 * the code only when the link takes no answer without one; on an open link the QR carries it.
 */
function Slip(props: { survey: PrintSurvey; code: string; qrSvg: string; requiresCode: boolean }) {
  const { survey, code } = props;
  return (
    <div class="slip">
      <QrImage svg={props.qrSvg} label={`QR ${code}`} class="qr slip-qr" />
      <div>
        <p class="slip-title">
          {survey.instrumentName.th}
          <br />
          <span class="muted">{survey.agencyNameTh}</span>
        </p>
        <p class="slip-code">{code}</p>
        {props.requiresCode ? (
          <p class="slip-help">
            สแกน QR code หรือเปิด {survey.url} แล้วกรอกรหัสนี้ ใช้ได้ครั้งเดียว คำตอบเป็นความลับ
            ระบบไม่ผูกรหัสกับคำตอบของท่าน
          </p>
        ) : (
          <p class="slip-help">
            สแกน QR code เพื่อตอบแบบวัด (รหัสอยู่ใน QR code แล้ว ใช้ได้ครั้งเดียว) คำตอบเป็นความลับ
            ระบบไม่ผูกรหัสกับคำตอบของท่าน
          </p>
        )}
      </div>
    </div>
  );
}

/** Printable slips of a new batch: shown this once, since only the codes' HMACs are kept. */
export function CodeSlipsPage(props: {
  lang: Lang;
  survey: PrintSurvey;
  batch: number;
  slips: { code: string; qrSvg: string }[];
  /** The link takes no answer without a code: only then does a slip say to type it. */
  requiresCode: boolean;
}) {
  const { lang, survey } = props;
  return (
    <PrintLayout
      lang={lang}
      title={`${survey.instrumentCode} · ${pick(lang, m('รหัสชุดที่', 'Code batch'))} ${props.batch}`}
      back={`/rounds/${survey.roundId}/surveys`}
      kind="slips"
    >
      <div class="screen-only once-warning" role="alert">
        <strong>
          {pick(
            lang,
            m(
              `รหัสชุดที่ ${props.batch} จำนวน ${props.slips.length} รหัส แสดงเพียงครั้งนี้ครั้งเดียว`,
              `Batch ${props.batch}: these ${props.slips.length} codes are shown this once only`,
            ),
          )}
        </strong>{' '}
        {pick(
          lang,
          m(
            'ระบบเก็บรหัสไว้ในรูปที่ย้อนกลับไม่ได้ จึงแสดงซ้ำไม่ได้ พิมพ์หรือบันทึกเป็น PDF ก่อนออกจากหน้านี้ แล้วตัดแจกคนละหนึ่งใบ',
            'The system keeps the codes only in a form that cannot be reversed, so it cannot show them again. Print or save as PDF before leaving this page, then cut and hand out one slip per person',
          ),
        )}
        {!props.requiresCode && (
          <p>
            {pick(
              lang,
              m(
                'ลิงก์ของแบบวัดนี้ยังเปิดให้ตอบได้โดยไม่ต้องใช้รหัส บัตรจึงบอกให้สแกน QR code ซึ่งมีรหัสอยู่แล้ว ไม่ได้บอกให้กรอกรหัส หากต้องการรับเฉพาะผู้มีรหัส ให้เปิดการตั้งค่า "รับเฉพาะผู้มีรหัสใช้ครั้งเดียว" ก่อนแจกบัตร',
                'This survey link still takes answers without a code, so the slips say to scan the QR code (which carries the code) and not to type it. To take answers only with a code, turn on "single-use codes only" before handing out the slips',
              ),
            )}
          </p>
        )}
      </div>
      <main class="slips">
        {props.slips.map((slip) => (
          <Slip
            survey={survey}
            code={slip.code}
            qrSvg={slip.qrSvg}
            requiresCode={props.requiresCode}
          />
        ))}
      </main>
    </PrintLayout>
  );
}
