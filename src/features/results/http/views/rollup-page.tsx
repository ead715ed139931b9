import { AGENCY_TYPES, isAgencyType } from '../../../agencies/feature.js';
import type { AgencyRollup } from '../../services/rollup.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { ChartFigure } from '../../../../platform/http/views/chart-figure.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { CsrfField } from '../../../../platform/http/views/form.js';
import { formatScore } from './results-tree.js';
import { WITHHELD_LABEL } from '../../../../core/disclosure/disclosure.js';

/** The name of a kind of agency (the code itself when unknown). */
export function typeName(lang: Lang, type: string): string {
  return isAgencyType(type) ? pick(lang, AGENCY_TYPES[type]) : type;
}

function FilterForm({ lang, rollup }: { lang: Lang; rollup: AgencyRollup }) {
  const years = rollup.years.includes(rollup.editionYear)
    ? rollup.years
    : [rollup.editionYear, ...rollup.years];
  return (
    <form method="get" action={`/agencies/${rollup.agency.id}/rollup`} class="filter-form">
      <label>
        {pick(lang, m('ปีงบประมาณ', 'Year'))}{' '}
        <select name="year">
          {years.map((y) => (
            <option value={String(y)} selected={y === rollup.editionYear}>
              {y}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {pick(lang, m('ประเภทหน่วยงาน', 'Kind of agency'))}{' '}
        <select name="type">
          <option value="">{pick(lang, m('ทุกประเภท', 'All kinds'))}</option>
          {rollup.types.map((t) => (
            <option value={t} selected={t === rollup.type}>
              {typeName(lang, t)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit">{pick(lang, m('แสดง', 'Show'))}</button>
    </form>
  );
}

/** A parent body's roll-up: level distribution, ranking, weakest indicators, units without results. */
export function RollupPage(props: { page: PageContext; rollup: AgencyRollup; chartSvg: string }) {
  const { page, rollup, chartSvg } = props;
  const { lang } = page;
  const title = m(
    `ภาพรวมหน่วยงานในสังกัด ${rollup.agency.nameTh} ปี ${rollup.editionYear}`,
    `Units of ${rollup.agency.nameTh}: overview ${rollup.editionYear}`,
  );
  const counted = rollup.levels.reduce((s, l) => s + l.count, 0);
  const query = new URLSearchParams({
    year: String(rollup.editionYear),
    ...(rollup.type ? { type: rollup.type } : {}),
  }).toString();
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`/agencies/${rollup.agency.id}`}>
          {pick(lang, m('กลับไปที่หน่วยงาน', 'Back to the agency'))}
        </a>{' '}
        ·{' '}
        <a href={`/agencies/${rollup.agency.id}/rollup.xlsx?${query}`} data-rollup-xlsx>
          {pick(lang, m('ดาวน์โหลดเป็น Excel (XLSX)', 'Download as Excel (XLSX)'))}
        </a>
      </p>
      <form method="post" action={`/agencies/${rollup.agency.id}/rollup-reports.zip`}>
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="year" value={String(rollup.editionYear)} />
        {rollup.type && <input type="hidden" name="type" value={rollup.type} />}
        <button type="submit" data-rollup-reports>
          {pick(
            lang,
            m(
              'สร้างรายงานผลของทุกหน่วยงาน (PDF ในไฟล์ ZIP)',
              'Make the result reports of every unit (PDFs in a ZIP)',
            ),
          )}
        </button>
      </form>
      <FilterForm lang={lang} rollup={rollup} />
      <p class="muted">
        {pick(
          lang,
          m(
            'จากผลที่บันทึกไว้เมื่อยืนยันหรือเผยแพร่ผลเท่านั้น',
            'From stored results of confirmed or published rounds only',
          ),
        )}
      </p>
      <section>
        <h2>{pick(lang, m('จำนวนหน่วยงานตามระดับ', 'Units by level'))}</h2>
        <ChartFigure
          svg={chartSvg}
          label={pick(lang, m('แผนภูมิแท่งจำนวนหน่วยงานตามระดับ', 'Bar chart of units by level'))}
        />
        <div class="table-scroll">
          <table data-levels>
            <thead>
              <tr>
                <th scope="col">{pick(lang, m('ระดับ', 'Level'))}</th>
                <th scope="col" class="num">
                  {pick(lang, m('จำนวนหน่วยงาน', 'Units'))}
                </th>
              </tr>
            </thead>
            <tbody>
              {rollup.levels.map((l) => (
                <tr>
                  <th scope="row">{pick(lang, l.name)}</th>
                  <td class="num" data-level-count={l.code}>
                    {l.count}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{pick(lang, m('รวม', 'Total'))}</th>
                <td class="num" data-level-total>
                  {counted}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <section>
        <h2>{pick(lang, m('อันดับตามคะแนนรวม', 'Ranking by total'))}</h2>
        {rollup.ranking.length === 0 ? (
          <p>{pick(lang, m('ยังไม่มีผลการประเมิน', 'No results yet'))}</p>
        ) : (
          <div class="table-scroll">
            <table data-ranking>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {pick(lang, m('อันดับ', 'Rank'))}
                  </th>
                  <th scope="col">{pick(lang, m('หน่วยงาน', 'Agency'))}</th>
                  <th scope="col">{pick(lang, m('ประเภท', 'Kind'))}</th>
                  <th scope="col" class="num">
                    {pick(lang, m('คะแนนรวม', 'Total'))}
                  </th>
                  <th scope="col">{pick(lang, m('ระดับ', 'Level'))}</th>
                </tr>
              </thead>
              <tbody>
                {rollup.ranking.map((u) => (
                  <tr data-ranked={u.code}>
                    <td class="num">{u.rank}</td>
                    <th scope="row">
                      <a href={`/agencies/${u.agencyId}/history`}>
                        {u.code} {u.name}
                      </a>
                    </th>
                    <td>{typeName(lang, u.type)}</td>
                    <td class="num">{formatScore(lang, u.total)}</td>
                    <td>
                      {pick(
                        lang,
                        rollup.levels.find((l) => l.code === u.levelCode)?.name ?? m('–', '–'),
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section>
        <h2>{pick(lang, m('ตัวชี้วัดที่อ่อนที่สุดในภาพรวม', 'Weakest indicators across units'))}</h2>
        {rollup.weakest.length === 0 ? (
          <p>–</p>
        ) : (
          <ol data-weakest>
            {rollup.weakest.map((i) => (
              <li>
                {i.code} {pick(lang, i.name)}: {pick(lang, m('เฉลี่ย', 'mean'))}{' '}
                <strong>{formatScore(lang, i.mean)}</strong> ({i.units}{' '}
                {pick(lang, m('หน่วยงาน', 'units'))})
              </li>
            ))}
          </ol>
        )}
      </section>
      {rollup.withheld.length > 0 ? (
        <section>
          <h2>{WITHHELD_LABEL}</h2>
          <p data-withheld-count={String(rollup.withheld.length)}>
            {pick(
              lang,
              m(
                `ไม่นับ ${rollup.withheld.length} หน่วยงานในจำนวนตามระดับ อันดับ และค่าเฉลี่ยทุกค่า เพราะคะแนนบางส่วนมาจากผู้ตอบน้อยเกินไป จึงไม่แสดงเพื่อไม่ให้ระบุตัวผู้ตอบได้`,
                `${rollup.withheld.length} units are left out of every count, rank and mean: some of their scores rest on too few respondents, so they are withheld and no one can be identified`,
              ),
            )}
          </p>
          <ul data-withheld>
            {rollup.withheld.map((u) => (
              <li>
                {u.code} {u.name} ({typeName(lang, u.type)}): {WITHHELD_LABEL}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {rollup.pending.length > 0 ? (
        <section>
          <h2>{pick(lang, m('ยังไม่มีผลการประเมิน', 'No result yet'))}</h2>
          <ul data-pending>
            {rollup.pending.map((u) => (
              <li>
                {u.code} {u.name} ({typeName(lang, u.type)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
