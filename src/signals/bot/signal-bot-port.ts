import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../../audit/audit-origin.js';
import { appendAuditEvent } from '../../audit/index.js';
import { findUserIdByEntraIds, loadAccessProfile } from '../../identity/index.js';
import { readNetwork, readNetworkNeighbourhoods, readPeopleOfNetwork } from '../../network/index.js';
import type { Database } from '../../platform/db/schema.js';
import { canRecordSignals } from '../policies.js';
import type { CreateSignalInput, Signal } from '../schemas.js';
import { createSignalOnce } from '../signal-service.js';
import { readThemes } from '../signal-store.js';

/** Who pressed, as Teams names them. */
export interface SignalActor {
  tenantId: string;
  aadObjectId: string;
}

/** What the `signaal` form offers one user: per network they record in, its wijken and people; the themes. */
export interface SignalFormOptions {
  networks: {
    id: string;
    name: string;
    wijken: { id: string; name: string }[];
    people: { id: string; displayName: string }[];
  }[];
  themes: { code: string; labelNl: string; labelEn: string }[];
}

export class SignalBotError extends Error {
  constructor(readonly code: 'not-signed-up' | 'no-network') {
    super(code);
    this.name = 'SignalBotError';
  }
}

/** The signals side of the bot, over the same services as the API (audited with channel `bot`). */
export class DbSignalBotPort {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  private async access(actor: SignalActor) {
    const userId = await findUserIdByEntraIds(this.db, actor.tenantId, actor.aadObjectId);
    if (!userId) throw new SignalBotError('not-signed-up');
    return loadAccessProfile(this.db, userId);
  }

  private origin(userId: string, activityId: string | null): AuditOrigin {
    return { actorUserId: userId, channel: 'bot', clientAddress: null, requestId: activityId };
  }

  /** The form's choices: only the networks this user records signals in (names of their people: audited). */
  async formOptions(actor: SignalActor, activityId: string | null): Promise<SignalFormOptions> {
    const access = await this.access(actor);
    const networkIds = [...access.networkRoles.keys()].filter((id) => canRecordSignals(access, id));
    const networks: SignalFormOptions['networks'] = [];
    for (const id of networkIds) {
      const network = await readNetwork(this.db, id);
      if (!network || network.status === 'archived') continue;
      const [wijken, people] = await Promise.all([
        readNetworkNeighbourhoods(this.db, network.area),
        readPeopleOfNetwork(this.db, id),
      ]);
      networks.push({
        id,
        name: network.name,
        wijken,
        people: people
          .map((p) => ({ id: p.id, displayName: p.displayName }))
          .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl')),
      });
      await appendAuditEvent(
        this.db,
        auditEvent(this.origin(access.userId, activityId), 'signal.choices', { type: 'network', id }),
        this.now(),
      );
    }
    if (networks.length === 0) throw new SignalBotError('no-network');
    networks.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const themes = (await readThemes(this.db)).filter((t) => !t.archived);
    return { networks, themes };
  }

  /**
   * Records the signal through the API's service (same checks, same audit row), once per form token: a second
   * press of the same form gets the first signal back with `replayed`.
   */
  async record(
    actor: SignalActor,
    networkId: string,
    input: CreateSignalInput,
    formToken: string,
    activityId: string | null,
  ): Promise<{ signal: Signal; replayed: boolean }> {
    const access = await this.access(actor);
    return createSignalOnce(
      this.db,
      this.origin(access.userId, activityId),
      access,
      networkId,
      input,
      this.now(),
      formToken,
    );
  }
}
