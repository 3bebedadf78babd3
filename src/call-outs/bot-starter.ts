import type { Kysely } from 'kysely';
import type { AuditOrigin } from '../audit/audit-origin.js';
import { type AccessProfile, loadAccessProfile } from '../identity/access.js';
import { findUserIdByEntraIds } from '../identity/index.js';
import type { Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { isUuid } from '../platform/uuid.js';
import { getCallOut, previewCallOut, startCallOutOnce } from './call-out-service.js';
import { CALL_OUT_STARTER_ROLES, offersWijk, type StartPlaceNetwork } from './constants.js';
import type { CardActor } from './contract.js';
import { type StartCallOutInput, startCallOutSchema } from './schemas.js';
import { readActiveCommunities, readStartableWijken, readStarterNetworks } from './start-form-store.js';
import {
  CallOutStartError,
  type CallOutStarter,
  type StarterField,
  type StarterFormOptions,
  type StarterInput,
  type StarterPreview,
  type StarterStatus,
} from './starter-contract.js';

/**
 * A double press of "Verstuur nu" arrives as two invokes, possibly on two instances. Without a column for
 * the form token (that needs a migration), a start is taken as the same form when the same starter started
 * a call-out with the same kind, urgency, text, wijken and communities this recently.
 */

const STARTER_FIELDS = new Set<string>(['kind', 'urgency', 'summary', 'ask', 'placeIds', 'communityIds']);

const notSignedUp = () =>
  new CallOutStartError('not-signed-up', 'This Teams user is not known in Bondgenoten.');
const forbidden = () =>
  new CallOutStartError(
    'forbidden',
    'Starting a call-out needs the coordinator or member role in a network, or administrator.',
  );

function fieldOf(path: string): StarterField | null {
  const name = path.replace(/^body\./, '').split('.')[0] ?? '';
  return STARTER_FIELDS.has(name) ? (name as StarterField) : null;
}

function invalid(fields: (StarterField | null)[]): CallOutStartError {
  const named = [...new Set(fields.filter((field): field is StarterField => field !== null))];
  return new CallOutStartError('invalid', 'One or more fields are not valid.', named);
}

/** The bot's input checked with the API's own schema, so both doors accept exactly the same call-outs. */
function parseInput(input: StarterInput): StartCallOutInput {
  const parsed = startCallOutSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => fieldOf(String(issue.path[0]))));
  return parsed.data;
}

/** The service's refusals in the port's words; anything else is ours and passes unchanged. */
function translate(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  switch (error.code) {
    case 'forbidden':
      return forbidden();
    case 'rule-violated':
      return new CallOutStartError('no-network', error.detail);
    case 'validation-failed':
      return invalid(error.errors.map((entry) => fieldOf(entry.field)));
    case 'not-found':
      return new CallOutStartError('not-found', 'There is no such call-out among yours.');
    default:
      return error;
  }
}

async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translate(error);
  }
}

