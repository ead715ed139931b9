import type { Message } from '../../core/errors.js';
import { m, pick, type Lang } from '../i18n.js';

/**
 * What an import's dry run found, at the top of the page: the file's errors and how many rows
 * are wrong (nothing saved), or `ready` when the file can be imported as it is.
 */
export function ImportCheckSummary(props: {
  lang: Lang;
  fileErrors: readonly Message[];
  badRows: number;
  /** What the import would save, in Thai ("ข้อมูล", "ทรัพย์สิน", "คำตอบ"). */
  savedTh: string;
  ready: string;
}) {
  const { lang, badRows } = props;
  const problems = props.fileErrors.map((message) => pick(lang, message));
  if (badRows > 0)
    problems.push(
      lang === 'th'
        ? `${badRows} แถวมีข้อผิดพลาด แก้ไขแล้วตรวจสอบอีกครั้ง ยังไม่มีการบันทึก${props.savedTh}ใด`
        : `${badRows} row(s) have errors: correct them and check again. Nothing was saved.`,
    );
  if (problems.length === 0)
    return (
      <div class="notice" role="status">
        {props.ready}
      </div>
    );
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{pick(lang, m('ยังนำเข้าไม่ได้', 'Cannot import yet'))}</h2>
      <ul>
        {problems.map((text) => (
          <li>{text}</li>
        ))}
      </ul>
    </div>
  );
}
