#!/usr/bin/env node
// Entry point of the `prongsai` command: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

// A closed pipe (e.g. `prongsai … | head`) ends the command quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
