import type { TestProject } from 'vitest/node';
import { connectAdmin, newTemplateName } from './test-postgres.js';

/**
 * Vitest global setup (vitest.config.ts): names this run's PostgreSQL template database and
 * hands the name to every test file (`inject('pgTemplate')`). The first file that needs
 * PostgreSQL migrates the template (test-postgres.ts), so a run without database tests needs
 * no server; the template is dropped when the run ends.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's migrated PostgreSQL template database, copied for every test database. */
    pgTemplate: string;
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  const template = newTemplateName();
  project.provide('pgTemplate', template);
  return async () => {
    let admin;
    try {
      admin = await connectAdmin();
    } catch {
      return; // no server: no template was made either
    }
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${template}_b WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
}
