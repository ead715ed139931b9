import { STATUS_NAMES } from '../../core/measures/measure-rules.js';
import type { MeasuresDocument } from '../../services/measure.service.js';
import { formatDate, m, pick, type Lang } from '../i18n.js';
import { dueLabel, targetLabel } from './measures-register.js';

/** The printable measures document of a round (OIT evidence of the measures it took). */
export function MeasuresDocumentPage({ lang, doc }: { lang: Lang; doc: MeasuresDocument }) {
  const { round } = doc;
  const title = pick(
    lang,
    m(
      `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${doc.fiscalYear}`,
      `Measures to promote integrity and transparency, fiscal year ${doc.fiscalYear}`,
    ),
  );
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Prongsai`}</title>
        <link rel="stylesheet" href="/assets/styles.css" />
      </head>
      <body class="print-page print-measures">
        <p class="screen-only print-tools">
          <a href={`/rounds/${round.id}/measures`}>
            {pick(lang, m('กลับไปทะเบียนมาตรการ', 'Back to the measures'))}
          </a>{' '}
          ·{' '}
          {pick(
            lang,
            m(
              'พิมพ์ด้วยเมนูพิมพ์ของเบราว์เซอร์ (Ctrl+P) หรือบันทึกเป็น PDF',
              "Print with the browser's Print menu (Ctrl+P) or save as PDF",
            ),
          )}
        </p>
        <main>
          <h1>{title}</h1>
          <p>
            <strong>{round.agencyNameTh}</strong> ({round.agencyCode})
          </p>
          <p>
            {pick(
              lang,
              m(
                'จากผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) หน่วยงานกำหนดมาตรการเพื่อแก้ไขจุดอ่อน ดังนี้',
                'From the analysis of the Integrity and Transparency Assessment (ITA), the agency sets the following measures to fix its weak points',
              ),
            )}
          </p>
          <table>
            <thead>
              <tr>
                <th>{pick(lang, m('ลำดับ', 'No.'))}</th>
                <th>{pick(lang, m('ประเด็นที่ต้องพัฒนา', 'Target indicator / item'))}</th>
                <th>{pick(lang, m('มาตรการและวิธีดำเนินการ', 'Measure and steps'))}</th>
                <th>{pick(lang, m('ผู้รับผิดชอบ', 'Owner'))}</th>
                <th>{pick(lang, m('ระยะเวลาดำเนินการ', 'Period'))}</th>
                <th>{pick(lang, m('สถานะ', 'Status'))}</th>
              </tr>
            </thead>
            <tbody>
              {doc.measures.map((x, i) => (
                <tr>
                  <td>{i + 1}</td>
                  <td>{targetLabel(lang, x)}</td>
                  <td>
                    <strong>{x.title}</strong>
                    {x.description && <div>{x.description}</div>}
                  </td>
                  <td>{x.ownerName ?? '—'}</td>
                  <td>
                    {formatDate(lang, x.createdAt)} – {dueLabel(lang, x.dueOn)}
                  </td>
                  <td>{pick(lang, STATUS_NAMES[x.status])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {doc.measures.length === 0 && <p>{pick(lang, m('ยังไม่มีมาตรการ', 'No measures yet'))}</p>}
          <p>
            {pick(lang, m('จัดทำเมื่อ', 'Prepared on'))} {formatDate(lang, doc.printedOn)}
          </p>
        </main>
      </body>
    </html>
  );
}
