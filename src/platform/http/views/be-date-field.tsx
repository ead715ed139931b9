import type { Message } from '../../../core/errors.js';
import { BE_DAY_EXAMPLE, BE_DAY_PATTERN, beDay } from '../../../core/thai-calendar.js';
import { pick, type Lang } from '../i18n.js';
import type { FieldErrors } from './form.js';

/** The hint every typed day shows: the format, in the Buddhist era, with an example. */
export const BE_DATE_HINT: Message = {
  th: `วัน/เดือน/ปี พ.ศ. เช่น ${BE_DAY_EXAMPLE}`,
  en: `Day/month/Buddhist-era year, e.g. ${BE_DAY_EXAMPLE} (30 June 2026)`,
};

/**
 * The one field where a person types a day: text as "30/06/2569" (Buddhist era), a numeric
 * keyboard on a phone, a pattern and a Thai hint, in the frame of the other fields (label,
 * hint, error, the ids that link them). A stored day (YYYY-MM-DD) is shown back the same way;
 * what the person typed is shown back as typed. The form's schema reads it with `BeDate`
 * (typed-routes.ts) and the service checks it (`dayField`, `assertPlausibleDays`).
 */
export function BeDateField(props: {
  lang: Lang;
  name: string;
  /** The element id and the key of its error, when several forms of a page share a name. */
  id?: string;
  label: Message;
  /** Said before the format, e.g. what the day means. */
  hint?: Message;
  value?: string | number | null | undefined;
  errors: FieldErrors;
  required?: boolean;
}) {
  const { lang, name, hint } = props;
  const id = props.id ?? name;
  const error = props.errors[id];
  const hintText = hint
    ? `${pick(lang, hint)} (${pick(lang, BE_DATE_HINT)})`
    : pick(lang, BE_DATE_HINT);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{pick(lang, props.label)}</label>
      <p class="hint" id={`${id}-hint`}>
        {hintText}
      </p>
      {error && (
        <p class="error" id={`${id}-error`}>
          {pick(lang, error)}
        </p>
      )}
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        pattern={BE_DAY_PATTERN}
        autocomplete="off"
        size={12}
        value={props.value ? beDay(String(props.value)) : ''}
        required={props.required}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        {...(error ? { 'aria-invalid': 'true' as const } : {})}
      />
    </div>
  );
}
