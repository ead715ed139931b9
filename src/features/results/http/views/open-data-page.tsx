import { m, pick } from '../../../../platform/http/i18n.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';
import { PublicLayout } from '../../../../platform/http/views/layout-public.js';
import {
  DATA_PACKAGE_PATH,
  OPEN_DATA_LICENSE,
  openDataFilePath,
  openDataSchema,
} from '../../reports/open-data.js';

/** The data package's link in a page's head (`describedby`: the data's description as JSON). */
export function DataPackageLink() {
  return <link rel="describedby" type="application/json" href={DATA_PACKAGE_PATH} />;
}

/**
 * `/public/open-data`: the national open data for anyone and for data portals: each published
 * year's CSV and JSON, the data package that describes them (also linked from the head; there is
 * none before a first result is published), the licence, and what each column means (the same
 * list as the files' Table Schema).
 */
export function OpenDataPage({ page, years }: { page: PageContext; years: readonly number[] }) {
  const { lang } = page;
  return (
    <PublicLayout
      lang={lang}
      path={page.path}
      agency={null}
      title={m('ข้อมูลเปิดผลการประเมิน ITA', 'ITA results as open data')}
      head={years.length > 0 && <DataPackageLink />}
    >
      <p>
        {pick(
          lang,
          m(
            'ผลการประเมิน ITA ที่เผยแพร่แล้วของทุกหน่วยงาน ปีละหนึ่งไฟล์ คะแนนที่มีผู้ตอบน้อยกว่าเกณฑ์จะเว้นว่างและระบุไว้ในหมายเหตุ',
            'The published ITA results of every agency, one file a year. Scores resting on fewer respondents than the minimum are left empty and named in the note.',
          ),
        )}
      </p>
      <p>
        {pick(lang, m('สัญญาอนุญาต', 'Licence'))}:{' '}
        <a href={OPEN_DATA_LICENSE.path} rel="license">
          {OPEN_DATA_LICENSE.title} ({OPEN_DATA_LICENSE.name})
        </a>
        {years.length > 0 && (
          <>
            {' · '}
            <a href={DATA_PACKAGE_PATH} type="application/json">
              {pick(
                lang,
                m('คำอธิบายข้อมูล (Data Package, JSON)', 'Data description (Data Package, JSON)'),
              )}
            </a>
          </>
        )}
      </p>
      <h2>{pick(lang, m('ไฟล์ตามปี', 'Files by year'))}</h2>
      {years.length === 0 ? (
        <p>{pick(lang, m('ยังไม่มีผลการประเมินที่เผยแพร่', 'No results published yet'))}</p>
      ) : (
        <ul>
          {years.map((year) => (
            <li>
              {pick(lang, m(`ปี ${year}`, `${year}`))}:{' '}
              <a href={openDataFilePath(year, 'csv')}>CSV</a> ·{' '}
              <a href={openDataFilePath(year, 'json')}>JSON</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{pick(lang, m('คอลัมน์', 'Columns'))}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{pick(lang, m('ชื่อคอลัมน์', 'Column'))}</th>
              <th scope="col">{pick(lang, m('ชนิด', 'Type'))}</th>
              <th scope="col">{pick(lang, m('ความหมาย', 'Meaning'))}</th>
            </tr>
          </thead>
          <tbody>
            {openDataSchema().fields.map((field) => (
              <tr>
                <th scope="row">
                  <code>{field.name}</code>
                </th>
                <td>{field.type}</td>
                <td>{field.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PublicLayout>
  );
}
