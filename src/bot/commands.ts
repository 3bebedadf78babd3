/** What a user can ask the bot by typing; more commands arrive with the crisis and meeting work. */
export type BotCommand = 'help';

const HELP_WORDS = new Set(['help', 'hulp', '?']);

// In channels and group chats Teams puts the bot's @mention in front of the text, e.g. "<at>Bondgenoten</at> help".
const LEADING_MENTIONS = /^(\s*<at>[^<]*<\/at>)+/i;

/** Reads a typed message as a command, or null when it is not one we know. */
export function parseCommand(text: string | undefined): BotCommand | null {
  const words = (text ?? '')
    .replace(/&nbsp;/gi, ' ')
    .replace(LEADING_MENTIONS, '')
    .trim()
    .toLowerCase();
  return HELP_WORDS.has(words) ? 'help' : null;
}
