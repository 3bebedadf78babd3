import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../platform/db/schema.js';
import { findPreferredReference } from '../../teams/conversation-store.js';
import type { AppInstaller } from '../../teams/outbox/card-sender.js';
import {
  type ClaimedDelivery,
  extendClaim,
  findTenantServiceUrl,
  markUndeliverable,
  releaseDelivery,
  storeInstalledReference,
} from './delivery-store.js';

/** `not-permitted (403 Forbidden)`: the installer's error kind, status and code; never a Graph message. */
function installFailureReason(error: unknown): string {
  const { kind, status, code } = (error ?? {}) as { kind?: unknown; status?: unknown; code?: unknown };
  if (typeof kind === 'string' && typeof status === 'number' && typeof code === 'string')
    return `${kind} (${status} ${code})`;
  return `other (${error instanceof Error ? error.name : 'error'})`;
}

export interface AppInstallQueueOptions {
  db: Kysely<Database>;
  /** One per tenant the app may install in (the home tenant, tenants with a bot of their own). */
  installers: readonly AppInstaller[];
  /** The bot's id (`28:…`), stored with the installed chat's reference. */
  botId: string;
  /** How long a row stays claimed while the app is installed for its recipient. */
  leaseMs: number;
  now: () => Date;
  logger?: Pick<Logger, 'warn' | 'error'> | undefined;
  /** True once the worker is stopping: a queued install then puts its row back instead of starting. */
  stopping: () => boolean;
}

/**
 * The delivery worker's install step for recipients without a conversation reference (docs/call-outs.md,
 * "Installing the app"). Installs run beside the send loop — a slow Graph holds up no one else's card — and
 * one at a time per worker, so Graph is not hammered; the row stays claimed meanwhile.
 */
export class AppInstallQueue {
  /**
   * Rows queued or installing, with their latest claim: a row claimed again meanwhile (its lease ran out while
   * it waited its turn) is not queued twice, and its install works under the newer claim's token.
   */
  private readonly installing = new Map<string, ClaimedDelivery>();
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly o: AppInstallQueueOptions) {}

  queue(delivery: ClaimedDelivery): void {
    const queued = this.installing.has(delivery.id);
    this.installing.set(delivery.id, delivery);
    if (queued) return;
    this.tail = this.tail
      .then(() => this.install(this.installing.get(delivery.id) ?? delivery))
      .catch((error: unknown) => {
        this.o.logger?.error({ err: { type: (error as Error).name } }, 'app install could not be recorded');
      })
      .finally(() => this.installing.delete(delivery.id));
  }

  /** Resolves once every queued install has finished. */
  drained(): Promise<void> {
    return this.tail;
  }

  /**
   * Installs the app, stores the 1:1 chat as the recipient's reference and puts the row back, so the card goes
   * out through the ordinary path on the next claim. If the process dies midway, the lease runs out and a
   * worker starts over: Graph answers 409 for the installation already made, and the chat is fetched again.
   */
  private async install(delivery: ClaimedDelivery): Promise<void> {
    const { db } = this.o;
    const owner = delivery.owner;
    if (this.o.stopping()) {
      await releaseDelivery(db, delivery.id, owner, this.o.now(), { countAttempt: false });
      return;
    }
    const until = new Date(this.o.now().getTime() + this.o.leaseMs);
    if (!(await extendClaim(db, delivery.id, owner, until))) return;
    // The bot may have heard from them meanwhile (they opened the app), or another worker installed it.
    if (await findPreferredReference(db, delivery.tenantId, delivery.aadObjectId)) {
      await releaseDelivery(db, delivery.id, owner, this.o.now(), { countAttempt: false });
      return;
    }
    const unreachable = async (reason: string) => {
      // Ids and Graph's status only: a 403 here usually means admin consent or an app policy is missing.
      this.o.logger?.warn({ deliveryId: delivery.id, reason }, 'could not install the app for a recipient');
      await markUndeliverable(
        db,
        delivery,
        owner,
        'unreachable',
        `install-failed: ${reason}`,
        this.o.now(),
        'app-install-failed',
      );
    };
    const installer = this.o.installers.find((candidate) => candidate.tenantId === delivery.tenantId);
    if (!installer) return unreachable('tenant not served by the app');
    // Teams gives each tenant's conversations one connector address; without one there is nowhere to send.
    const serviceUrl = await findTenantServiceUrl(db, delivery.tenantId);
    if (!serviceUrl) return unreachable('no service url known for the tenant');
    let chatId: string;
    try {
      ({ chatId } = await installer.installForUser(delivery.aadObjectId));
    } catch (error) {
      return unreachable(installFailureReason(error));
    }
    await storeInstalledReference(
      db,
      delivery,
      owner,
      { chatId, serviceUrl, botId: this.o.botId },
      this.o.now(),
    );
  }
}
