import { CHANNEL_NAMES, CHANNELS, type Channel } from '../../core/communication.js';
import { declarationTitle } from '../../core/declaration-template.js';
import { giftYearReport } from '../../reports/integrity-reports.js';
import type { PublicGiftReport, PublicNoGift } from '../../services/integrity-public.service.js';
import { formatDate, m, pick } from '../../../../platform/http/i18n.js';
import { dayLabel, DeclarationText, ReportPreview, ShareBar } from './integrity-shared.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';
import { PublicLayout } from '../../../../platform/http/views/layout-public.js';

/** The public No Gift page: the declaration, its PDF, the share who acknowledged, the log. */
export function PublicNoGiftPage({ page, data }: { page: PageContext; data: PublicNoGift }) {
  const { lang } = page;
  const { agency, declaration: d } = data;
  const base = `/public/${encodeURIComponent(agency.code)}/${d.fiscalYear}`;
  return (
    <PublicLayout
      lang={lang}
      path={page.path}
      agency={agency}
      title={m(
        `No Gift Policy ${agency.nameTh} ${d.fiscalYear}`,
        `No Gift Policy ${agency.nameEn || agency.nameTh} ${d.fiscalYear}`,
      )}
    >
      <article class="declaration">
        <h2>{declarationTitle(agency.nameTh, d.fiscalYear)}</h2>
        <DeclarationText body={d.body} />
        <p class="signature">
          {d.headName}
          <br />
          {d.headPosition}
        </p>
        <p>
          <a href={`${base}/no-gift.pdf`}>{pick(lang, m('ดาวน์โหลด PDF', 'Download the PDF'))}</a>
          {d.publishedAt &&
            ` · ${pick(lang, m('เผยแพร่เมื่อ', 'Published'))} ${formatDate(lang, d.publishedAt)}`}
        </p>
      </article>
      <section>
        <h2>{pick(lang, m('การรับทราบของบุคลากร', 'Staff acknowledgement'))}</h2>
        <ShareBar lang={lang} share={data.share} />
      </section>
      <section id="communication">
        <h2>{pick(lang, m('การสื่อสารนโยบาย', 'How the policy was communicated'))}</h2>
        {data.communications.length === 0 ? (
          <p>{pick(lang, m('ยังไม่มีบันทึก', 'Nothing logged yet'))}</p>
        ) : (
          <ul>
            {data.communications.map((c) => (
              <li>
                {dayLabel(lang, c.communicatedOn)} ·{' '}
                {CHANNELS.includes(c.channel as Channel)
                  ? pick(lang, CHANNEL_NAMES[c.channel as Channel])
                  : c.channel}{' '}
                · {c.audience}
                {c.reachedCount !== null &&
                  ` · ${c.reachedCount.toLocaleString('en-US')} ${pick(lang, m('คน', 'people'))}`}
                {c.description && ` — ${c.description}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </PublicLayout>
  );
}

/** The public yearly gift report: counts and values, no names. */
export function PublicGiftsPage({ page, data }: { page: PageContext; data: PublicGiftReport }) {
  const { lang } = page;
  const doc = giftYearReport(lang, {
    agencyName: data.agency.nameTh,
    report: data.report,
    threshold: data.threshold,
    issuedOn: data.updatedAt.slice(0, 10),
  });
  const base = `/public/${encodeURIComponent(data.agency.code)}/${data.report.fiscalYear}`;
  return (
    <PublicLayout lang={lang} path={page.path} agency={data.agency} title={doc.title}>
      <p>
        {data.agency.nameTh} ·{' '}
        <a href={`${base}/gifts.pdf`}>{pick(lang, m('ดาวน์โหลด PDF', 'Download the PDF'))}</a> ·{' '}
        {pick(lang, m('ปรับปรุงล่าสุด', 'Last updated'))} {formatDate(lang, data.updatedAt)}
      </p>
      <ReportPreview blocks={doc.blocks} topLevel />
    </PublicLayout>
  );
}
