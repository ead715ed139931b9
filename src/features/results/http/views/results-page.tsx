import type { RoundResults } from '../../services/results.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { ExplanationTree, formatFigure, InstrumentScoresTable } from './results-tree.js';
import { WithheldNotice } from './withheld-notice.js';
import { ChartFigure } from '../../../../platform/http/views/chart-figure.js';
import { WeaknessSection, WhatIfSection } from './results-what-if.js';
import { LevelExplanationBlock } from './level-explanation.js';

function Summary({ lang, results }: { lang: Lang; results: RoundResults }) {
  const { result } = results;
  return (
    <div class="results-summary">
      <p>
        {pick(lang, m('คะแนนรวม', 'Total'))}:{' '}
        <strong class="big-score" data-total>
          {formatFigure(lang, result.total, result.withheld !== null)}
        </strong>{' '}
        {pick(lang, m('ระดับ', 'Level'))}:{' '}
        <strong data-level>
          {result.withheld
            ? formatFigure(lang, null, true)
            : result.level
              ? pick(lang, result.level.name)
              : '–'}
        </strong>
      </p>
      <WithheldNotice lang={lang} withheld={result.withheld} />
      <LevelExplanationBlock lang={lang} explanation={results.levelExplanation} />
      <p class="muted">
        {results.source === 'snapshot'
          ? pick(
              lang,
              m(
                `ผลที่บันทึกไว้เมื่อยืนยันผล (เครื่องคำนวณรุ่น ${results.engineVersion})`,
                `Stored result from confirmation (engine version ${results.engineVersion})`,
              ),
            )
          : pick(
              lang,
              m(
                `คำนวณขณะนี้จากคำตอบและผลการตรวจล่าสุด ยังไม่ใช่ผลทางการ (เครื่องคำนวณรุ่น ${results.engineVersion})`,
                `Scored now from the answers and latest decisions: not final (engine version ${results.engineVersion})`,
              ),
            )}
      </p>
      <InstrumentScoresTable lang={lang} instruments={result.instruments} />
    </div>
  );
}

/** A round's results: total and level, chart, explanation, weak points and what-if. */
export function ResultsPage(props: {
  page: PageContext;
  results: RoundResults;
  chartSvg: string;
  query: Record<string, unknown>;
}) {
  const { page, results, chartSvg, query } = props;
  const { lang } = page;
  const { round } = results;
  const title = m(
    `ผลการประเมิน ${round.agencyNameTh} ปี ${round.editionYear}`,
    `Results: ${round.agencyNameTh}, ${round.editionYear}`,
  );
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`/rounds/${round.id}`}>
          {pick(lang, m('กลับไปที่รอบการประเมิน', 'Back to the round'))}
        </a>{' '}
        ·{' '}
        <a href={`/rounds/${round.id}/reports`}>
          {pick(lang, m('รายงาน PDF, DOCX และ Excel', 'Reports: PDF, DOCX and Excel'))}
        </a>
      </p>
      <Summary lang={lang} results={results} />
      <section>
        <h2>{pick(lang, m('คะแนนรายตัวชี้วัด', 'Scores by indicator'))}</h2>
        <ChartFigure
          svg={chartSvg}
          label={pick(lang, m('แผนภูมิแท่งคะแนนรายตัวชี้วัด', 'Bar chart of indicator scores'))}
        />
      </section>
      <section>
        <h2>{pick(lang, m('ที่มาของคะแนนแต่ละตัว', 'Where each number comes from'))}</h2>
        <ExplanationTree lang={lang} tree={results.result.tree} labels={results.answerLabels} />
      </section>
      <WeaknessSection lang={lang} results={results} />
      <WhatIfSection lang={lang} results={results} query={query} />
    </Layout>
  );
}
