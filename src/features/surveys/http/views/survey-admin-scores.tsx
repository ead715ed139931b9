import type { LiveIndicatorScore, LiveScores } from '../../services/survey-admin.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';

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
          <td class="num">{formatScore(lang, q.score)}</td>
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
            'คะแนนคำนวณจากคำตอบของวันที่ผ่านมาแล้วเท่านั้น (คำตอบของวันนี้นับจำนวนแล้วแต่ยังไม่รวมในคะแนน) และขยับทีละอย่างน้อยตามจำนวนผู้ตอบขั้นต่ำของฉบับเกณฑ์ เมื่อมีคำตอบใหม่เข้ามาหลังจากนั้นอีกอย่างน้อยเท่ากัน เพื่อไม่ให้ผลต่างของคะแนนสองครั้งระบุคำตอบของผู้ใดได้ "ผู้ตอบ" คือจำนวนคำตอบที่น้อยที่สุดในบรรดาข้อย่อยที่มีผู้ตอบของคำถาม',
            "Scores use the answers of past days only (today's answers are counted but not yet scored), and move by at least the edition's minimum group size at a time, once as many more answers have come after them, so that the difference of two scores gives no one's answers away. \"Answered\" is the fewest answers among the answered lines of the question",
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
  const { respondents, uncounted, through, waiting } = live;
  return (
    <div>
      <p>
        {pick(lang, m('คะแนนขณะนี้', 'Score so far'))}:{' '}
        <strong class="big-score">{formatScore(lang, live.scores.score)}</strong>{' '}
        <span class="muted">
          {pick(lang, m(`จากผู้ตอบ ${respondents} คน`, `from ${respondents} respondents`))}
          {through !== null && pick(lang, m(` ถึงวันที่ ${through}`, ` up to ${through}`))}
          {waiting > 0 &&
            pick(
              lang,
              m(
                ` · อีก ${waiting} คำตอบนับแล้วแต่ยังไม่รวมในคะแนน`,
                ` · ${waiting} more answers counted, not yet scored`,
              ),
            )}
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
