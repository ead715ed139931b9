import type { ApprovalMemo } from '../../services/oit-evidence-output.service.js';
import { m, pick } from '../../../../platform/http/i18n.js';
import type { PageContext } from '../../../../platform/http/views/layout.js';
import { IconLink, StylesheetLink } from '../../../../platform/http/views/layout-head.js';
import { longDate } from '../../../../core/thai-calendar.js';

const DOTS = '..............................';

/**
 * The printable approval memo of the items the head of agency approved, in the layout of a Thai
 * government memo (บันทึกข้อความ): ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน, the body and the
 * signature with name and position. A page of its own, for paper: no menu of the application;
 * a line for the screen only leads back and says how to print. Always in Thai: it is an official
 * document of a Thai agency.
 */
export function OitMemoPage({ page, memo }: { page: PageContext; memo: ApprovalMemo }) {
  const { lang } = page;
  const { round } = memo;
  const date = memo.approvedAt ? longDate('th', memo.approvedAt) : DOTS;
  const head = `หัวหน้าหน่วยงาน${round.agencyNameTh}`;
  const year = round.editionYear;
  const names = memo.approverNames.filter((n) => n.trim() !== '');
  return (
    <html lang="th">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`บันทึกข้อความ ขออนุมัติเผยแพร่ข้อมูล OIT ${round.agencyNameTh} · Prongsai`}</title>
        <StylesheetLink />
        <IconLink />
      </head>
      <body class="print-page print-memo">
        <p class="screen-only print-tools" lang={lang}>
          <a href={`/rounds/${round.id}/oit`}>
            {pick(lang, m('กลับไปหน้ารายการ OIT', 'Back to the OIT items'))}
          </a>{' '}
          ·{' '}
          {pick(
            lang,
            m(
              'พิมพ์หน้านี้ด้วยเมนูพิมพ์ของเบราว์เซอร์ (Ctrl+P) บนกระดาษ A4 หรือบันทึกเป็น PDF',
              "Print this page with the browser's Print menu (Ctrl+P) on A4 paper, or save it as a PDF (the memo is in Thai)",
            ),
          )}
        </p>
        <main class="memo">
          <h1 class="memo-title">บันทึกข้อความ</h1>
          {/* one description list per line: a dl may not hold the pair's nested blocks */}
          <div class="memo-head">
            <dl class="memo-line">
              <dt>ส่วนราชการ</dt>
              <dd>{round.agencyNameTh}</dd>
            </dl>
            <div class="memo-line memo-pair">
              <dl class="memo-line">
                <dt>ที่</dt>
                <dd>{DOTS}</dd>
              </dl>
              <dl class="memo-line">
                <dt>วันที่</dt>
                <dd data-memo-date>{date}</dd>
              </dl>
            </div>
            <dl class="memo-line">
              <dt>เรื่อง</dt>
              <dd>
                ขออนุมัติเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน ตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)
                ประจำปีงบประมาณ พ.ศ. {year}
              </dd>
            </dl>
          </div>
          <p class="memo-to">
            <strong>เรียน</strong> {head}
          </p>
          <p class="memo-body">
            ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติกำหนดให้หน่วยงานภาครัฐเปิดเผยข้อมูลต่อสาธารณะตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ
            (OIT) ประจำปีงบประมาณ พ.ศ. {year} นั้น
            {memo.items.length === 0
              ? ' ขณะนี้ยังไม่มีข้อที่ได้รับอนุมัติ'
              : ` ผู้รับผิดชอบได้จัดเตรียมข้อมูลแล้ว จำนวน ${memo.items.length} ข้อ ดังนี้`}
          </p>
          {memo.items.length > 0 && (
            <ol class="memo-items">
              {memo.items.map((item) => (
                <li data-oit-item={item.code}>
                  {item.code} {item.name.th}
                  {item.urls.length > 0 && (
                    <ul class="memo-urls">
                      {item.urls.map((url) => (
                        <li>{url}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
          <p class="memo-body">จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติให้เผยแพร่ข้อมูลดังกล่าว</p>
          <div class="memo-signature">
            <p class="memo-approve">{memo.items.length > 0 ? 'อนุมัติ' : ''}</p>
            <p class="memo-sign-line">ลงชื่อ {DOTS}</p>
            <p data-memo-signer>({names.length > 0 ? names.join(', ') : DOTS})</p>
            <p>ตำแหน่ง {head}</p>
            <p>วันที่ {date}</p>
          </div>
        </main>
      </body>
    </html>
  );
}
