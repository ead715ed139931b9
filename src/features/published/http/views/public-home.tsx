import type { PublicHome } from '../../services/public-home.service.js';
import { PUBLIC_SECTIONS, PUBLIC_SECTION_NAMES } from '../../core/public-sections.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import {
  PublicLayout,
  publicAgencyName,
  publicHomePath,
  publicSearchPath,
} from '../../../../platform/http/views/layout-public.js';

/** The search box of an agency's public pages. */
export function PublicSearchForm({
  lang,
  code,
  query = '',
}: {
  lang: Lang;
  code: string;
  query?: string;
}) {
  return (
    <form method="get" action={publicSearchPath(code)} role="search" class="public-search">
      <div class="field">
        <label for="q">
          {pick(lang, m('ค้นหาเอกสารที่เผยแพร่', 'Search the published documents'))}
        </label>
        <input id="q" name="q" type="search" value={query} />
      </div>
      <button class="button" type="submit">
        {pick(lang, m('ค้นหา', 'Search'))}
      </button>
    </form>
  );
}

/** Where each section's full list lives (beyond the documents of the agency's rounds). */
function moreOf(code: string, section: string): { href: string; label: [string, string] } | null {
  if (section === 'manuals')
    return { href: `${publicHomePath(code)}/manuals`, label: ['คู่มือทั้งหมด', 'All manuals'] };
  if (section === 'activities')
    return {
      href: `${publicHomePath(code)}/activities`,
      label: ['กิจกรรมทั้งหมด', 'All activities'],
    };
  return null;
}

/** An agency's public home: what a citizen can read of it, without signing in. */
export function PublicHomePage({
  lang,
  path,
  home,
}: {
  lang: Lang;
  path: string;
  home: PublicHome;
}) {
  const { agency, oit, results, sections } = home;
  const code = agency.code;
  return (
    <PublicLayout lang={lang} path={path} title={publicAgencyName(lang, agency)} agency={agency}>
      <p class="lead">
        {pick(
          lang,
          m(
            'ข้อมูลที่หน่วยงานเผยแพร่ต่อสาธารณะตามการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) เปิดอ่านได้โดยไม่ต้องเข้าสู่ระบบ',
            'What the agency publishes for the Integrity and Transparency Assessment (ITA), open to anyone without signing in.',
          ),
        )}
      </p>
      <PublicSearchForm lang={lang} code={code} />
      <section aria-labelledby="oit-title" data-public-section="oit">
        <h2 id="oit-title">{pick(lang, m('การเปิดเผยข้อมูลสาธารณะ (OIT)', 'Open data (OIT)'))}</h2>
        {oit ? (
          <p>
            <a href={oit.url}>{pick(lang, m(`ข้อมูล OIT ปี ${oit.year}`, `OIT page ${oit.year}`))}</a>{' '}
            <span class="hint" data-oit-published={oit.published}>
              {pick(
                lang,
                m(
                  `เผยแพร่แล้ว ${oit.published} จาก ${oit.total} ข้อ`,
                  `${oit.published} of ${oit.total} items published`,
                ),
              )}
            </span>
          </p>
        ) : (
          <p>
            {pick(
              lang,
              m(
                'หน่วยงานยังไม่มีรอบการประเมิน จึงยังไม่มีข้อมูล OIT',
                'The agency has no assessment round yet, so no OIT page',
              ),
            )}
          </p>
        )}
      </section>
      <section aria-labelledby="results-title" data-public-section="results">
        <h2 id="results-title">{pick(lang, m('ผลการประเมิน ITA รายปี', 'ITA results by year'))}</h2>
        {results.length === 0 ? (
          <p>
            {pick(
              lang,
              m(
                'ยังไม่มีผลการประเมินที่ประกาศแล้ว ผลของแต่ละปีจะแสดงที่นี่เมื่อประกาศผล',
                'No results announced yet: each year appears here once its results are announced',
              ),
            )}
          </p>
        ) : (
          <ul>
            {results.map((r) => (
              <li data-result-year={r.year}>
                <a href={r.url}>{pick(lang, m(`ผลการประเมินปี ${r.year}`, `Results ${r.year}`))}</a> ·{' '}
                <a href={r.analysisUrl}>
                  {pick(lang, m('รายงานผลการวิเคราะห์ (PDF)', 'Analysis report (PDF)'))}
                </a>{' '}
                <span class="hint">
                  {pick(lang, m('ประกาศเมื่อ', 'announced'))} {formatDate(lang, r.publishedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {PUBLIC_SECTIONS.map((section) => {
        const documents = sections[section];
        const more = moreOf(code, section);
        return (
          <section aria-labelledby={`${section}-title`} data-public-section={section}>
            <h2 id={`${section}-title`}>{pick(lang, PUBLIC_SECTION_NAMES[section])}</h2>
            {documents.length === 0 && !more && (
              <p>{pick(lang, m('ยังไม่มีเอกสารที่เผยแพร่', 'Nothing published yet'))}</p>
            )}
            {documents.length > 0 && (
              <ul>
                {documents.map((d) => (
                  <li>
                    <a href={d.url}>{pick(lang, d.title)}</a>
                    {d.updatedAt && (
                      <span class="hint">
                        {' '}
                        · {pick(lang, m('ปรับปรุง', 'updated'))} {formatDate(lang, d.updatedAt)}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {more && (
              <p>
                <a href={more.href}>{lang === 'th' ? more.label[0] : more.label[1]}</a>
              </p>
            )}
          </section>
        );
      })}
    </PublicLayout>
  );
}

/** The public index: every agency, each to its public home. */
export function PublicIndexPage({
  lang,
  path,
  agencies,
}: {
  lang: Lang;
  path: string;
  agencies: { code: string; nameTh: string; nameEn: string; depth: number }[];
}) {
  return (
    <PublicLayout
      lang={lang}
      path={path}
      title={m('ข้อมูลเผยแพร่ของหน่วยงาน', 'What agencies publish')}
      agency={null}
    >
      <p class="lead">
        {pick(
          lang,
          m(
            'เลือกหน่วยงานเพื่ออ่านข้อมูล OIT ผลการประเมิน ITA นโยบาย No Gift คู่มือ และมาตรการที่หน่วยงานเผยแพร่',
            'Choose an agency to read its OIT page, ITA results, No Gift policy, manuals and measures',
          ),
        )}
      </p>
      {agencies.length === 0 ? (
        <p>{pick(lang, m('ยังไม่มีหน่วยงานในระบบ', 'No agency yet'))}</p>
      ) : (
        <ul class="public-agencies">
          {agencies.map((a) => (
            <li data-depth={a.depth}>
              <a href={publicHomePath(a.code)}>{publicAgencyName(lang, a)}</a>{' '}
              <span class="hint">{a.code}</span>
            </li>
          ))}
        </ul>
      )}
    </PublicLayout>
  );
}
