import type { ClarificationView } from '../../services/oit-review-clarify.service.js';
import { formatDate, m, pick } from '../i18n.js';
import { CsrfField, ErrorSummary, type FieldErrors } from './form.js';
import { Layout, type PageContext } from './layout.js';
import { RoundStateTag } from './round-list.js';

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
      {view.items.length === 0 && (
        <p>{pick(lang, m('ไม่มีข้อที่ต้องชี้แจง', 'No items need an answer'))}</p>
      )}
      {view.items.map(({ item, decision, answers }) => (
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
          {answers.map((a) => (
            <p class="muted">
              {formatDate(lang, a.createdAt, true)}: {a.text} {a.newUrl && <code>{a.newUrl}</code>}
            </p>
          ))}
          {view.mayAnswer && decision.score < 100 && (
            <form method="post" action={`/rounds/${round.id}/oit/clarify`}>
              <CsrfField token={page.csrfToken} />
              <input type="hidden" name="itemCode" value={item.code} />
              <label for={`text-${item.code}`}>{pick(lang, m('คำชี้แจง', 'Your answer'))}</label>
              <textarea id={`text-${item.code}`} name="text" rows={4} required />
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
