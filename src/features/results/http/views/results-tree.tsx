import type { Message } from '../../../../core/errors.js';
import type { InstrumentResult } from '../../../../core/scoring/evaluate-scores.js';
import { WITHHELD_LABEL } from '../../../../core/disclosure/disclosure.js';
import type { ResultNode } from '../../services/results.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { tallyInWords, type AnswerLabels } from '../../../../core/analysis/answer-labels.js';

/** A score with two decimals in the page's language ("–" when there is none). */
export function formatScore(lang: Lang, score: number | null | undefined): string {
  if (score === null || score === undefined) return '–';
  return score.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

/**
 * How a number was obtained, in words (Thai first), from the engine's basis; answer tallies name
 * the options by their labels (`labels`: the edition's, see core/analysis/answer-labels.ts).
 */
export function describeBasis(lang: Lang, node: ResultNode, labels?: AnswerLabels): string {
  const basis = node.basis;
  const say = (message: Message) => pick(lang, message);
  switch (basis.kind) {
    case 'withheld':
      return say(
        m(
          `ไม่แสดง: คะแนนนี้หรือส่วนที่ใช้คำนวณมาจากผู้ตอบน้อยกว่า ${basis.minimum} คน เพื่อไม่ให้ระบุตัวผู้ตอบได้`,
          `withheld: this score, or a part it is computed from, rests on fewer than ${basis.minimum} respondents, so no one can be identified`,
        ),
      );
    case 'answers': {
      if (basis.answered === 0) return say(m('ไม่มีผู้ตอบ', 'no answers'));
      const parts = say(tallyInWords(basis.distribution, labels?.[node.code]));
      return `${say(m(`ค่าเฉลี่ยจาก ${basis.answered} คำตอบ`, `mean of ${basis.answered} answers`))}: ${parts}`;
    }
    case 'decision':
      return say(
        {
          pass: m('ผ่าน', 'pass'),
          fail: m('ไม่ผ่าน', 'fail'),
          partial: m('ได้คะแนนบางส่วน', 'partial credit'),
          missing: m('ยังไม่มีผลการตรวจ นับเป็นไม่ผ่าน', 'no decision, counted as not passed'),
        }[basis.decision],
      );
    case 'mean': {
      const what = basis.weighted
        ? m(`ค่าเฉลี่ยถ่วงน้ำหนักของ ${basis.used} รายการ`, `weighted mean of ${basis.used} parts`)
        : m(`ค่าเฉลี่ยของ ${basis.used} รายการ`, `mean of ${basis.used} parts`);
      const skipped = basis.unscored.length
        ? `; ${say(m('ไม่มีข้อมูล', 'no data'))}: ${basis.unscored.join(', ')}`
        : '';
      return say(what) + skipped;
    }
    case 'override':
      return say(
        m(
          `ค่าสมมติ (คำนวณได้ ${formatScore(lang, basis.computed)})`,
          `assumed (computed ${formatScore(lang, basis.computed)})`,
        ),
      );
    case 'sum_of_components':
      return say(m('ผลรวมคะแนนถ่วงน้ำหนักที่ปัดแล้ว', 'sum of the rounded weighted components'));
  }
}

const TYPE_NAMES: Record<ResultNode['type'], Message> = {
  total: m('คะแนนรวม', 'Total'),
  instrument: m('เครื่องมือ', 'Instrument'),
  indicator: m('ตัวชี้วัด', 'Indicator'),
  subindicator: m('ตัวชี้วัดย่อย', 'Sub-indicator'),
  question: m('ข้อคำถาม', 'Question'),
  item: m('ข้อย่อย', 'Item'),
  oit_item: m('ข้อ OIT', 'OIT item'),
};

function NodeLine({
  lang,
  node,
  labels,
}: {
  lang: Lang;
  node: ResultNode;
  labels?: AnswerLabels | undefined;
}) {
  return (
    <span class="result-node">
      <span class="tag">{node.code}</span> {pick(lang, node.name)}:{' '}
      {node.withheld ? (
        <span class="muted withheld" data-withheld>
          {WITHHELD_LABEL}
        </span>
      ) : (
        <strong>{formatScore(lang, node.shown)}</strong>
      )}{' '}
      <span class="muted">
        = {describeBasis(lang, node, labels)}
        {node.lost !== null &&
          node.lost > 0.00005 &&
          ` · ${pick(lang, m('เสีย', 'lost'))} ${node.lost.toFixed(2)} ${pick(lang, m('คะแนน', 'points'))}`}
      </span>
    </span>
  );
}

function NodeItem({
  lang,
  node,
  labels,
}: {
  lang: Lang;
  node: ResultNode;
  labels?: AnswerLabels | undefined;
}) {
  if (node.children.length === 0)
    return (
      <li>
        <NodeLine lang={lang} node={node} labels={labels} />
      </li>
    );
  const collapsible = node.type === 'instrument' || node.type === 'indicator';
  const list = (
    <ul class="result-tree">
      {node.children.map((child) => (
        <NodeItem lang={lang} node={child} labels={labels} />
      ))}
    </ul>
  );
  return (
    <li>
      {collapsible ? (
        <details>
          <summary>
            {pick(lang, TYPE_NAMES[node.type])} <NodeLine lang={lang} node={node} labels={labels} />
          </summary>
          {list}
        </details>
      ) : (
        <>
          <NodeLine lang={lang} node={node} labels={labels} />
          {list}
        </>
      )}
    </li>
  );
}

/** The explanation tree as nested lists: every number with how it was obtained. */
export function ExplanationTree({
  lang,
  tree,
  labels,
}: {
  lang: Lang;
  tree: ResultNode;
  labels?: AnswerLabels;
}) {
  return (
    <ul class="result-tree result-root">
      {tree.children.map((child) => (
        <NodeItem lang={lang} node={child} labels={labels} />
      ))}
    </ul>
  );
}

/** A score, or "ข้อมูลไม่พอ / not enough respondents" when it is withheld (never 0). */
export function formatFigure(lang: Lang, score: number | null | undefined, withheld: boolean) {
  return withheld ? WITHHELD_LABEL : formatScore(lang, score);
}

/** The instruments of a result: score, share of the total and the weighted points they add. */
export function InstrumentScoresTable(props: {
  lang: Lang;
  instruments: readonly (Pick<
    InstrumentResult,
    'code' | 'name' | 'shown' | 'points' | 'component'
  > & {
    withheld: boolean;
  })[];
}) {
  const { lang, instruments } = props;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{pick(lang, m('เครื่องมือ', 'Instrument'))}</th>
            <th scope="col" class="num">
              {pick(lang, m('คะแนน', 'Score'))}
            </th>
            <th scope="col" class="num">
              {pick(lang, m('สัดส่วน', 'Weight'))}
            </th>
            <th scope="col" class="num">
              {pick(lang, m('คะแนนถ่วงน้ำหนัก', 'Weighted'))}
            </th>
          </tr>
        </thead>
        <tbody>
          {instruments.map((i) => (
            <tr>
              <th scope="row">
                {i.code} {pick(lang, i.name)}
              </th>
              <td class="num" data-instrument-score={i.code}>
                {formatFigure(lang, i.shown, i.withheld)}
              </td>
              <td class="num">{i.points}%</td>
              <td class="num">{formatFigure(lang, i.component, i.withheld)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
