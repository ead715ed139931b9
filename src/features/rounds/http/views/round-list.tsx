import { ROUND_STATE_NAMES, ROUND_STATES, type RoundState } from '../../core/round-state.js';
import type { Round } from '../../services/round.service.js';
import { formatDate, m, pick, type Lang } from '../../../../platform/http/i18n.js';
import { Layout, type PageContext } from '../../../../platform/http/views/layout.js';
import { SelectField } from '../../../../platform/http/views/form.js';
import { editionYearLabel } from '../../../../core/plain-labels.js';

/** A round's state as a tag, in the page's language. */
export function RoundStateTag({ lang, state }: { lang: Lang; state: RoundState }) {
  return <span class="tag">{pick(lang, ROUND_STATE_NAMES[state])}</span>;
}

/** The rules a round is assessed by, in words ("เกณฑ์ปี 2569"; never the edition's code). */
export function editionLabel(lang: Lang, round: Round): string {
  return pick(lang, editionYearLabel(round.editionYear));
}

function StateFilter({ lang, state }: { lang: Lang; state: RoundState | undefined }) {
  const options = ROUND_STATES.map((s) => ({ value: s, label: pick(lang, ROUND_STATE_NAMES[s]) }));
  return (
    <form method="get" action="/rounds">
      <SelectField
        lang={lang}
        name="state"
        label={m('สถานะ', 'State')}
        options={options}
        placeholder={m('ทุกสถานะ', 'All states')}
        value={state}
        errors={{}}
      />
      <button class="button secondary" type="submit">
        {pick(lang, m('กรอง', 'Filter'))}
      </button>
    </form>
  );
}

function RoundTable({ lang, rounds }: { lang: Lang; rounds: readonly Round[] }) {
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{pick(lang, m('หน่วยงาน', 'Agency'))}</th>
            <th scope="col">{pick(lang, m('ฉบับเกณฑ์/ปี', 'Edition/year'))}</th>
            <th scope="col">{pick(lang, m('สถานะ', 'State'))}</th>
            <th scope="col">{pick(lang, m('ปรับปรุงล่าสุด', 'Updated'))}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr>
              <td>
                <a href={`/rounds/${r.id}`}>
                  {r.agencyCode} {r.agencyNameTh}
                </a>
              </td>
              <td>{editionLabel(lang, r)}</td>
              <td>
                <RoundStateTag lang={lang} state={r.state} />
              </td>
              <td>{formatDate(lang, r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The rounds a person may see, filterable by state. */
export function RoundListPage({
  page,
  rounds,
  state,
  canOpen,
}: {
  page: PageContext;
  rounds: readonly Round[];
  state: RoundState | undefined;
  canOpen: boolean;
}) {
  const { lang } = page;
  return (
    <Layout page={page} title={m('รอบการประเมิน', 'Assessment rounds')}>
      {canOpen && (
        <p>
          <a class="button" href="/rounds/open">
            {pick(lang, m('เปิดรอบการประเมินให้หน่วยงานในสังกัด', 'Open rounds for your units'))}
          </a>
        </p>
      )}
      <StateFilter lang={lang} state={state} />
      {rounds.length === 0 ? (
        <p class="muted">{pick(lang, m('ไม่พบรอบการประเมิน', 'No rounds found'))}</p>
      ) : (
        <RoundTable lang={lang} rounds={rounds} />
      )}
    </Layout>
  );
}
