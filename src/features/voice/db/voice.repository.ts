import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

/** The comments of one instrument of a round and how many responses it has. */
export interface InstrumentComments {
  instrument: string;
  respondents: number;
  comments: string[];
}

/**
 * Per instrument of a round: the number of responses and their (already masked) comments,
 * counting only responses before `beforeDay` when given (today's stay out while collecting).
 */
export async function listRoundComments(
  db: Kysely<Database>,
  roundId: string,
  beforeDay?: string,
): Promise<InstrumentComments[]> {
  let counts = db
    .selectFrom('survey_response')
    .select(['instrument', (eb) => eb.fn.countAll().as('n')])
    .where('round_id', '=', roundId)
    .groupBy('instrument');
  let texts = db
    .selectFrom('survey_response')
    .select(['instrument', 'comment'])
    .where('round_id', '=', roundId)
    .where('comment', 'is not', null)
    .orderBy('instrument')
    .orderBy('id');
  if (beforeDay) {
    counts = counts.where('submitted_on', '<', beforeDay);
    texts = texts.where('submitted_on', '<', beforeDay);
  }
  const byInstrument = new Map<string, InstrumentComments>();
  for (const row of await counts.execute()) {
    byInstrument.set(row.instrument, {
      instrument: row.instrument,
      respondents: Number(row.n),
      comments: [],
    });
  }
  for (const row of await texts.execute()) {
    if (row.comment) byInstrument.get(row.instrument)?.comments.push(row.comment);
  }
  return [...byInstrument.values()];
}
