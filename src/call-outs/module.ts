import type { AnyApiRoute } from '../identity/api-route.js';
import type { CardVerbFamily, CommandHandler } from '../teams/card-action.js';
import type { MessageAction } from '../teams/message-action.js';
import type { BotLocale } from '../teams/messages.js';
import { answerLinkRoutes } from './answer-links/answer-link-routes.js';
import { DbCallOutAnswers } from './answers.js';
import { callOutCardVerbs } from './bot/call-out-invoke.js';
import { callOutStartVerbs, startCommandCard, startCommandHelp } from './bot/call-out-start-invoke.js';
import { callOutStartMessageAction } from './bot/call-out-start-message-action.js';
import { DbCallOutStarter } from './bot-starter.js';
import type { CallOutAnswers } from './contract.js';
import { conveneRoutes } from './convene/convene-routes.js';
import type { CallOutsDeps } from './deps.js';
import { callOutRoutes } from './routes.js';
import { callOutSettingsRoutes } from './settings/settings-routes.js';
import type { CallOutStarter } from './starter-contract.js';

/** The call-out domain's sides of the bot, database-backed unless a test hands in others. */
export interface CallOutBotPorts {
  /** Answers the alert card's actions. */
  callOutAnswers?: CallOutAnswers | undefined;
  /** Answers the `crisisoproep` form. */
  callOutStarter?: CallOutStarter | undefined;
}

/** What call-outs plug into the bot: the start form's and the alert card's verbs and the `crisisoproep` command. */
export interface CallOutBot {
  verbFamilies: CardVerbFamily[];
  startCommand: CommandHandler;
  /** "Start crisisoproep" on a chat or channel message: the start form in a dialog. */
  startMessageAction: MessageAction;
  /** The help card's line for `crisisoproep`. */
  startCommandHelp: (locale: BotLocale) => { title: string; value: string };
}

/** What the call-outs capability offers the composition root. */
export interface CallOutsModule {
  /** Every `/api/v1` route of call-outs, their settings, _Bijeenkomst nu_ and answer links, in declaration order. */
  routes: AnyApiRoute[];
  /** Its cards and command, for src/teams. */
  bot(ports?: CallOutBotPorts): CallOutBot;
}

/** Builds the call-outs capability from its narrow dependencies (src/server/compose.ts calls it). */
export function createCallOutsModule(deps: CallOutsDeps): CallOutsModule {
  const { logger, now } = deps;
  const tabUrl = deps.config.publicUrl.replace(/\/*$/, '/');
  return {
    routes: [
      ...callOutRoutes(deps),
      ...callOutSettingsRoutes(deps),
      ...conveneRoutes(deps),
      ...answerLinkRoutes(deps),
    ],
    bot(ports = {}) {
      const callOutAnswers = ports.callOutAnswers ?? new DbCallOutAnswers(deps.db);
      const startDeps = {
        starter: ports.callOutStarter ?? new DbCallOutStarter(deps.db, now),
        tabUrl,
        now,
        logger,
      };
      return {
        verbFamilies: [callOutStartVerbs(startDeps), callOutCardVerbs({ callOutAnswers, now, logger })],
        startCommand: (turn) => startCommandCard(turn, startDeps),
        startMessageAction: callOutStartMessageAction(startDeps),
        startCommandHelp,
      };
    },
  };
}
