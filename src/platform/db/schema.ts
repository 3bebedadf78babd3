import type { AuditTables } from '../../audit/db-schema.js';
import type { CallOutTables } from '../../call-outs/db-schema.js';
import type { ContinuityTables } from '../../continuity/db-schema.js';
import type { EvaluationTables } from '../../evaluation/db-schema.js';
import type { IdentityTables } from '../../identity/db-schema.js';
import type { MeetingBotTables } from '../../meetings/bot/db-schema.js';
import type { MeetingsTables } from '../../meetings/db-schema.js';
import type { NetworkTables } from '../../network/db-schema.js';
import type { PrivacyTables } from '../../privacy/db-schema.js';
import type { SelectionTables } from '../../selection/db-schema.js';
import type { SetupTables } from '../../setup/db-schema.js';
import type { SignalTables } from '../../signals/db-schema.js';
import type { TeamsTables } from '../../teams/db-schema.js';

// The column types other capabilities name in their code; each is declared by the capability that owns it.
export type { NetworkRole } from '../../identity/db-schema.js';
export type { AgeBand, NetworkStatus } from '../../network/db-schema.js';

/**
 * Every table the application reads or writes, for Kysely's typed queries: only the composition of each
 * capability's `db-schema.ts` (the local outbox's `mail_outbox` joins through `withMailTables`, mail/db-schema.ts).
 */
export interface Database
  extends SetupTables,
    NetworkTables,
    IdentityTables,
    AuditTables,
    MeetingsTables,
    MeetingBotTables,
    CallOutTables,
    TeamsTables,
    SignalTables,
    EvaluationTables,
    SelectionTables,
    PrivacyTables,
    ContinuityTables {}
