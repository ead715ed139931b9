import type { ComponentChildren } from 'preact';
import type { Message } from '../../../core/errors.js';
import { pick, type Lang } from '../i18n.js';

/** Field errors of a form, by field name. */
export type FieldErrors = Record<string, Message>;

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The list of problems at the top of a form, each linking to its field (GOV.UK pattern). */
export function ErrorSummary({ lang, errors }: { lang: Lang; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{lang === 'th' ? 'กรุณาแก้ไขข้อมูลต่อไปนี้' : 'Please correct the following'}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${field}`}>{pick(lang, message)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  lang: Lang;
  name: string;
  label: Message;
  hint?: Message;
  value?: string | number | null;
  type?: string;
  errors: FieldErrors;
  required?: boolean;
  autocomplete?: string;
  inputMode?: string;
  /** The browser's check of the typed text (the server checks it again). */
  pattern?: string;
}

/** The frame every form control shares: label, hint, error and the ids that link them. */
function FieldFrame(props: {
  lang: Lang;
  name: string;
  /** The control's id when two forms of a page share a field name (else the name). */
  id?: string | undefined;
  label: Message;
  hint?: Message | undefined;
  error?: Message | undefined;
  control: (aria: { 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => ComponentChildren;
}) {
  const { lang, hint, error } = props;
  const name = props.id ?? props.name;
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{pick(lang, props.label)}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {pick(lang, hint)}
        </p>
      )}
      {error && (
        <p class="error" id={`${name}-error`}>
          {pick(lang, error)}
        </p>
      )}
      {props.control({
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
    </div>
  );
}

/** A labelled input with its hint and error message. */
export function Field(props: FieldProps) {
  const { name, value, type = 'text', required, autocomplete, inputMode, pattern } = props;
  return (
    <FieldFrame
      {...props}
      error={props.errors[name]}
      control={(aria) => (
        <input
          id={name}
          name={name}
          type={type as never}
          value={value ?? ''}
          required={required}
          autocomplete={autocomplete}
          inputMode={inputMode as never}
          pattern={pattern}
          {...aria}
        />
      )}
    />
  );
}

/** A labelled textarea in the same frame as the other fields. */
export function TextAreaField(props: {
  lang: Lang;
  name: string;
  label: Message;
  hint?: Message;
  value?: string | undefined;
  errors: FieldErrors;
  rows?: number;
  required?: boolean;
}) {
  const { name } = props;
  return (
    <FieldFrame
      {...props}
      error={props.errors[name]}
      control={(aria) => (
        <textarea id={name} name={name} rows={props.rows ?? 3} required={props.required} {...aria}>
          {props.value ?? ''}
        </textarea>
      )}
    />
  );
}

/** One choice of a select field. */
export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  lang: Lang;
  name: string;
  label: Message;
  options: readonly SelectOption[];
  errors: FieldErrors;
  value?: string | undefined;
  hint?: Message;
  /** The first, empty choice ("choose …"). */
  placeholder?: Message;
  /** The select's id when another form of the page has a field of the same name. */
  id?: string;
}

/** A labelled select with its hint and error message. */
export function SelectField(props: SelectFieldProps) {
  const { lang, name, options, value, placeholder } = props;
  return (
    <FieldFrame
      {...props}
      error={props.errors[name]}
      control={(aria) => (
        <select id={props.id ?? name} name={name} {...aria}>
          {placeholder && <option value="">{pick(lang, placeholder)}</option>}
          {options.map((o) => (
            <option value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Agencies as select choices, indented by depth so the tree shows. */
export function agencyOptions(
  lang: Lang,
  agencies: readonly { id: string; path: string; code: string; nameTh: string; nameEn: string }[],
): SelectOption[] {
  return agencies.map((a) => {
    const depth = Math.max(0, a.path.split('/').length - 3);
    const name = lang === 'th' ? a.nameTh : a.nameEn || a.nameTh;
    return { value: a.id, label: `${'— '.repeat(depth)}${a.code} ${name}` };
  });
}

/** Turns zod issues into field errors (first message per field). */
export function toFieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    const [th, en] = issue.message.includes(' / ')
      ? issue.message.split(' / ')
      : [issue.message, issue.message];
    errors[field] = { th: th as string, en: en as string };
  }
  return errors;
}
