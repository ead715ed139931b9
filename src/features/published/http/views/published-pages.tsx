import type { PublishedOverview, SearchAnswer } from '../../services/published.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import {
  PublicLayout,
  publicAgencyName,
  publicHomePath,
} from '../../../../platform/http/views/layout-public.js';
import { PublicSearchForm } from './public-home.js';

/** Every page and document Prongsai publishes for the agency, its last update and staleness. */
export function PublishedOverviewPage({
  page,
  overview,
}: {
  page: PageContext;
  overview: PublishedOverview;
}) {
  const { lang } = page;
  const { agency, round, entries } = overview;
  return (
    <Layout
      page={page}
      title={m('ข้อมูลที่เผยแพร่และความเป็นปัจจุบัน', 'Published pages and their currency')}
    >
      <p>
        <a href={`/agencies/${agency.id}`}>
          {agency.code} {lang === 'th' ? agency.nameTh : agency.nameEn || agency.nameTh}
        </a>
        {round && (
          <>
            {' · '}
            {pick(lang, m('รอบปัจจุบัน', 'Current round'))} {round.editionYear}
          </>
        )}{' '}
        ·{' '}
        <a href={publicHomePath(agency.code)}>
          {pick(lang, m('หน้าสาธารณะของหน่วยงาน', 'Public home'))}
        </a>
      </p>
      {!round && (
        <p>{pick(lang, m('หน่วยงานยังไม่มีรอบการประเมิน', 'The agency has no assessment round yet'))}</p>
      )}
      {entries.length > 0 && (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{pick(lang, m('หน้าหรือเอกสาร', 'Page or document'))}</th>
                <th scope="col">{pick(lang, m('ข้อ OIT', 'OIT item'))}</th>
                <th scope="col">{pick(lang, m('ปีงบประมาณ', 'Fiscal year'))}</th>
                <th scope="col">{pick(lang, m('ปรับปรุงล่าสุด', 'Last updated'))}</th>
                <th scope="col">{pick(lang, m('ความเป็นปัจจุบัน', 'Currency'))}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr data-stale={String(e.currency.stale)}>
                  <td>
                    <a href={e.url}>{pick(lang, e.title)}</a>
                  </td>
                  <td>{e.itemCode ?? '—'}</td>
                  <td>{e.fiscalYear ?? '—'}</td>
                  <td>
                    {e.updatedAt
                      ? formatDate(lang, e.updatedAt)
                      : pick(lang, m('ยังไม่เคย', 'Never'))}
                  </td>
                  <td>
                    {e.currency.message ? (
                      <span class="warning-text">{pick(lang, e.currency.message)}</span>
                    ) : (
                      pick(lang, m('เป็นปัจจุบัน', 'Current'))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** The public search page over an agency's published documents. */
export function PublicSearchPage({
  lang,
  path,
  answer,
}: {
  lang: Lang;
  path: string;
  answer: SearchAnswer;
}) {
  const { agency, query, results } = answer;
  return (
    <PublicLayout
      lang={lang}
      path={path}
      agency={agency}
      title={m(`ค้นหาเอกสาร ${agency.nameTh}`, `Search: ${publicAgencyName('en', agency)}`)}
    >
      <PublicSearchForm lang={lang} code={agency.code} query={query} />
      {query && (
        <section aria-labelledby="results-title">
          <h2 id="results-title">
            {pick(lang, m(`ผลการค้นหา ${results.length} รายการ`, `${results.length} results`))}
          </h2>
          {results.length === 0 && (
            <p>{pick(lang, m('ไม่พบเอกสารที่ตรงกับคำค้น', 'No published document matches'))}</p>
          )}
          <ol class="search-results">
            {results.map((r) => (
              <li>
                <a href={r.url}>{pick(lang, r.title)}</a>
                {r.updatedAt && (
                  <span class="hint">
                    {' '}
                    · {pick(lang, m('ปรับปรุง', 'updated'))} {formatDate(lang, r.updatedAt)}
                  </span>
                )}
                {r.excerpt && <p>{r.excerpt}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </PublicLayout>
  );
}
