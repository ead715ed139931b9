import type { Withholding } from '../../../../core/disclosure/disclosure.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';

/** Says which figures are withheld and why (core/disclosure), when any are. */
export function WithheldNotice({ lang, withheld }: { lang: Lang; withheld: Withholding | null }) {
  if (!withheld) return null;
  const parts = withheld.instruments.join(', ');
  return (
    <p class="notice" role="note" data-withheld-notice>
      <strong>{withheld.text}</strong>:{' '}
      {pick(
        lang,
        m(
          `ไม่แสดงคะแนนของ ${parts} และคะแนนรวมกับระดับที่คำนวณจากคะแนนนั้น เพราะมาจากผู้ตอบน้อยกว่า ${withheld.minimum} คน เพื่อไม่ให้ระบุตัวผู้ตอบได้ คะแนน OIT ยังแสดงตามปกติ`,
          `the scores of ${parts}, and the total and level computed from them, are withheld: they rest on fewer than ${withheld.minimum} respondents, so no one can be identified. The OIT score is shown as usual`,
        ),
      )}
    </p>
  );
}
