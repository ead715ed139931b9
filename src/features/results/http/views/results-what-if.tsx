import type { DisclosedWeakness } from '../../../../core/disclosure/disclosure.js';
import type { Message } from '../../../../core/errors.js';
import type { RoundResults } from '../../services/results.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { formatFigure, formatScore } from './results-tree.js';
import { LevelExplanationBlock } from './level-explanation.js';
import { assetHref } from '../../../../platform/http/views/layout-head.js';

function levelChange(lang: Lang, w: DisclosedWeakness, withheld: boolean): string {
  if (withheld || w.fixChangesLevel === null) return formatFigure(lang, null, true);
  return w.fixChangesLevel
    ? `${pick(lang, m('เปลี่ยนเป็น', 'becomes'))} ${w.levelIfFixed ? pick(lang, w.levelIfFixed.name) : '–'}`
    : pick(lang, m('ไม่เปลี่ยน', 'no'));
}

function Weaknesses(props: {
  lang: Lang;
  title: Message;
  rows: DisclosedWeakness[];
  withheld: boolean;
}) {
  const { lang, title, rows, withheld } = props;
  return (
    <div class="table-scroll">
      <table class="weakness">
        <caption>{pick(lang, title)}</caption>
        <thead>
          <tr>
            <th scope="col">{pick(lang, m('รายการ', 'Part'))}</th>
            <th scope="col" class="num">
              {pick(lang, m('คะแนน', 'Score'))}
            </th>
            <th scope="col" class="num">
              {pick(lang, m('คะแนนรวมที่เสีย', 'Points lost'))}
            </th>
            <th scope="col" class="num">
              {pick(lang, m('คะแนนรวมถ้าได้ 100', 'Total if 100'))}
            </th>
            <th scope="col">{pick(lang, m('ระดับเปลี่ยนหรือไม่', 'Level changes?'))}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} class="muted">
                {pick(lang, m('ไม่มีรายการที่เสียคะแนน', 'Nothing loses points'))}
              </td>
            </tr>
          )}
          {rows.map((w) => (
            <tr>
              <td>
                <span class="tag">{w.code}</span> {pick(lang, w.name)}
              </td>
              <td class="num">{formatScore(lang, w.shown)}</td>
              <td class="num">{w.lost.toFixed(2)}</td>
              <td class="num">{formatFigure(lang, w.totalIfFixed, withheld)}</td>
              <td>{levelChange(lang, w, withheld)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The weakest indicators, questions and OIT items with the points each costs. */
export function WeaknessSection({ lang, results }: { lang: Lang; results: RoundResults }) {
  const { weaknesses } = results;
  return (
    <section id="weaknesses">
      <h2>{pick(lang, m('จุดอ่อน: รายการที่เสียคะแนนมากที่สุด', 'Weak points: what costs most'))}</h2>
      <Weaknesses
        lang={lang}
        title={m('ตัวชี้วัด', 'Indicators')}
        rows={weaknesses.indicators}
        withheld={weaknesses.withheld}
      />
      <Weaknesses
        lang={lang}
        title={m(
          'ข้อคำถาม (ไม่รวมข้อที่ไม่แสดงคะแนนเพราะข้อมูลไม่พอ)',
          'Questions (those withheld for too few respondents left out)',
        )}
        rows={weaknesses.questions}
        withheld={weaknesses.withheld}
      />
      <Weaknesses
        lang={lang}
        title={m('ข้อ OIT', 'OIT items')}
        rows={weaknesses.oitItems}
        withheld={weaknesses.withheld}
      />
      {weaknesses.unassessed.length > 0 && (
        <p class="muted" data-unassessed>
          {pick(
            lang,
            m(
              `ข้อ OIT ที่ผู้ประเมินยังไม่ได้ตรวจ ${weaknesses.unassessed.length} ข้อ ไม่นับเป็นจุดอ่อน (คะแนนรวมขณะนี้ยังนับเป็น 0): `,
              `${weaknesses.unassessed.length} OIT items not assessed yet are not weak points (the total counts them as 0 for now): `,
            ),
          )}
          {weaknesses.unassessed.map((u) => u.code).join(', ')}
        </p>
      )}
    </section>
  );
}

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/** The what-if form (plain GET, no JavaScript) and the simulated total and level beside the actual. */
export function WhatIfSection(props: {
  lang: Lang;
  results: RoundResults;
  query: Record<string, unknown>;
}) {
  const { lang, results, query } = props;
  const { whatIf, whatIfError, result } = results;
  const passed = new Set(asList(query.pass));
  const action = `/rounds/${results.round.id}/results#what-if`;
  return (
    <section id="what-if">
      <h2>{pick(lang, m('ทดลองสมมติคะแนน', 'What-if simulator'))}</h2>
      <div id="what-if-output" aria-live="polite">
        {whatIfError && (
          <p class="error" role="alert">
            {pick(lang, whatIfError)}
          </p>
        )}
        {whatIf && (
          <div class="table-scroll">
            <table class="what-if-result">
              <thead>
                <tr>
                  <th scope="col"></th>
                  <th scope="col" class="num">
                    {pick(lang, m('ผลจริง', 'Actual'))}
                  </th>
                  <th scope="col" class="num">
                    {pick(lang, m('ผลสมมติ', 'Simulated'))}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.instruments.map((i) => {
                  const simulated = whatIf.instruments.find((w) => w.code === i.code);
                  return (
                    <tr>
                      <th scope="row">
                        {i.code} {pick(lang, i.name)}
                      </th>
                      <td class="num">{formatFigure(lang, i.shown, i.withheld)}</td>
                      <td class="num">
                        {formatFigure(lang, simulated?.shown, simulated?.withheld === true)}
                      </td>
                    </tr>
                  );
                })}
                <tr class="what-if-total">
                  <th scope="row">{pick(lang, m('คะแนนรวม', 'Total'))}</th>
                  <td class="num" data-actual-total>
                    {formatFigure(lang, result.total, result.withheld !== null)}
                  </td>
                  <td class="num" data-simulated-total>
                    <strong>{formatFigure(lang, whatIf.total, whatIf.withheld)}</strong>
                    {whatIf.totalDelta !== null &&
                      ` (${whatIf.totalDelta >= 0 ? '+' : ''}${whatIf.totalDelta.toFixed(2)})`}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{pick(lang, m('ระดับ', 'Level'))}</th>
                  <td>
                    {result.withheld
                      ? formatFigure(lang, null, true)
                      : result.level
                        ? pick(lang, result.level.name)
                        : '–'}
                  </td>
                  <td>
                    <strong>
                      {whatIf.withheld
                        ? formatFigure(lang, null, true)
                        : whatIf.level
                          ? pick(lang, whatIf.level.name)
                          : '–'}
                    </strong>
                    {whatIf.levelChanged === true &&
                      ` (${pick(lang, m('ระดับเปลี่ยน', 'level changes'))})`}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
        {whatIf && (
          <LevelExplanationBlock lang={lang} explanation={whatIf.levelExplanation} simulated />
        )}
      </div>
      <form method="get" action={action} class="what-if-form">
        <fieldset>
          <legend>{pick(lang, m('ตั้งคะแนนตัวชี้วัด (0–100)', 'Set indicator scores (0–100)'))}</legend>
          {results.indicators.map((ind) => {
            const name = `i.${ind.code}`;
            const value = asList(query[name])[0] ?? '';
            return (
              <label class="what-if-field">
                <span>
                  {ind.code} {pick(lang, ind.name)} ({pick(lang, m('ตอนนี้', 'now'))}{' '}
                  {formatFigure(lang, ind.shown, ind.withheld)})
                </span>
                <input
                  type="number"
                  name={name}
                  min="0"
                  max="100"
                  step="0.01"
                  value={value}
                  placeholder={ind.shown === null ? '' : ind.shown.toFixed(2)}
                />
              </label>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>
            {pick(
              lang,
              m('ข้อ OIT ที่ยังไม่ผ่าน: ติ๊กเพื่อสมมติว่าผ่าน', 'OIT items not passed: tick to assume a pass'),
            )}
          </legend>
          {results.failedOitItems.length === 0 && (
            <p class="muted">{pick(lang, m('ผ่านทุกข้อแล้ว', 'Every item passed'))}</p>
          )}
          {results.failedOitItems.map((item) => (
            <label class="what-if-check">
              <input
                type="checkbox"
                name="pass"
                value={item.code}
                checked={passed.has(item.code)}
              />{' '}
              <span class="tag">{item.code}</span> {pick(lang, item.name)}
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit">{pick(lang, m('คำนวณ', 'Simulate'))}</button>{' '}
          <a href={`/rounds/${results.round.id}/results`}>{pick(lang, m('ล้างค่าสมมติ', 'Clear'))}</a>
        </p>
      </form>
      <script src={assetHref('what-if.js')} defer></script>
    </section>
  );
}
