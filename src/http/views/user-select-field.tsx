import type { Message } from '../../core/errors.js';
import { pick, type Lang } from '../i18n.js';
import type { FieldErrors } from './form.js';

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
}

/** A labelled select with its hint and error message (the same pattern as Field). */
export function SelectField(props: SelectFieldProps) {
  const { lang, name, label, options, errors, value, hint, placeholder } = props;
  const error = errors[name];
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{pick(lang, label)}</label>
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
      <select
        id={name}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {placeholder && <option value="">{pick(lang, placeholder)}</option>}
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
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
