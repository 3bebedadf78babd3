import type { AnyApiRoute } from '../identity/api-route.js';
import type { CardVerbFamily, CommandHandler } from '../teams/card-action.js';
import type { MessageAction } from '../teams/message-action.js';
import type { BotLocale } from '../teams/messages.js';
import { DbSignalBotPort } from './bot/signal-bot-port.js';
import { signalCommandCard, signalCommandHelp, signalVerbs } from './bot/signal-invoke.js';
import { signalMessageAction } from './bot/signal-message-action.js';
import type { SignalsDeps } from './deps.js';
import { signalRoutes } from './routes.js';

/** What signals plug into the bot: the form's verb, the `signaal` command with its help line, "Maak signaal". */
export interface SignalBot {
  verbFamilies: CardVerbFamily[];
  command: CommandHandler;
  /** "Maak signaal" on a chat or channel message. */
  messageAction: MessageAction;
  commandHelp: (locale: BotLocale) => { title: string; value: string };
}

/** What the signals capability offers the composition root. */
export interface SignalsModule {
  /** Every `/api/v1` route of signals, in declaration order. */
  routes: AnyApiRoute[];
  /** Its card and command, for src/teams. */
  bot(): SignalBot;
}

/** Builds the signals capability from its narrow dependencies (src/server/compose.ts calls it). */
export function createSignalsModule(deps: SignalsDeps): SignalsModule {
  return {
    routes: signalRoutes(deps),
    bot() {
      const botDeps = {
        port: new DbSignalBotPort(deps.db, deps.now),
        tabUrl: deps.config.publicUrl.replace(/\/*$/, '/'),
        logger: deps.logger,
      };
      return {
        verbFamilies: [signalVerbs(botDeps)],
        command: (turn) => signalCommandCard(turn, botDeps),
        messageAction: signalMessageAction(botDeps),
        commandHelp: signalCommandHelp,
      };
    },
  };
}
