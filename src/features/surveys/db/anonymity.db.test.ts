import { expect, it } from 'vitest';
import {
  describeEachDialect,
  SURVEY_RESPONSE_COLUMNS,
} from '../../../platform/db/test-databases.js';

/**
 * Anonymity by construction (DESIGN.md §4): the tables that hold IIT/EIT answers have exactly
 * these columns, and none of them could point at a person (no IP, user agent, account, access
 * code, e-mail, phone, name or time of day).
 */
const ALLOWED: Record<string, string[]> = {
  survey_response: [...SURVEY_RESPONSE_COLUMNS],
  survey_submission: ['nonce_hash', 'submitted_on'],
};
const IDENTIFYING =
  /ip|addr|agent|user|account|code|email|mail|phone|name|session|token|_at$|time/i;

describeEachDialect('response tables cannot identify a respondent', (getDb) => {
  it('have only the allowed columns, none identifying', async () => {
    const tables = await getDb().kysely.introspection.getTables();
    for (const [table, allowed] of Object.entries(ALLOWED)) {
      const columns = tables
        .find((t) => t.name === table)
        ?.columns.map((c) => c.name)
        .sort();
      expect([table, columns]).toEqual([table, allowed]);
      expect(columns?.filter((c) => IDENTIFYING.test(c))).toEqual([]);
    }
  });

  it('keep no reference from a response to an access code or a submission', async () => {
    const tables = await getDb().kysely.introspection.getTables();
    const accessCode =
      tables.find((t) => t.name === 'access_code')?.columns.map((c) => c.name) ?? [];
    expect(accessCode.some((c) => /response|submitted|_at$|time/.test(c))).toBe(false);
  });
});
