import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { localeOf, textsFor } from './messages.js';
import { unknownInvokeResponse } from './unknown-invoke.js';

function errorType(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * The adapter's last resort when a turn throws: log what failed without any personal data (activity type,
 * error type and code, never the message or text) and tell the user, in their language, that it was us.
 */
export function turnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    logger.error(
      {
        activityType: context.activity.type,
        err: { type: errorType(error), code: (error as { code?: unknown })?.code },
      },
      'bot turn failed',
    );
    try {
      // An invoke waits for its own response (botbuilder would answer a bare 501): the apology goes there.
      if (context.activity.type === ActivityTypes.Invoke) {
        const value = unknownInvokeResponse(context.activity, 'failed');
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value });
        return;
      }
      await context.sendActivity(textsFor(localeOf(context.activity.locale)).apology);
    } catch (sendError) {
      // The channel itself may be what failed; the request still ends normally.
      logger.warn(
        { activityType: context.activity.type, err: { type: errorType(sendError) } },
        'bot apology not sent',
      );
    }
  };
}
