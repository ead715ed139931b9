import {
  levelSentences,
  ruleText,
  type LevelExplanation,
} from '../../../../core/analysis/next-level.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';

/**
 * Why a result has its level, in sentences (which instrument holds it back, the gap to the next
 * level) and the rules of the edition's rating scheme, read from its data.
 */
export function LevelExplanationBlock(props: {
  lang: Lang;
  explanation: LevelExplanation;
  /** Shown in the what-if: the sentences speak of the simulated result. */
  simulated?: boolean;
}) {
  const { lang, explanation, simulated = false } = props;
  const sentences = levelSentences(explanation);
  return (
    <div class="level-explanation" data-level-explanation={simulated ? 'simulated' : 'actual'}>
      {sentences.map((s) => (
        <p>
          {simulated && `${pick(lang, m('ผลสมมติ:', 'Simulated:'))} `}
          {pick(lang, s)}
        </p>
      ))}
      {!simulated && (
        <details>
          <summary>
            {pick(lang, m('เกณฑ์การจัดระดับของปีการประเมินนี้', "This year's rating rules"))}
          </summary>
          <ul>
            {explanation.rules.map((rule) => (
              <li>{pick(lang, ruleText(rule))}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
