import { openDatabase } from '../platform/db/database.js';
import { loadConfig } from '../server/config.js';
import { sealAuditJournal } from './audit-store.js';
import { describeVerdict, verifyAuditChain } from './audit-verify.js';

/** `npm run audit:verify`: exits 0 when the chain is intact, 2 naming the first broken row otherwise. */
async function run(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    // Events still in the journal are not in the chain yet; seal them so the verdict covers them too.
    const sealed = await sealAuditJournal(database.db);
    if (sealed > 0) process.stdout.write(`Sealed ${sealed} journal event(s) into the chain first.\n`);
    const verdict = await verifyAuditChain(database.db);
    (verdict.valid ? process.stdout : process.stderr).write(`${describeVerdict(verdict)}\n`);
    return verdict.valid ? 0 : 2;
  } finally {
    await database.close();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `Audit verification failed to run: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
