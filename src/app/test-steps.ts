/**
 * Test support for a file whose tests tell one story on one database (a later test works on
 * what an earlier one stored): each step of the story is done once per database, by the
 * first test that needs it. A test calls the steps it builds on before its own work, so it
 * also runs alone (`vitest -t`); in a whole-file run the earlier test has done the step
 * already and the call returns that first result, changing nothing.
 */
export function step<T>(work: () => Promise<T>): () => Promise<T> {
  let done: Promise<T> | undefined;
  return () => (done ??= work());
}
