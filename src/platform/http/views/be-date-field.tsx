import type { Message } from '../../../core/errors.js';
import { BE_DAY_EXAMPLE, BE_DAY_PATTERN, beDay } from '../../../core/thai-calendar.js';
import type { Lang } from '../i18n.js';
import { Field, type FieldErrors } from './form.js';

/** The hint every typed day shows: the format, in the Buddhist era, with an example. */
export const BE_DATE_HINT: Message = {
  th: `วัน/เดือน/ปี พ.ศ. เช่น ${BE_DAY_EXAMPLE}`,
  en: `Day/month/Buddhist-era year, e.g. ${BE_DAY_EXAMPLE} (30 June 2026)`,
};

/**
 * The one field where a person types a day: text as "30/06/2569" (Buddhist era), a numeric
 * keyboard on a phone, a pattern and a Thai hint. A stored day (YYYY-MM-DD) is shown back the
 * same way; what the person typed is shown back as typed. The form's schema reads it with
 * `BeDate` (typed-routes.ts).
 */
export function BeDateField(props: {
  lang: Lang;
  name: string;
  label: Message;
  /** Said before the format, e.g. the day's meaning ("the last day answers are taken"). */
  hint?: Message;
  value?: string | null | undefined;
  errors: FieldErrors;
  required?: boolean;
}) {
  const { hint } = props;
  const fullHint = hint
    ? { th: `${hint.th} (${BE_DATE_HINT.th})`, en: `${hint.en} (${BE_DATE_HINT.en})` }
    : BE_DATE_HINT;
  return (
    <Field
      lang={props.lang}
      name={props.name}
      label={props.label}
      hint={fullHint}
      value={props.value ? beDay(props.value) : ''}
      errors={props.errors}
      inputMode="numeric"
      pattern={BE_DAY_PATTERN}
      autocomplete="off"
      {...(props.required ? { required: true } : {})}
    />
  );
}
