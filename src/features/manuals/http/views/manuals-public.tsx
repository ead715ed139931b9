import { KIND_NAMES, MANUAL_KINDS, type ManualKind } from '../../core/manual-rules.js';
import type { ManualView } from '../../services/manual.service.js';
import type { PublicManuals } from '../../services/manual-public.service.js';

type Agency = PublicManuals['agency'];
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';
import { PublicLayout } from '../../../../platform/http/views/layout-public.js';
import { publicManualsPath, StepsTable } from './manuals-register.js';

function agencyName(lang: Lang, agency: Agency): string {
  return lang === 'th' ? agency.nameTh : agency.nameEn || agency.nameTh;
}

function SearchBox({ lang, agency }: { lang: Lang; agency: Agency }) {
  return (
    <form method="get" action={`/public/${encodeURIComponent(agency.code)}/search`} role="search">
      <label for="q">{pick(lang, m('ค้นหาเอกสารที่เผยแพร่', 'Search the published documents'))}</label>{' '}
      <input id="q" name="q" type="search" />{' '}
      <button class="button" type="submit">
        {pick(lang, m('ค้นหา', 'Search'))}
      </button>
    </form>
  );
}

/** The public list of an agency's published manuals, grouped by kind. */
export function PublicManualsPage({
  page,
  data,
  kind,
}: {
  page: PageContext;
  data: PublicManuals;
  kind: ManualKind | undefined;
}) {
  const { lang } = page;
  const { agency } = data;
  const kinds = kind ? [kind] : [...MANUAL_KINDS].reverse();
  return (
    <PublicLayout
      lang={lang}
      path={page.path}
      agency={agency}
      title={m(`คู่มือ ${agency.nameTh}`, `Manuals: ${agencyName('en', agency)}`)}
    >
      <p>
        {pick(lang, m('ปรับปรุงล่าสุด', 'Last updated'))}:{' '}
        <span data-updated>{data.updatedAt ? formatDate(lang, data.updatedAt) : '—'}</span>
      </p>
      <SearchBox lang={lang} agency={agency} />
      {kinds.map((k) => {
        const own = data.manuals.filter((x) => x.kind === k);
        return (
          <section aria-labelledby={`kind-${k}`}>
            <h2 id={`kind-${k}`}>{pick(lang, KIND_NAMES[k])}</h2>
            {own.length === 0 ? (
              <p>{pick(lang, m('ยังไม่มีคู่มือที่เผยแพร่', 'None published yet'))}</p>
            ) : (
              <ul>
                {own.map((x) => (
                  <li>
                    <a href={publicManualsPath(agency.code, x.id)}>{x.title}</a>{' '}
                    <span class="hint">
                      ({pick(lang, m('ปีงบประมาณ', 'fiscal year'))} {x.fiscalYear} ·{' '}
                      {pick(lang, m('ปรับปรุง', 'updated'))} {formatDate(lang, x.updatedAt)})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </PublicLayout>
  );
}

/** One published manual: what it is for, where, fee and documents, then its timed steps. */
export function PublicManualPage({
  page,
  agency,
  manual,
}: {
  page: PageContext;
  agency: Agency;
  manual: ManualView;
}) {
  const { lang } = page;
  const base = publicManualsPath(agency.code, manual.id);
  return (
    <PublicLayout lang={lang} path={page.path} agency={agency} title={manual.title}>
      <p>
        <a href={publicManualsPath(agency.code)}>
          {pick(lang, m('คู่มือทั้งหมดของหน่วยงาน', 'All manuals of the agency'))}
        </a>{' '}
        · {agencyName(lang, agency)}
      </p>
      <dl>
        <dt>{pick(lang, m('ประเภท', 'Kind'))}</dt>
        <dd>{pick(lang, KIND_NAMES[manual.kind])}</dd>
        <dt>{pick(lang, m('ปีงบประมาณ', 'Fiscal year'))}</dt>
        <dd>{manual.fiscalYear}</dd>
        <dt>{pick(lang, m('หน่วยงานที่รับผิดชอบ', 'Responsible unit'))}</dt>
        <dd>{manual.responsibleUnit || '—'}</dd>
        {manual.kind === 'service' && (
          <>
            <dt>{pick(lang, m('สถานที่หรือช่องทางให้บริการ', 'Where or how'))}</dt>
            <dd>{manual.channels.join(', ') || '—'}</dd>
            <dt>{pick(lang, m('ค่าธรรมเนียม', 'Fee'))}</dt>
            <dd data-fee>{manual.feeText}</dd>
            <dt>{pick(lang, m('เอกสารที่ต้องใช้', 'Documents needed'))}</dt>
            <dd data-documents>
              {manual.documents.length === 1 ? (
                manual.documents[0]
              ) : (
                <ul>
                  {manual.documents.map((d) => (
                    <li>{d}</li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
        {manual.legalBasis && (
          <>
            <dt>{pick(lang, m('กฎหมายที่เกี่ยวข้อง', 'Legal basis'))}</dt>
            <dd>{manual.legalBasis}</dd>
          </>
        )}
        <dt>{pick(lang, m('ปรับปรุงล่าสุด', 'Last updated'))}</dt>
        <dd>{formatDate(lang, manual.updatedAt)}</dd>
      </dl>
      {manual.purpose && (
        <section aria-labelledby="purpose">
          <h2 id="purpose">{pick(lang, m('วัตถุประสงค์', 'Purpose'))}</h2>
          <p>{manual.purpose}</p>
        </section>
      )}
      <section aria-labelledby="steps">
        <h2 id="steps">{pick(lang, m('ขั้นตอนและระยะเวลา', 'Steps and time limits'))}</h2>
        <StepsTable
          lang={lang}
          manual={manual}
          caption={pick(lang, m(`ขั้นตอนของ${manual.title}`, `Steps of ${manual.title}`))}
        />
      </section>
      <p>
        {pick(lang, m('ดาวน์โหลด', 'Download'))}: <a href={`${base}.pdf`}>PDF</a> ·{' '}
        <a href={`${base}.docx`}>DOCX</a>
      </p>
    </PublicLayout>
  );
}
