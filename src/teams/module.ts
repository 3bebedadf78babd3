import type { RequestHandler } from 'express';
import {
  type BotHandlerOptions,
  type BotWiring,
  createBotHandler,
  createProactiveOutbox,
  type TeamsDeps,
} from './index.js';
import type { ProactiveOutbox } from './outbox/proactive-outbox.js';

/** What the Teams side offers the composition root: the bot endpoint and the one outbox for proactive cards. */
export interface TeamsModule {
  /** The POST /api/messages handler with the capabilities' cards and commands plugged in. */
  botHandler(wiring: BotWiring, options?: BotHandlerOptions): RequestHandler;
  /** The Teams outbox; null where the bot cannot send (no credentials outside local mode). */
  proactiveOutbox(options?: { pollMs?: number; sharedBudget?: boolean }): ProactiveOutbox | null;
}

/** Builds the Teams side from its narrow dependencies (src/server/compose.ts calls it). */
export function createTeamsModule(deps: TeamsDeps): TeamsModule {
  return {
    botHandler: (wiring, options) => createBotHandler(deps, wiring, options),
    proactiveOutbox: (options) => createProactiveOutbox(deps, options),
  };
}
