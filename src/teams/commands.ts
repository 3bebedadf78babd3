/** What a user can ask the bot by typing: the overview, the form to start a crisis call-out, or to record a signal. */
export type BotCommand = 'help' | 'call-out' | 'signal';

const HELP_WORDS = new Set(['help', 'hulp', '?']);
const CALL_OUT_WORDS = new Set(['crisisoproep', 'call-out', 'callout']);
const SIGNAL_WORDS = new Set(['signaal', 'signal']);

// In channels and group chats Teams puts the bot's @mention in front of the text, e.g. "<at>Bondgenoten</at> help".
const LEADING_MENTIONS = /^(\s*<at>[^<]*<\/at>)+/i;

/** Reads a typed message as a command, or null when it is not one we know. */
export function parseCommand(text: string | undefined): BotCommand | null {
  const words = (text ?? '')
    .replace(/&nbsp;/gi, ' ')
    .replace(LEADING_MENTIONS, '')
    .trim()
    .toLowerCase();
  if (HELP_WORDS.has(words)) return 'help';
  if (SIGNAL_WORDS.has(words)) return 'signal';
  return CALL_OUT_WORDS.has(words) ? 'call-out' : null;
}
