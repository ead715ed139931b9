import type { AgencyHistory } from '../../services/rollup.service.js';
import { m, pick } from '../../../../platform/http/i18n.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { formatFigure } from './results-tree.js';

/** One agency's results year over year: total, level and each instrument's score. */
export function HistoryPage(props: { page: PageContext; history: AgencyHistory }) {
  const { page, history } = props;
  const { lang } = page;
  const { agency, years } = history;
  const codes: { code: string; name: { th: string; en: string } }[] = [];
  for (const y of years)
    for (const i of y.instruments)
      if (!codes.some((c) => c.code === i.code)) codes.push({ code: i.code, name: i.name });
  const title = m(`ผลรายปีของ ${agency.nameTh}`, `Results by year: ${agency.nameTh}`);
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`/agencies/${agency.id}`}>
          {pick(lang, m('กลับไปที่หน่วยงาน', 'Back to the agency'))}
        </a>
      </p>
      {years.length === 0 ? (
        <p>{pick(lang, m('ยังไม่มีรอบการประเมิน', 'No rounds yet'))}</p>
      ) : (
        <div class="table-scroll">
          <table data-history>
            <thead>
              <tr>
                <th scope="col">{pick(lang, m('ปี', 'Year'))}</th>
                <th scope="col" class="num">
                  {pick(lang, m('คะแนนรวม', 'Total'))}
                </th>
                <th scope="col">{pick(lang, m('ระดับ', 'Level'))}</th>
                {codes.map((c) => (
                  <th scope="col" class="num">
                    {c.code} {pick(lang, c.name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr data-year={String(y.editionYear)}>
                  <th scope="row">
                    <a href={`/rounds/${y.roundId}/results`}>{y.editionYear}</a>
                  </th>
                  {y.hasResult ? (
                    <>
                      <td class="num">{formatFigure(lang, y.total, y.withheld !== null)}</td>
                      <td>
                        {y.withheld
                          ? formatFigure(lang, null, true)
                          : y.level
                            ? pick(lang, y.level.name)
                            : '–'}
                      </td>
                      {codes.map((c) => {
                        const i = y.instruments.find((x) => x.code === c.code);
                        return (
                          <td class="num">{formatFigure(lang, i?.shown, i?.withheld === true)}</td>
                        );
                      })}
                    </>
                  ) : (
                    <td colspan={2 + codes.length}>
                      {pick(lang, m('ยังไม่มีผลที่ยืนยันแล้ว', 'No confirmed result yet'))}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
