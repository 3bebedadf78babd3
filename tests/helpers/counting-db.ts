import type { Kysely, KyselyPlugin } from 'kysely';

/**
 * `db` with a count of the statements it sends: a result comes back once per statement (the plugin's
 * transformQuery is also called for sub-query builders, so results are what is counted). For tests that pin how
 * many round trips a read makes, a count rather than a timing.
 */
export function countingStatements<DB>(db: Kysely<DB>): { db: Kysely<DB>; count: () => number } {
  let statements = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      statements += 1;
      return args.result;
    },
  };
  return { db: db.withPlugin(counting), count: () => statements };
}
