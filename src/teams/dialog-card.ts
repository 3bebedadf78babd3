/**
 * Cards in a dialog. Teams does not run `Action.Execute` (Universal Actions) in a message extension's dialog,
 * only `Action.Submit`, which sends `composeExtension/submitAction` with the inputs merged into its data. So a
 * card the bot's verb families render is shown there with each `Action.Execute` turned into an `Action.Submit`
 * that carries the verb in its data, and without `refresh` (a dialog does not refresh itself); the submit is
 * then answered by the same family as the button in a chat. The card functions stay as they are.
 */

/** The data key that carries an `Action.Execute` verb through an `Action.Submit`. */
export const DIALOG_VERB_KEY = 'dialogVerb';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function submitOf(action: Json): Json {
  const { type: _type, verb, data, ...rest } = action;
  const carried = isObject(data) ? data : {};
  return { ...rest, type: 'Action.Submit', data: { ...carried, [DIALOG_VERB_KEY]: verb } };
}

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!isObject(node)) return node;
  if (node.type === 'Action.Execute') return submitOf(node);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, convert(value)]));
}

/** The card as a dialog shows it; the input card is not changed. */
export function dialogCard(card: unknown): unknown {
  if (!isObject(card)) return card;
  const { refresh: _refresh, ...rest } = card;
  return convert(rest);
}
