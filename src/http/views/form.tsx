import type { Message } from '../../core/errors.js';
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
}

/** A labelled input with its hint and error message. */
export function Field({
  lang,
  name,
  label,
  hint,
  value,
  type = 'text',
  errors,
  required,
  autocomplete,
  inputMode,
}: FieldProps) {
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
      <input
        id={name}
        name={name}
        type={type as never}
        value={value ?? ''}
        required={required}
        autocomplete={autocomplete}
        inputMode={inputMode as never}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
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
