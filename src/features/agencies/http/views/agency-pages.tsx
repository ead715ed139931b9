import type { Message } from '../../../../core/errors.js';
import type { Agency, AgencyNode } from '../../services/agency.service.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { AgencyFields, agencyName, agencyTypeName, type AgencyFormValues } from './agency-form.js';

const numbers = { th: new Intl.NumberFormat('th-TH'), en: new Intl.NumberFormat('en-GB') };

function staffText(lang: Lang, agency: Agency): string {
  if (agency.eligibleStaff === null) return pick(lang, m('ยังไม่ระบุบุคลากร', 'staff not set'));
  const count = numbers[lang].format(agency.eligibleStaff);
  return lang === 'th' ? `บุคลากร ${count} คน` : `${count} staff`;
}

function TreeItem({ lang, node }: { lang: Lang; node: AgencyNode }) {
  const { agency } = node;
  return (
    <li>
      <a href={`/agencies/${agency.id}`}>{agencyName(lang, agency)}</a>{' '}
      <span class="tag">{agency.code}</span>{' '}
      <span class="muted">
        {agencyTypeName(lang, agency.type)} · {staffText(lang, agency)}
      </span>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <TreeItem lang={lang} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The tree of agencies the person may see, with links to add and import. */
export function AgencyListPage(props: {
  page: PageContext;
  tree: AgencyNode[];
  canCreateRoot: boolean;
  notice: Message | null;
}) {
  const { page, tree } = props;
  const { lang } = page;
  return (
    <Layout page={page} title={m('หน่วยงาน', 'Agencies')} notice={props.notice}>
      {props.canCreateRoot && (
        <p>
          <a class="button" href="/agencies/new">
            {pick(lang, m('เพิ่มหน่วยงานระดับบนสุด', 'Add a top-level agency'))}
          </a>{' '}
          <a class="button secondary" href="/agencies/import">
            {pick(lang, m('นำเข้าจากไฟล์ CSV', 'Import from CSV'))}
          </a>
        </p>
      )}
      {tree.length === 0 ? (
        <p class="muted">
          {pick(lang, m('ยังไม่มีหน่วยงานที่คุณดูได้', 'There is no agency you can see yet'))}
        </p>
      ) : (
        <ul class="tree">
          {tree.map((node) => (
            <TreeItem lang={lang} node={node} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** The form for a new agency below `parent` (top level when null). */
export function AgencyNewPage(props: {
  page: PageContext;
  parent: Agency | null;
  values: AgencyFormValues;
  errors: FieldErrors;
}) {
  const { page, parent, errors } = props;
  const { lang } = page;
  const action = parent ? `/agencies/new?parent=${encodeURIComponent(parent.id)}` : '/agencies/new';
  return (
    <Layout page={page} title={m('เพิ่มหน่วยงาน', 'Add an agency')}>
      <p>
        {parent
          ? `${pick(lang, m('ภายใต้', 'Below'))} ${agencyName(lang, parent)} (${parent.code})`
          : pick(lang, m('หน่วยงานระดับบนสุด', 'A top-level agency'))}
      </p>
      <ErrorSummary lang={lang} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={page.csrfToken} />
        <AgencyFields lang={lang} values={props.values} errors={errors} />
        <button type="submit">{pick(lang, m('บันทึกหน่วยงาน', 'Save the agency'))}</button>
      </form>
    </Layout>
  );
}

function UnitsTable({ lang, units }: { lang: Lang; units: Agency[] }) {
  if (units.length === 0)
    return <p class="muted">{pick(lang, m('ยังไม่มีหน่วยงานย่อย', 'No units below yet'))}</p>;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th>{pick(lang, m('ชื่อ', 'Name'))}</th>
            <th>{pick(lang, m('รหัส', 'Code'))}</th>
            <th>{pick(lang, m('ประเภท', 'Type'))}</th>
            <th class="num">{pick(lang, m('บุคลากร', 'Staff'))}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((child) => (
            <tr>
              <td>
                <a href={`/agencies/${child.id}`}>{agencyName(lang, child)}</a>
              </td>
              <td>{child.code}</td>
              <td>{agencyTypeName(lang, child.type)}</td>
              <td class="num">
                {child.eligibleStaff === null ? '–' : numbers[lang].format(child.eligibleStaff)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Details({ lang, agency, parent }: { lang: Lang; agency: Agency; parent: Agency | null }) {
  return (
    <dl>
      <dt>{pick(lang, m('รหัส', 'Code'))}</dt>
      <dd>{agency.code}</dd>
      <dt>{pick(lang, m('ประเภท', 'Type'))}</dt>
      <dd>{agencyTypeName(lang, agency.type)}</dd>
      <dt>{pick(lang, m('ชื่อภาษาอังกฤษ', 'English name'))}</dt>
      <dd>{agency.nameEn}</dd>
      <dt>{pick(lang, m('หน่วยงานแม่', 'Parent'))}</dt>
      <dd>
        {parent ? (
          <a href={`/agencies/${parent.id}`}>{agencyName(lang, parent)}</a>
        ) : (
          pick(lang, m('— (ระดับบนสุดที่คุณดูได้)', '— (top level you can see)'))
        )}
      </dd>
      <dt>{pick(lang, m('เว็บไซต์', 'Website'))}</dt>
      <dd>
        {agency.website ? (
          <a href={agency.website} rel="noopener noreferrer">
            {agency.website}
          </a>
        ) : (
          '–'
        )}
      </dd>
      <dt>{pick(lang, m('บุคลากรที่ตอบแบบ IIT ได้', 'Staff eligible for the IIT'))}</dt>
      <dd>{staffText(lang, agency)}</dd>
    </dl>
  );
}

/** One agency: its details, the edit form when allowed, and its direct sub-units. */
export function AgencyDetailPage(props: {
  page: PageContext;
  agency: Agency;
  parent: Agency | null;
  units: Agency[];
  can: { edit: boolean; createChild: boolean };
  values: AgencyFormValues;
  errors: FieldErrors;
  notice: Message | null;
}) {
  const { page, agency, can, errors } = props;
  const { lang } = page;
  const title = { th: agency.nameTh, en: agency.nameEn };
  return (
    <Layout page={page} title={title} notice={props.notice}>
      <ErrorSummary lang={lang} errors={errors} />
      <Details lang={lang} agency={agency} parent={props.parent} />
      <p>
        <a href={`/agencies/${agency.id}/history`}>
          {pick(lang, m('ผลการประเมินรายปี', 'Results year by year'))}
        </a>
        {' · '}
        <a href={`/agencies/${agency.id}/no-gift`}>
          {pick(lang, m('นโยบายไม่รับของขวัญ (No Gift Policy)', 'No Gift Policy'))}
        </a>
        {' · '}
        <a href={`/agencies/${agency.id}/gifts`}>
          {pick(lang, m('ทะเบียนการรับทรัพย์สิน', 'Gift register'))}
        </a>
        {' · '}
        <a href={`/agencies/${agency.id}/manuals`}>
          {pick(lang, m('คู่มือการปฏิบัติงานและการให้บริการ', 'Work and service manuals'))}
        </a>
        {' · '}
        <a href={`/agencies/${agency.id}/assets`}>
          {pick(lang, m('ทะเบียนและการยืมทรัพย์สินของราชการ', 'Government assets and loans'))}
        </a>
        {' · '}
        <a href={`/agencies/${agency.id}/activities`}>
          {pick(lang, m('รายงานกิจกรรมการจัดการความรู้ (KM)', 'Activity (KM) reports'))}
        </a>
        {' · '}
        <a href={`/agencies/${agency.id}/published`}>
          {pick(lang, m('ข้อมูลที่เผยแพร่และความเป็นปัจจุบัน', 'Published pages and currency'))}
        </a>
        {props.units.length > 0 && (
          <>
            {' · '}
            <a href={`/agencies/${agency.id}/rollup`}>
              {pick(lang, m('ภาพรวมหน่วยงานในสังกัด', 'Overview of the units below'))}
            </a>
          </>
        )}
      </p>
      <h2>{pick(lang, m('หน่วยงานย่อย', 'Units below'))}</h2>
      <UnitsTable lang={lang} units={props.units} />
      {can.createChild && (
        <p>
          <a class="button" href={`/agencies/new?parent=${agency.id}`}>
            {pick(lang, m('เพิ่มหน่วยงานย่อยภายใต้หน่วยงานนี้', 'Add a unit below'))}
          </a>{' '}
          <a class="button secondary" href={`/agencies/import?parent=${agency.id}`}>
            {pick(lang, m('นำเข้าหน่วยงานย่อยจาก CSV', 'Import units from CSV'))}
          </a>
        </p>
      )}
      {can.edit && (
        <>
          <h2>{pick(lang, m('แก้ไขข้อมูลหน่วยงาน', 'Edit the agency'))}</h2>
          <form method="post" action={`/agencies/${agency.id}`} novalidate>
            <CsrfField token={page.csrfToken} />
            <AgencyFields lang={lang} values={props.values} errors={errors} />
            <button type="submit">{pick(lang, m('บันทึกการแก้ไข', 'Save the changes'))}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
