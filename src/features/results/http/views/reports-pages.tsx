import { editionYearLabel } from '../../../../core/plain-labels.js';
import type { ReportFacts } from '../../services/result-reports.service.js';
import type { ExportJob } from '../../../../platform/http/export-jobs.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { PublicLayout } from '../../../../platform/http/views/layout-public.js';
import { ExplanationTree, formatFigure, InstrumentScoresTable } from './results-tree.js';
import { WithheldNotice } from './withheld-notice.js';
import { ChartFigure } from '../../../../platform/http/views/chart-figure.js';
import { OPEN_DATA_PATH, openDataFilePath } from '../../reports/open-data.js';

type Round = ReportFacts['round'];

/** The public address of an agency's published results for a year (`rest`: `.json`, `.csv`…). */
export function publicResultsPath(agencyCode: string, year: number, rest = '/results'): string {
  return `/public/${encodeURIComponent(agencyCode)}/${year}${rest}`;
}

function FormatLinks({ base, lang }: { base: string; lang: Lang }) {
  return (
    <span class="report-formats">
      <a href={`${base}.pdf`} download>
        PDF
      </a>{' '}
      ·{' '}
      <a href={`${base}.docx`} download>
        DOCX
      </a>{' '}
      · <a href={`${base}.html`}>{pick(lang, m('หน้าพิมพ์ (HTML)', 'Printable page (HTML)'))}</a>
    </span>
  );
}

/** The reports of a round: each with its PDF, DOCX and HTML links, plus the workbooks. */
export function ReportsListPage({ page, round }: { page: PageContext; round: Round }) {
  const { lang } = page;
  const base = `/rounds/${round.id}/reports`;
  const published = round.state === 'published';
  return (
    <Layout
      page={page}
      title={m(
        `รายงาน ${round.agencyNameTh} ปี ${round.editionYear}`,
        `Reports: ${round.agencyNameTh}, ${round.editionYear}`,
      )}
    >
      <p>
        <a href={`/rounds/${round.id}`}>
          {pick(lang, m('กลับไปที่รอบการประเมิน', 'Back to the round'))}
        </a>
      </p>
      {!published && (
        <p class="notice">
          {pick(
            lang,
            m(
              'รอบนี้ยังไม่เผยแพร่ผล รายงานจึงแสดงผลระหว่างการประเมิน ซึ่งยังไม่เป็นทางการ',
              'This round is not published yet: the reports show a provisional result',
            ),
          )}
        </p>
      )}
      <ul class="report-list">
        <li data-report="result">
          <strong>
            {pick(lang, m('รายงานผลการประเมิน ITA ของหน่วยงาน', 'The agency’s ITA result report'))}
          </strong>
          <br />
          <FormatLinks base={`${base}/result`} lang={lang} />
        </li>
        <li data-report="analysis">
          <strong>
            {pick(
              lang,
              m(
                'รายงานผลการวิเคราะห์ผลการประเมิน (จุดแข็ง จุดที่ควรพัฒนา และมาตรการ)',
                'Analysis of the result (strengths, weak points and measures)',
              ),
            )}
          </strong>
          <br />
          <FormatLinks base={`${base}/analysis`} lang={lang} />
        </li>
        <li data-report="measures">
          <strong>
            {pick(
              lang,
              m(
                'มาตรการส่งเสริมคุณธรรมและความโปร่งใส และรายงานผลการดำเนินการ',
                'Integrity measures and their progress report',
              ),
            )}
          </strong>
          <br />
          <a href={`/rounds/${round.id}/measures/document.pdf`} download>
            PDF
          </a>{' '}
          ·{' '}
          <a href={`/rounds/${round.id}/measures/document.docx`} download>
            DOCX
          </a>{' '}
          · {pick(lang, m('ความก้าวหน้า', 'progress'))}:{' '}
          <a href={`/rounds/${round.id}/measures/progress.pdf`} download>
            PDF
          </a>{' '}
          ·{' '}
          <a href={`/rounds/${round.id}/measures/progress.docx`} download>
            DOCX
          </a>
        </li>
        <li data-report="xlsx">
          <strong>{pick(lang, m('คะแนนทุกข้อ (Excel)', 'Every score (Excel)'))}</strong>
          <br />
          <a href={`/rounds/${round.id}/results.xlsx`} download>
            XLSX
          </a>
        </li>
        <li data-report="rollup">
          <strong>
            {pick(lang, m('ผลรวมของหน่วยงานในสังกัด (Excel)', 'Roll-up of the units below (Excel)'))}
          </strong>
          <br />
          <a href={`/agencies/${round.agencyId}/rollup.xlsx?year=${round.editionYear}`}>XLSX</a>
        </li>
        {published && (
          <li data-report="public">
            <strong>{pick(lang, m('หน้าผลการประเมินสาธารณะ', 'Public results page'))}</strong>
            <br />
            <a href={publicResultsPath(round.agencyCode, round.editionYear)}>
              {publicResultsPath(round.agencyCode, round.editionYear)}
            </a>{' '}
            ·{' '}
            <a href={publicResultsPath(round.agencyCode, round.editionYear, '/results.csv')}>CSV</a>{' '}
            ·{' '}
            <a href={publicResultsPath(round.agencyCode, round.editionYear, '/results.json')}>
              JSON
            </a>
          </li>
        )}
      </ul>
    </Layout>
  );
}

