import { ALLOWED_EXTENSIONS } from '../../../../platform/infra/file-store.js';
import type { ClarificationView } from '../../services/oit-review-clarify.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { RoundStateTag } from '../../../rounds/feature.js';

/** A refusal shown next to the field of one item (the summary at the top links to it). */
function ItemError({ lang, errors, name }: { lang: Lang; errors: FieldErrors; name: string }) {
  const error = errors[name];
  return error ? (
    <p class="error" id={`${name}-error`}>
      {pick(lang, error)}
    </p>
  ) : null;
}

/** The agency's clarification page: each failed item with the reason, advice and an answer form. */
export function ClarifyPage({
  page,
  view,
  errors,
  notice,
}: {
  page: PageContext;
  view: ClarificationView;
  errors: FieldErrors;
  notice: boolean;
}) {
  const { lang } = page;
  const { round } = view;
  const title = m(`ชี้แจงผลการตรวจ OIT ${round.agencyCode}`, `OIT clarification ${round.agencyCode}`);
  return (
    <Layout
      page={page}
      title={title}
      notice={notice ? m('บันทึกคำชี้แจงแล้ว', 'The answer was saved') : null}
    >
      <ErrorSummary lang={lang} errors={errors} />
      <p>
        {round.agencyNameTh} · <RoundStateTag lang={lang} state={round.state} />
      </p>
      {view.underReview && (
        <p data-review-stage="under_review">
          {pick(
            lang,
            m(
              'ผู้ประเมินกำลังตรวจหลักฐาน OIT ข้อที่ต้องชี้แจงพร้อมเหตุผลและข้อเสนอแนะจะแสดงที่นี่เมื่อถึงช่วงชี้แจงเพิ่มเติม',
              'The assessors are reviewing the OIT evidence; items to clarify, with reasons and advice, appear here from the clarification stage',
            ),
          )}
        </p>
      )}
      {view.items.length === 0 && !view.underReview && (
        <p>{pick(lang, m('ไม่มีข้อที่ต้องชี้แจง', 'No items need an answer'))}</p>
      )}
      {view.items.map(({ item, decision, answers, files }) => (
        <section class="card" id={`item-${item.code}`}>
          <h2>
            {item.code} {pick(lang, item.name)}
          </h2>
          <p>
            <strong>{pick(lang, m('เหตุผล', 'Reason'))}:</strong> {decision.reason || '—'}
          </p>
          <p>
            <strong>{pick(lang, m('ข้อเสนอแนะ', 'Advice'))}:</strong> {decision.advice || '—'}
          </p>
          {answers.map((a) => {
            const file = files.find((f) => f.id === a.fileId);
            return (
              <p class="muted">
                {formatDate(lang, a.createdAt, true)}: {a.text}{' '}
                {a.newUrl && <code>{a.newUrl}</code>}
                {file && ` · ${pick(lang, m('ไฟล์', 'File'))}: ${file.originalName}`}
              </p>
            );
          })}
          {view.mayAnswer && decision.score < 100 && (
            <form
              method="post"
              action={`/rounds/${round.id}/oit/clarify`}
              enctype="multipart/form-data"
            >
              <CsrfField token={page.csrfToken} />
              <input type="hidden" name="itemCode" value={item.code} />
              <label for={`text-${item.code}`}>{pick(lang, m('คำชี้แจง', 'Your answer'))}</label>
              <ItemError lang={lang} errors={errors} name={`text-${item.code}`} />
              <textarea id={`text-${item.code}`} name="text" rows={4} required />
              <label for={`file-${item.code}`}>
                {pick(lang, m('ไฟล์ใหม่ (ถ้ามี)', 'New file (optional)'))}
              </label>
              <p class="hint">{ALLOWED_EXTENSIONS.join(', ')}</p>
              <ItemError lang={lang} errors={errors} name={`file-${item.code}`} />
              <input
                id={`file-${item.code}`}
                name="file"
                type="file"
                accept={ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',')}
              />
              {view.allowNewLinks && (
                <>
                  <label for={`url-${item.code}`}>
                    {pick(lang, m('ลิงก์ใหม่ (ถ้ามี)', 'New link (optional)'))}
                  </label>
                  <input id={`url-${item.code}`} name="newUrl" type="url" />
                </>
              )}
              <button class="button" type="submit">
                {pick(lang, m('ส่งคำชี้แจง', 'Send the answer'))}
              </button>
            </form>
          )}
        </section>
      ))}
    </Layout>
  );
}
