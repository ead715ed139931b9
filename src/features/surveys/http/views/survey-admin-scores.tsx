import type { LiveIndicatorScore, LiveScores } from '../../services/survey-admin.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';

const WITHHELD_QUESTION = m('ผู้ตอบข้อนี้น้อยกว่า 5 คน', 'Fewer than 5 answers');

function formatScore(lang: Lang, score: number | null): string {
  if (score === null) return '–';
  return score.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

function IndicatorRows({ lang, indicator }: { lang: Lang; indicator: LiveIndicatorScore }) {
  return (
    <>
      <tr class="indicator-row">
        <th scope="row" colSpan={2}>
          {pick(lang, m('ตัวชี้วัดที่', 'Indicator'))} {indicator.code} {pick(lang, indicator.name)}
        </th>
        <td class="num">{formatScore(lang, indicator.score)}</td>
      </tr>
      {indicator.questions.map((q) => (
        <tr>
          <td>
            <span class="tag">{q.code}</span> {pick(lang, q.text)}
          </td>
          <td class="num">{q.answered}</td>
          <td class="num">
            {q.score === null ? (
              <span class="muted" title={pick(lang, WITHHELD_QUESTION)}>
                {pick(lang, m('ไม่แสดง', 'withheld'))}
              </span>
            ) : (
              formatScore(lang, q.score)
            )}
          </td>
        </tr>
      ))}
    </>
  );
}

function ScoreDetail({ lang, indicators }: { lang: Lang; indicators: LiveIndicatorScore[] }) {
  return (
    <details>
      <summary>
        {pick(lang, m('คะแนนรายตัวชี้วัดและรายข้อ', 'Scores by indicator and question'))}
      </summary>
      <div class="table-scroll">
        <table class="live-scores">
          <thead>
            <tr>
              <th scope="col">{pick(lang, m('ข้อ', 'Item'))}</th>
              <th scope="col" class="num">
                {pick(lang, m('ผู้ตอบ', 'Answered'))}
              </th>
              <th scope="col" class="num">
                {pick(lang, m('คะแนน', 'Score'))}
              </th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => (
              <IndicatorRows lang={lang} indicator={indicator} />
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">
        {pick(
          lang,
          m(
            'คะแนนคำนวณจากคำตอบถึงเมื่อวาน (คำตอบของวันนี้นับจำนวนแล้วแต่ยังไม่รวมในคะแนน) และข้อที่มีผู้ตอบน้อยกว่า 5 คนจะไม่แสดงคะแนน เพื่อไม่ให้ระบุตัวผู้ตอบได้ "ผู้ตอบ" คือจำนวนที่ตอบครบทุกข้อย่อยของคำถาม',
            'Scores use the answers up to yesterday (today\'s answers are counted but not yet scored), and a question answered by fewer than 5 people shows no score, so no one can be identified. "Answered" counts people who answered every line of the question',
          ),
        )}
      </p>
    </details>
  );
}

/** The live scores of one instrument down to the question, or why they are withheld. */
export function LiveScoresTable({ lang, live }: { lang: Lang; live: LiveScores }) {
  if (live.respondents === 0 && !live.suppressed)
    return <p class="muted">{pick(lang, m('ยังไม่มีผู้ตอบ', 'No answers yet'))}</p>;
  if (!live.scores)
    return (
      <p class="withheld" role="note">
        {live.suppressed && pick(lang, live.suppressed)}
      </p>
    );
  const { respondents, uncounted } = live;
  return (
    <div>
      <p>
        {pick(lang, m('คะแนนขณะนี้', 'Score so far'))}:{' '}
        <strong class="big-score">{formatScore(lang, live.scores.score)}</strong>{' '}
        <span class="muted">
          {pick(lang, m(`จากผู้ตอบ ${respondents} คน`, `from ${respondents} respondents`))}
        </span>
      </p>
      {uncounted > 0 && (
        <p class="muted">
          {pick(
            lang,
            m(
              `มีคำตอบ ${uncounted} ชุดที่ไม่ตรงกับฉบับเกณฑ์ จึงไม่นับ`,
              `${uncounted} responses do not match the edition and are not counted`,
            ),
          )}
        </p>
      )}
      <ScoreDetail lang={lang} indicators={live.scores.indicators} />
    </div>
  );
}