/** The progress of a long export; refreshes itself (no JavaScript) until the file is ready. */
export function ExportProgressPage({ page, job }: { page: PageContext; job: ExportJob }) {
  const { lang } = page;
  const percent = job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  return (
    <Layout
      page={page}
      title={m('กำลังเตรียมไฟล์', 'Preparing the file')}
      refreshSeconds={job.state === 'running' ? 2 : undefined}
    >
      <p>{job.label}</p>
      {job.state === 'running' && (
        <>
          <p>
            <progress max={100} value={percent} aria-label={pick(lang, m('ความคืบหน้า', 'Progress'))}>
              {percent}%
            </progress>{' '}
            <span data-progress>
              {job.done} / {job.total || '…'}
            </span>
          </p>
          <p class="hint">
            {pick(
              lang,
              m(
                'หน้านี้จะโหลดใหม่เองทุก 2 วินาทีจนไฟล์พร้อม',
                'This page reloads itself every 2 seconds until the file is ready',
              ),
            )}
          </p>
        </>
      )}
      {job.state === 'done' && (
        <p>
          <a href={`/exports/${job.id}/download`} download data-download>
            {pick(lang, m('ดาวน์โหลดไฟล์', 'Download the file'))} ({job.file?.fileName})
          </a>
        </p>
      )}
      {job.state === 'failed' && (
        <p class="error">
          {pick(
            lang,
            m('สร้างไฟล์ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง', 'The file could not be made; please try again'),
          )}
        </p>
      )}
    </Layout>
  );
}

/** The public results page of an agency for a year: published snapshot only, withheld kept. */
export function PublicResultsPage(props: {
  page: PageContext;
  facts: ReportFacts & { publishedAt: string };
  chartSvg: string;
}) {
  const { page, facts, chartSvg } = props;
  const { lang } = page;
  const { round, result } = facts;
  const path = (rest: string) => publicResultsPath(round.agencyCode, round.editionYear, rest);
  return (
    <PublicLayout
      lang={lang}
      path={page.path}
      agency={{ code: round.agencyCode, nameTh: round.agencyNameTh }}
      title={m(
        `ผลการประเมิน ITA ${round.agencyNameTh} ปี ${round.editionYear}`,
        `ITA results: ${round.agencyNameTh}, ${round.editionYear}`,
      )}
      head={<link rel="alternate" type="application/json" href={path('/results.json')} />}
    >
      <div class="results-summary">
        <p>
          {pick(lang, m('คะแนนรวม', 'Total'))}:{' '}
          <strong class="big-score" data-total>
            {formatFigure(lang, result.total, result.withheld !== null)}
          </strong>{' '}
          <span data-level>
            {result.withheld
              ? formatFigure(lang, null, true)
              : result.level
                ? pick(lang, result.level.name)
                : '–'}
          </span>
        </p>
        <WithheldNotice lang={lang} withheld={result.withheld} />
        <p class="muted">
          {pick(lang, m('เผยแพร่เมื่อ', 'Published'))} {formatDate(lang, facts.publishedAt)} ·{' '}
          {pick(lang, editionYearLabel(round.editionYear))}
        </p>
      </div>
      <InstrumentScoresTable lang={lang} instruments={result.instruments} />
      <section>
        <h2>{pick(lang, m('คะแนนรายตัวชี้วัด', 'Scores by indicator'))}</h2>
        <ChartFigure
          svg={chartSvg}
          label={pick(lang, m('แผนภูมิแท่งคะแนนรายตัวชี้วัด', 'Bar chart of indicator scores'))}
        />
      </section>
      <section>
        <h2>{pick(lang, m('ที่มาของคะแนน', 'How each score was obtained'))}</h2>
        <ExplanationTree lang={lang} tree={result.tree} />
      </section>
      <section>
        <h2>{pick(lang, m('ดาวน์โหลด', 'Downloads'))}</h2>
        <ul>
          <li>
            <a href={path('/analysis.pdf')}>
              {pick(lang, m('รายงานผลการวิเคราะห์ (PDF)', 'Analysis report (PDF)'))}
            </a>
          </li>
          <li>
            <a href={path('/results.csv')}>CSV</a> · <a href={path('/results.json')}>JSON</a>
          </li>
          <li>
            <a href={openDataFilePath(round.editionYear, 'csv')}>
              {pick(
                lang,
                m('ข้อมูลเปิดทุกหน่วยงานของปีนี้ (CSV)', 'Open data of every agency this year (CSV)'),
              )}
            </a>{' '}
            ·{' '}
            <a href={OPEN_DATA_PATH}>
              {pick(lang, m('ข้อมูลเปิดทุกปีและคำอธิบาย', 'All years of open data, described'))}
            </a>
          </li>
        </ul>
      </section>
    </PublicLayout>
  );
}
