import type { Message } from '../../../../core/errors.js';
import { TARGET_NAMES } from '../../core/measure-rules.js';
import { pick, type Lang } from '../../../../platform/http/i18n.js';

/** What a measure answers: type, code and name. */
export function targetLabel(
  lang: Lang,
  measure: {
    targetType: keyof typeof TARGET_NAMES;
    targetCode: string;
    targetName: Message | null;
  },
): string {
  const name = measure.targetName ? ` ${pick(lang, measure.targetName)}` : '';
  return `${pick(lang, TARGET_NAMES[measure.targetType])} ${measure.targetCode}${name}`;
}
