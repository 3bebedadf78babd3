import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import type { Translate } from '../../../tab/i18n/use-t.js';
import type { CommunityRef, NetworkWarning, PersonDetail, PersonKind } from '../api/network-endpoints.js';

/** The kinds the person form offers; a membership ends only through the farewell dialog. */
export const personKinds: readonly PersonKind[] = ['key_figure', 'ally'];

/** The message id of each kind ("Sleutelfiguur", "Bondgenoot", "Oud-bondgenoot"). */
export const kindMessage: Record<PersonKind, MessageId> = {
  key_figure: 'kind.key_figure',
  ally: 'kind.ally',
  former_ally: 'kind.former_ally',
  former_key_figure: 'kind.former_key_figure',
};

/** The message id of each community category, for grouping the community picker. */
export const categoryMessage: Record<CommunityRef['category'], MessageId> = {
  religion: 'category.religion',
  origin: 'category.origin',
  group: 'category.group',
};

type Channel = NonNullable<PersonDetail['preferredChannel']>;
type Gender = NonNullable<PersonDetail['gender']>;
type AgeBand = NonNullable<PersonDetail['ageBand']>;

/** The preferred channels with their message ids, in the order pickers list them. */
export const channelMessage: Record<Channel, MessageId> = {
  phone: 'channel.phone',
  sms: 'channel.sms',
  whatsapp: 'channel.whatsapp',
  email: 'channel.email',
};

/** The genders with their message ids. */
export const genderMessage: Record<Gender, MessageId> = {
  female: 'gender.female',
  male: 'gender.male',
  'non-binary': 'gender.non-binary',
};

/** The age bands, youngest first (shown as they are: "35-44"). */
export const ageBands: readonly AgeBand[] = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'];

/** The legal bases (AVG) with their message ids. */
export const legalBasisMessage: Record<PersonDetail['legalBasis'], MessageId> = {
  consent: 'legalBasis.consent',
  public_task: 'legalBasis.public_task',
};

const actionMessages: Record<string, MessageId> = {
  'person.create': 'action.person.create',
  'person.update': 'action.person.update',
  'person.read': 'action.person.read',
  'person.kind-ally': 'action.person.kind-ally',
  'person.kind-key-figure': 'action.person.kind-key-figure',
  'person.kind-former-ally': 'action.person.kind-former-ally',
  'person.farewell': 'action.person.farewell',
  'person.farewell-read': 'action.person.farewell-read',
  'person.contact-list': 'action.person.contact-list',
  'relation.create': 'action.relation.create',
  'relation.update': 'action.relation.update',
};

/** A history action in words; an action the tab does not know yet is shown as the audit trail names it. */
export function actionText(action: string, t: Translate): string {
  const id = actionMessages[action];
  return id ? t(id) : action;
}

/** A network warning as a Dutch (or English) sentence, e.g. "Er zit niemand van de politie aan tafel". */
export function warningText(warning: NetworkWarning, t: Translate): string {
  const values = { count: warning.count ?? warning.userIds.length, limit: warning.limit ?? 0 };
  return t(`networkWarning.${warning.code}`, values);
}
