import type { ComponentChildren } from 'preact';
import type { Message } from '../../../../core/errors.js';
import { fieldName, type FormQuestion, type FormStep } from '../../core/survey-form.js';
import type { Text } from '../../../../core/framework/edition.schema.js';
import { m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { IconLink, StylesheetLink } from '../../../../platform/http/views/layout-head.js';

/** What every public survey page knows. */
export interface SurveyPageContext {
  lang: Lang;
  code: string;
  agencyName: string;
  instrumentName: string;
  instrumentCode: string;
  kiosk: boolean;
  /** The page's own URL, for the language switch. */
  path: string;
}

/** The frame of a public survey page: no web fonts, no scripts, one small stylesheet. */
export function SurveyLayout(props: {
  page: SurveyPageContext;
  title: string;
  children: ComponentChildren;
  refresh?: string;
}) {
  const { page } = props;
  const other: Lang = page.lang === 'th' ? 'en' : 'th';
  return (
    <html lang={page.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="no-referrer" />
        {props.refresh && <meta http-equiv="refresh" content={props.refresh} />}
        <title>{props.title}</title>
        <StylesheetLink name="survey.css" />
        <IconLink />
      </head>
      <body>
        <header class="bar">
          <strong>{page.agencyName}</strong>
          {!page.kiosk && (
            <a href={`/lang/${other}?next=${encodeURIComponent(page.path)}`} lang={other}>
              {other === 'en' ? 'English' : 'ภาษาไทย'}
            </a>
          )}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

/** Hidden fields that carry the form between steps (no server state: any process can answer). */
export function CarriedFields(props: {
  nonce: string;
  accessCode: string;
  kiosk: boolean;
  answers: Record<string, string>;
  skip?: readonly string[];
  /** The free-text comment written on the last step, carried when the respondent goes back. */
  comment?: string;
}) {
  const skip = new Set(props.skip ?? []);
  return (
    <>
      <input type="hidden" name="nonce" value={props.nonce} />
      {props.comment && <input type="hidden" name="comment" value={props.comment} />}
      {props.accessCode && <input type="hidden" name="k" value={props.accessCode} />}
      {props.kiosk && <input type="hidden" name="kiosk" value="1" />}
      {Object.entries(props.answers)
        .filter(([item]) => !skip.has(item))
        .map(([item, value]) => (
          <input type="hidden" name={fieldName(item)} value={value} />
        ))}
    </>
  );
}

function ItemFieldset(props: {
  lang: Lang;
  itemCode: string;
  legend: string;
  question: FormQuestion;
  value?: string;
  error?: Message;
}) {
  const { lang, itemCode, question, error } = props;
  const name = fieldName(itemCode);
  return (
    <fieldset
      class={error ? 'bad' : undefined}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {error && (
        <p class="err" id={`${name}-error`}>
          {pick(lang, error)}
        </p>
      )}
      <div class="opts">
        {question.options.map((option) => (
          <label class="opt" for={`${name}-${option.code}`}>
            <input
              type="radio"
              id={`${name}-${option.code}`}
              name={name}
              value={option.code}
              checked={props.value === option.code}
              required
            />
            {pick(lang, option.label)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The questions of one step, a radio group per item, with the errors next to them. */
export function StepQuestions(props: {
  lang: Lang;
  step: FormStep;
  answers: Record<string, string>;
  problems: Record<string, Message>;
}) {
  const { lang, step, answers, problems } = props;
  return (
    <>
      {step.questions.map((question) =>
        question.hasSubItems ? (
          <section>
            <h2>{pick(lang, question.text)}</h2>
            {question.items.map((item) => (
              <ItemFieldset
                lang={lang}
                itemCode={item.code}
                legend={pick(lang, item.text)}
                question={question}
                value={answers[item.code]}
                error={problems[item.code]}
              />
            ))}
          </section>
        ) : (
          <ItemFieldset
            lang={lang}
            itemCode={question.code}
            legend={pick(lang, question.text)}
            question={question}
            value={answers[question.code]}
            error={problems[question.code]}
          />
        ),
      )}
    </>
  );
}

/** The optional free-text question on the last step, with a warning not to name anyone. */
export function CommentField(props: {
  lang: Lang;
  question: Text;
  value: string;
  maxLength: number;
}) {
  const { lang } = props;
  return (
    <div class="comment-field">
      <label for="comment">
        <strong>{pick(lang, props.question)}</strong>
      </label>
      <p class="hint" id="comment-hint">
        {pick(
          lang,
          m(
            `ไม่บังคับ ไม่เกิน ${props.maxLength.toLocaleString('th-TH')} ตัวอักษร โปรดอย่าเขียนชื่อ เบอร์โทรศัพท์ อีเมล หรือข้อมูลที่ระบุตัวบุคคล ระบบจะปิดบังข้อมูลเหล่านี้ก่อนบันทึก`,
            `Optional, up to ${props.maxLength.toLocaleString('en-GB')} characters. Please do not write names, phone numbers, e-mail addresses or anything that identifies a person: the system hides them before saving.`,
          ),
        )}
      </p>
      <textarea
        id="comment"
        name="comment"
        rows={5}
        maxLength={props.maxLength}
        aria-describedby="comment-hint"
      >
        {props.value}
      </textarea>
    </div>
  );
}

/** The list of unanswered questions at the top of a step, each linking to its first option. */
export function ProblemSummary(props: {
  lang: Lang;
  step: FormStep;
  problems: Record<string, Message>;
}) {
  const items = props.step.questions.flatMap((q) => q.items.map((i) => ({ item: i, question: q })));
  const listed = items.filter(({ item }) => props.problems[item.code]);
  if (listed.length === 0) return null;
  return (
    <div class="summary" role="alert">
      <p>
        <strong>
          {pick(
            props.lang,
            m(
              `ยังตอบไม่ครบ ${listed.length} ข้อ`,
              `${listed.length} question(s) still need an answer`,
            ),
          )}
        </strong>
      </p>
      <ul>
        {listed.map(({ item, question }) => (
          <li>
            <a href={`#${fieldName(item.code)}-${question.options[0]?.code ?? ''}`}>
              {pick(props.lang, item.text)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The confidentiality statement shown before anything is asked. */
export function ConfidentialityStatement(props: {
  lang: Lang;
  steps: number;
  /** The link takes one answer per browser (an open link outside kiosk mode). */
  oncePerBrowser?: boolean;
}) {
  const { lang, steps } = props;
  return (
    <div class="statement">
      <p>
        {pick(
          lang,
          m(
            'คำตอบของท่านเป็นความลับ ระบบไม่เก็บชื่อ อีเมล เบอร์โทรศัพท์ ที่อยู่ IP อุปกรณ์ หรือเวลาที่ตอบ เก็บเพียงวันที่และคำตอบ และไม่แสดงผลแยกกลุ่มที่มีผู้ตอบน้อยกว่า 5 คน',
            'Your answers are confidential. No name, e-mail, phone number, IP address, device or time of answering is kept: only the date and the answers. No result is shown for a group of fewer than 5 respondents.',
          ),
        )}
      </p>
      {props.oncePerBrowser && (
        <p>
          {pick(
            lang,
            m(
              'ตอบได้หนึ่งครั้งต่อเบราว์เซอร์: เบราว์เซอร์ของท่านจะเก็บคุกกี้ของเว็บไซต์นี้ไว้ว่าเริ่มตอบหรือตอบแล้ว คุกกี้นี้เหมือนกันสำหรับทุกคน ไม่ระบุตัวท่าน และไม่ถูกเก็บไว้กับคำตอบ',
              'One answer per browser: your browser keeps a cookie of this site saying that it started or answered. The cookie is the same for everyone, does not identify you and is not stored with your answers.',
            ),
          )}
        </p>
      )}
      <p>
        {pick(
          lang,
          m(
            `แบบวัดมี ${steps} ส่วน ใช้เวลาประมาณ 10 นาที โปรดตอบตามที่ท่านรับรู้จริง`,
            `The survey has ${steps} parts and takes about 10 minutes. Please answer as you honestly see it.`,
          ),
        )}
      </p>
    </div>
  );
}
