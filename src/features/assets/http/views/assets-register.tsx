import { ASSET_STATUSES, ASSET_STATUS_NAMES } from '../../core/loan-rules.js';
import type { AssetRegister } from '../../services/asset.service.js';
import { m, pick } from '../../../../platform/http/i18n.js';
import { AssetsNav, AssetStatusTag, dayLabel } from './assets-common.js';
import {
  CsrfField,
  ErrorSummary,
  Field,
  SelectField,
  type FieldErrors,
} from '../../../../platform/http/views/form.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { BeDateField } from '../../../../platform/http/views/be-date-field.js';

function FilterForm({ page, register }: { page: PageContext; register: AssetRegister }) {
  const { lang } = page;
  const { filter } = register;
  return (
    <form method="get" action={`/agencies/${register.agency.id}/assets`} role="search">
      <Field
        lang={lang}
        name="q"
        label={m('ค้นหาเลขครุภัณฑ์ ชื่อ หรือที่ตั้ง', 'Search number, name or location')}
        value={filter.q ?? ''}
        errors={{}}
      />
      <SelectField
        lang={lang}
        name="kind"
        label={m('ประเภท', 'Category')}
        options={register.categories.map((c) => ({ value: c, label: c }))}
        placeholder={m('ทุกประเภท', 'All categories')}
        value={filter.category ?? ''}
        errors={{}}
      />
      <SelectField
        lang={lang}
        name="status"
        label={m('สถานะ', 'Status')}
        options={ASSET_STATUSES.map((s) => ({
          value: s,
          label: pick(lang, ASSET_STATUS_NAMES[s]),
        }))}
        placeholder={m('ทุกสถานะ', 'Any status')}
        value={filter.status ?? ''}
        errors={{}}
      />
      <button type="submit">{pick(lang, m('ค้นหา', 'Search'))}</button>
    </form>
  );
}

function AssetTable({ page, register }: { page: PageContext; register: AssetRegister }) {
  const { lang } = page;
  if (register.assets.length === 0)
    return <p>{pick(lang, m('ไม่พบทรัพย์สินในทะเบียน', 'No assets found'))}</p>;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th>{pick(lang, m('เลขครุภัณฑ์', 'Asset number'))}</th>
            <th>{pick(lang, m('ชื่อ', 'Name'))}</th>
            <th>{pick(lang, m('ประเภท', 'Category'))}</th>
            <th>{pick(lang, m('ที่ตั้ง', 'Location'))}</th>
            <th>{pick(lang, m('ผู้ดูแล', 'Custodian'))}</th>
            <th>{pick(lang, m('วันที่ได้มา', 'Acquired'))}</th>
            <th>{pick(lang, m('สถานะ', 'Status'))}</th>
          </tr>
        </thead>
        <tbody>
          {register.assets.map((a) => (
            <tr>
              <td>
                <a href={`/agencies/${register.agency.id}/assets/${a.id}`}>{a.assetNumber}</a>
              </td>
              <td>{a.name}</td>
              <td>{a.category}</td>
              <td>{a.location || '—'}</td>
              <td>{a.custodianUnit || '—'}</td>
              <td>{dayLabel(lang, a.acquiredOn)}</td>
              <td>
                <AssetStatusTag lang={lang} status={a.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Values the add-asset form shows again after a refusal. */
export type AssetFormValues = Partial<Record<string, string>>;

function AddAssetForm(props: {
  page: PageContext;
  agencyId: string;
  values: AssetFormValues;
  errors: FieldErrors;
}) {
  const { page, values, errors } = props;
  const { lang } = page;
  return (
    <form method="post" action={`/agencies/${props.agencyId}/assets`} novalidate>
      <CsrfField token={page.csrfToken} />
      <Field
        lang={lang}
        name="assetNumber"
        label={m('เลขครุภัณฑ์', 'Asset number')}
        value={values.assetNumber}
        errors={errors}
        required
      />
      <Field
        lang={lang}
        name="name"
        label={m('ชื่อทรัพย์สิน', 'Name')}
        value={values.name}
        errors={errors}
        required
      />
      <Field
        lang={lang}
        name="category"
        label={m('ประเภท', 'Category')}
        hint={m('เช่น ครุภัณฑ์สำนักงาน', 'e.g. office equipment')}
        value={values.category}
        errors={errors}
        required
      />
      <Field
        lang={lang}
        name="location"
        label={m('ที่ตั้ง', 'Location')}
        value={values.location}
        errors={errors}
      />
      <Field
        lang={lang}
        name="custodianUnit"
        label={m('หน่วยที่ดูแล', 'Custodian unit')}
        value={values.custodianUnit}
        errors={errors}
      />
      <BeDateField
        lang={lang}
        name="acquiredOn"
        label={m('วันที่ได้มา (ถ้ามี)', 'Acquired on (optional)')}
        value={values.acquiredOn}
        errors={errors}
      />
      <button type="submit">{pick(lang, m('เพิ่มทรัพย์สิน', 'Add the asset'))}</button>
    </form>
  );
}

/** The asset register of an agency: search, the list, and (for its managers) add and import. */
export function AssetRegisterPage(props: {
  page: PageContext;
  register: AssetRegister;
  values: AssetFormValues;
  errors: FieldErrors;
}) {
  const { page, register, errors } = props;
  const { lang } = page;
  const { agency } = register;
  return (
    <Layout
      page={page}
      title={m(
        `ทะเบียนทรัพย์สินของราชการ · ${agency.nameTh}`,
        `Government asset register · ${agency.nameEn || agency.nameTh}`,
      )}
    >
      <AssetsNav lang={lang} agencyId={agency.id} />
      <ErrorSummary lang={lang} errors={errors} />
      <FilterForm page={page} register={register} />
      <AssetTable page={page} register={register} />
      {register.mayRequest && (
        <p class="hint">
          {pick(
            lang,
            m(
              'เลือกเลขครุภัณฑ์เพื่อดูประวัติและยื่นคำขอยืม',
              'Choose an asset number to see its history and ask to borrow it',
            ),
          )}
        </p>
      )}
      {register.mayManage && (
        <>
          <h2>{pick(lang, m('นำเข้าทะเบียนจากไฟล์', 'Import the register from a file'))}</h2>
          <p>
            <a class="button secondary" href={`/agencies/${agency.id}/assets/import`}>
              {pick(lang, m('นำเข้าจาก CSV หรือ XLSX', 'Import from CSV or XLSX'))}
            </a>
          </p>
          <h2>{pick(lang, m('เพิ่มทรัพย์สิน', 'Add an asset'))}</h2>
          <AddAssetForm page={page} agencyId={agency.id} values={props.values} errors={errors} />
        </>
      )}
    </Layout>
  );
}
