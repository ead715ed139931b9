import type { ApprovalMemo } from '../../services/oit-evidence-output.service.js';
import { formatDate, m, pick } from '../../../../platform/http/i18n.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';

/** The printable approval memo (บันทึกข้อความ) of the items the head of agency approved. */
export function OitMemoPage({ page, memo }: { page: PageContext; memo: ApprovalMemo }) {
  const { round } = memo;
  const date = memo.approvedAt ? formatDate('th', memo.approvedAt) : '-';
  return (
    <Layout page={page} title={m('บันทึกข้อความ', 'Memo (บันทึกข้อความ)')}>
      <article class="print-page memo" lang="th">
        <p>
          <strong>ส่วนราชการ</strong> {round.agencyNameTh}
        </p>
        <p>
          <strong>ที่</strong> ........................ <strong>วันที่</strong> {date}
        </p>
        <p>
          <strong>เรื่อง</strong> ขออนุมัติเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน
          ตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. {round.editionYear}
        </p>
        {memo.items.length === 0 ? (
          <p>{pick(page.lang, m('ยังไม่มีข้อที่อนุมัติ', 'No item has been approved yet'))}</p>
        ) : (
          <ol>
            {memo.items.map((item) => (
              <li data-oit-item={item.code}>
                {item.code} {item.name.th}
                {item.urls.length > 0 && (
                  <ul>
                    {item.urls.map((url) => (
                      <li>{url}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
        <p>อนุมัติ</p>
        <p class="memo-signature">
          ({memo.approverNames.join(', ') || '........................'})
          <br />
          หัวหน้าหน่วยงาน {round.agencyNameTh}
          <br />
          {date}
        </p>
      </article>
    </Layout>
  );
}
