import { ADVICE_TEMPLATES } from '../../core/advice-templates.js';
import type { ReviewLink } from '../../services/oit-review-item.service.js';
import type { ReviewItemDetail } from '../../services/oit-review-item.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { DecisionTag } from './oit-review-list.js';
import { fileLabel } from '../../../oit-evidence/feature.js';

/** Where an item's file opens (the evidence side serves it to those who may see the item). */
function filePath(roundId: string, itemCode: string, fileId: string): string {
  return `/rounds/${encodeURIComponent(roundId)}/oit/${encodeURIComponent(itemCode)}/files/${encodeURIComponent(fileId)}`;
}

function LinkFacts({ lang, roundId, link }: { lang: Lang; roundId: string; link: ReviewLink }) {
  return (
    <li>
      <a href={link.url} rel="noopener noreferrer nofollow" target="_blank">
        {link.url}
      </a>
      {link.addedIn === 'clarification' &&
        ` (${pick(lang, m('เพิ่มตอนชี้แจง', 'added in clarification'))})`}
      <ul>
        {link.snapshots.map((s) => (
          <li>
            {s.kind === 'submission'
              ? pick(lang, m('ตอนส่ง', 'At submission'))
              : pick(lang, m('ตรวจซ้ำ', 'Re-check'))}
            : {formatDate(lang, s.takenAt, true)} · HTTP {s.status ?? '—'}
            {s.finalUrl && s.finalUrl !== link.url && ` · → ${s.finalUrl}`}
            {s.error && ` · ${s.error}`}
            <br />
            <code>sha256 {s.sha256 ? s.sha256.slice(0, 16) : '—'}…</code>
            {s.truncated && ` (${pick(lang, m('ตัดเกินขนาด', 'truncated'))})`}{' '}
            {s.storedName && (
              <a href={`/review/rounds/${roundId}/snapshots/${s.id}`}>
                {pick(lang, m('ดูสำเนา (ข้อความ)', 'View the copy (text)'))}
              </a>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}

function EvidenceColumn({ lang, detail }: { lang: Lang; detail: ReviewItemDetail }) {
  return (
    <section class="card">
      <h2>{pick(lang, m('หลักฐานที่ส่ง', 'Submitted evidence'))}</h2>
      {detail.links.length === 0 && <p>{pick(lang, m('ไม่มีลิงก์', 'No links'))}</p>}
      <ul>
        {detail.links.map((link) => (
          <LinkFacts lang={lang} roundId={detail.round.id} link={link} />
        ))}
      </ul>
      {detail.files.length > 0 && <h3>{pick(lang, m('ไฟล์', 'Files'))}</h3>}
      <ul>
        {detail.files.map((f) => (
          <li data-file={f.id}>
            <a href={filePath(detail.round.id, detail.item.code, f.id)}>{f.originalName}</a> (
            {pick(lang, fileLabel(f.contentType, f.size))}) ·{' '}
            <code title="sha256">{f.sha256.slice(0, 16)}…</code>
            {f.addedIn === 'clarification' &&
              ` (${pick(lang, m('เพิ่มตอนชี้แจง', 'added in clarification'))})`}
          </li>
        ))}
      </ul>
      {detail.evidence?.explanation && <p>{detail.evidence.explanation}</p>}
      {detail.clarifications.length > 0 && <h3>{pick(lang, m('คำชี้แจง', 'Clarifications'))}</h3>}
      {detail.clarifications.map((c) => {
        const file = detail.files.find((f) => f.id === c.fileId);
        return (
          <p>
            {formatDate(lang, c.createdAt, true)}: {c.text} {c.newUrl && <code>{c.newUrl}</code>}
            {file && (
              <>
                {' · '}
                <a href={filePath(detail.round.id, detail.item.code, file.id)}>
                  {pick(lang, m('ดาวน์โหลดไฟล์', 'Download'))} {file.originalName}
                </a>{' '}
                ({pick(lang, fileLabel(file.contentType, file.size))})
              </>
            )}
          </p>
        );
      })}
    </section>
  );
}

function ElementsColumn({ lang, detail }: { lang: Lang; detail: ReviewItemDetail }) {
  return (
    <section class="card">
      <h2>{pick(lang, m('องค์ประกอบที่กำหนด', 'Required elements'))}</h2>
      <ul>
        {detail.elements.map((e) => (
          <li>
            {e.done ? '☑' : '☐'} <strong>{e.code}</strong> {pick(lang, e.text)}
            {e.where && <span class="muted"> · {e.where}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DecisionForm({
  page,
  detail,
  errors,
}: {
  page: PageContext;
  detail: ReviewItemDetail;
  errors: FieldErrors;
}) {
  const { lang } = page;
  const { item } = detail;
  return (
    <form
      method="post"
      action={`/review/rounds/${detail.round.id}/items/${encodeURIComponent(item.code)}`}
    >
      <CsrfField token={page.csrfToken} />
      <fieldset>
        <legend>{pick(lang, m('ผลการตรวจ', 'Decision'))}</legend>
        <label>
          <input type="radio" name="outcome" value="pass" /> {pick(lang, m('ผ่าน', 'Pass'))}
        </label>{' '}
        <label>
          <input type="radio" name="outcome" value="fail" /> {pick(lang, m('ไม่ผ่าน', 'Fail'))}
        </label>
        {item.partialCredit && (
          <label>
            <input type="radio" name="outcome" value="partial" />{' '}
            {pick(lang, m('บางส่วน', 'Partial'))}{' '}
            <input name="partialScore" type="number" min="0" max="100" inputMode="numeric" />
          </label>
        )}
      </fieldset>
      <label for="template">{pick(lang, m('เหตุผลสำเร็จรูป', 'Ready reason'))}</label>
      <select id="template" name="template">
        <option value="">{pick(lang, m('— เขียนเอง —', '— write my own —'))}</option>
        {ADVICE_TEMPLATES.map((t) => (
          <option value={t.code}>
            {pick(lang, t.reason).replaceAll(
              '{element}',
              pick(lang, m('(องค์ประกอบที่เลือกด้านล่าง)', '(the element chosen below)')),
            )}
          </option>
        ))}
      </select>
      <label for="element">
        {pick(lang, m('องค์ประกอบที่ขาด (ถ้ามี)', 'Missing element (if any)'))}
      </label>
      <select id="element" name="element">
        <option value="">—</option>
        {item.elements.map((e) => (
          <option value={e.code}>{e.code}</option>
        ))}
      </select>
      <label for="reason">{pick(lang, m('เหตุผล', 'Reason'))}</label>
      {errors.reason && <p class="error">{pick(lang, errors.reason)}</p>}
      <textarea id="reason" name="reason" rows={3} />
      <label for="advice">{pick(lang, m('ข้อเสนอแนะเพื่อการปรับปรุง', 'Advice for improvement'))}</label>
      <textarea id="advice" name="advice" rows={3} />
      <button class="button" type="submit">
        {pick(lang, m('บันทึกผลการตรวจ', 'Save the decision'))}
      </button>
    </form>
  );
}

/** One OIT item side by side: the evidence and its snapshots | required elements | decision. */
export function ReviewItemPage({
  page,
  detail,
  errors,
}: {
  page: PageContext;
  detail: ReviewItemDetail;
  errors: FieldErrors;
}) {
  const { lang } = page;
  const { item, round } = detail;
  const mayDecide =
    detail.role !== null && (round.state === 'oit_review' || round.state === 'clarification');
  const latest = detail.decisions.at(-1) ?? null;
  return (
    <Layout
      page={page}
      title={m(`ข้อ ${item.code}: ${item.name.th}`, `Item ${item.code}: ${item.name.en}`)}
    >
      <ErrorSummary lang={lang} errors={errors} />
      <p>
        <a href={`/review/rounds/${round.id}`}>
          {pick(lang, m('กลับไปรายการข้อ', 'Back to the items'))}
        </a>{' '}
        · <DecisionTag lang={lang} decision={latest} />
      </p>
      <div class="cards">
        <EvidenceColumn lang={lang} detail={detail} />
        <ElementsColumn lang={lang} detail={detail} />
        <section class="card">
          <h2>{pick(lang, m('การตัดสิน', 'Decision'))}</h2>
          {detail.decisions.map((d) => (
            <p>
              {d.stage === 'final'
                ? pick(lang, m('รอบชี้แจง', 'Final'))
                : pick(lang, m('รอบแรก', 'Initial'))}{' '}
              {formatDate(lang, d.decidedAt, true)}: <DecisionTag lang={lang} decision={d} />{' '}
              {d.reason}
              {d.advice && <span class="muted"> · {d.advice}</span>}
            </p>
          ))}
          {mayDecide && <DecisionForm page={page} detail={detail} errors={errors} />}
        </section>
      </div>
    </Layout>
  );
}
