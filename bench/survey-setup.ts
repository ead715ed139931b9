// Creates the IIT/EIT links of the demo agency D01's collecting round (this year's, whatever the
// demo's clock made it) in a seeded demo database and
// prints them as JSON. Used by bench/survey-submit.mjs and test/survey-kill.test.ts. Usage:
//   DEMO_DATABASE_URL=file:PATH node bin/prongsai.mjs demo --seed-only
//   node --import tsx bench/survey-setup.ts file:PATH   (or a postgres:// URL)
import { openDatabase } from '../src/platform/db/database.js';
import { listRounds } from '../src/features/rounds/feature.js';
import { findUserByEmail, listGrants, publicUser } from '../src/features/users/feature.js';
import { randomIds, systemClock } from '../src/platform/infra/clock.js';
import type { Actor } from '../src/platform/services/context.js';
import { ensureSurveyLinks } from '../src/features/surveys/feature.js';

const url = process.argv[2];
if (!url || !/^(file:|postgres(ql)?:\/\/)/.test(url))
  throw new Error('usage: survey-setup.ts file:PATH | postgres://…');
const db = openDatabase(url);
try {
  const ctx = { db, clock: systemClock, ids: randomIds };
  const user = await findUserByEmail(db.kysely, 'admin@example.org');
  if (!user) throw new Error(`${url} is not a seeded demo database`);
  const admin: Actor = {
    user: publicUser(user),
    grants: (await listGrants(db.kysely, user.id)).map((g) => ({
      role: g.role,
      agencyId: g.agencyId,
      agencyPath: g.agencyPath,
    })),
  };
  const round = (await listRounds(db.kysely, null)).find(
    (r) => r.agencyCode === 'D01' && r.state === 'collecting',
  );
  if (!round) throw new Error("the demo's collecting round of D01 is missing");
  const links = await ensureSurveyLinks(ctx, admin, round.id);
  const code = (instrument: string) => links.find((l) => l.instrument === instrument)?.code;
  process.stdout.write(
    JSON.stringify({ roundId: round.id, iit: code('IIT'), eit: code('EIT') }) + '\n',
  );
} finally {
  await db.close();
}