/** The call-out side of starting from Teams, over the database and the call-out service. */
export class DbCallOutStarter implements CallOutStarter {
  constructor(
    private readonly db: Kysely<Database>,
    /** The clock of audit rows for reads. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The Teams actor's access profile; refuses unknown users before any query with their ids. */
  private async accessOf(actor: CardActor): Promise<AccessProfile> {
    const userId = await findUserIdByEntraIds(this.db, actor.tenantId, actor.aadObjectId);
    if (!userId) throw notSignedUp();
    return loadAccessProfile(this.db, userId);
  }

  private origin(access: AccessProfile, requestId: string | null): AuditOrigin {
    return { actorUserId: access.userId, channel: 'bot', clientAddress: null, requestId };
  }

  /** The caller's networks with their area, state and role, for `offersWijk`. */
  private async starterNetworks(access: AccessProfile): Promise<StartPlaceNetwork[]> {
    const ids = [...access.networkRoles.keys()];
    if (ids.length === 0) return [];
    const rows = await readStarterNetworks(this.db, ids);
    return rows.map((row) => ({
      areaId: row.area_id,
      status: row.status,
      myRole: access.networkRoles.get(row.id) ?? null,
    }));
  }

  async formOptions(actor: CardActor): Promise<StarterFormOptions> {
    const access = await this.accessOf(actor);
    const mayStart = (role: string | null) => role !== null && CALL_OUT_STARTER_ROLES.includes(role);
    if (!access.isAdministrator && ![...access.networkRoles.values()].some(mayStart)) throw forbidden();
    const networks = await this.starterNetworks(access);
    // A network's area is a district (its wijken are the choices) or a single wijk.
    const startableAreaIds = networks
      .filter((network) => network.status !== 'archived' && mayStart(network.myRole))
      .map((network) => network.areaId);
    const all = await readStartableWijken(this.db, access.isAdministrator ? null : startableAreaIds);
    const rows = all.filter((row) =>
      offersWijk(
        { id: row.id, districtId: row.districtId, archived: row.archived },
        networks,
        access.isAdministrator,
      ),
    );
    const districts: StarterFormOptions['districts'] = [];
    for (const row of rows) {
      const name = row.district ?? row.name;
      const group = districts.find((d) => d.name === name);
      if (group) group.wijken.push({ id: row.id, name: row.name });
      else districts.push({ name, wijken: [{ id: row.id, name: row.name }] });
    }
    const municipalities = [...new Set(rows.map((row) => row.municipality_id))];
    const communities = await readActiveCommunities(this.db, municipalities);
    return { districts, communities };
  }

  async preview(actor: CardActor, input: StarterInput): Promise<StarterPreview> {
    const access = await this.accessOf(actor);
    const parsed = parseInput(input);
    const preview = await translated(() =>
      previewCallOut(this.db, this.origin(access, null), access, parsed, this.now()),
    );
    return {
      networks: preview.networks.map((n) => n.name),
      staff: preview.staff.map((s) => ({ displayName: s.displayName, reachable: s.reachable })),
      // previewCallOut already hides names of allies outside the starter's networks.
      allies: preview.allies.map((a) => ({ displayName: a.displayName, callerName: a.callerName })),
      callers: new Set(preview.allies.map((a) => a.callerUserId)).size,
    };
  }

  async start(
    actor: CardActor,
    input: StarterInput,
    formToken: string,
    now: Date,
  ): Promise<{ callOutId: string; created: boolean }> {
    const access = await this.accessOf(actor);
    const parsed = parseInput(input);
    // The form token goes into the audit row as its request id, tying the start to the card it came from.
    const origin = this.origin(access, formToken.slice(0, 200));
    // The form token is the start's idempotency key, as the API's Idempotency-Key: a second press, or Teams
    // retrying the invoke, gets the call-out the first one started.
    const { callOut, replayed } = await translated(() =>
      startCallOutOnce(this.db, origin, access, parsed, now, formToken),
    );
    return { callOutId: callOut.id, created: !replayed };
  }

  async status(actor: CardActor, callOutId: string): Promise<StarterStatus> {
    const access = await this.accessOf(actor);
    // A card's data comes from the client; an id that is not one must not reach SQL as a cast error.
    if (!isUuid(callOutId))
      throw new CallOutStartError('not-found', 'There is no such call-out among yours.');
    // getCallOut checks visibility and writes the `call-out.read` audit row (channel bot).
    const detail = await translated(() =>
      getCallOut(this.db, this.origin(access, null), access, callOutId, this.now()),
    );
    return {
      callOutId: detail.id,
      version: detail.version,
      status: detail.status,
      kind: detail.kind,
      urgency: detail.urgency,
      summary: detail.summary,
      ask: detail.ask,
      places: detail.places.map((p) => p.name),
      communities: detail.communities.map((c) => c.name),
      startedAt: detail.startedAt,
      goalAt: detail.goalAt,
      progress: detail.progress,
      tally: detail.tally,
    };
  }
}
