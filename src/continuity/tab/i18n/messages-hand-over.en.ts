import type { messagesHandOverNl } from './messages-hand-over.nl.js';

/** English texts of the hand-over page. */
export const messagesHandOverEn: Record<keyof typeof messagesHandOverNl, string> = {
  'handOver.title': 'Hand-over of {name}',
  'handOver.titlePlain': 'Hand-over',
  'handOver.pageTitle': 'Hand-over of {name} – {network}',
  'handOver.linkLabel': 'Hand over the tasks of {name}',
  'handOver.intro':
    'Is {name} leaving the network? Below is what {name} still holds. Choose a colleague of the network: everything moves to them in one step.',
  'handOver.noRole': '{name} no longer has a role in this network but still holds tasks that need an owner.',
  'handOver.actions': 'Open meeting actions ({count})',
  'handOver.followUps': 'Running signal follow-ups ({count})',
  'handOver.followUp': 'Signal of {received, date, long}, follow up by {due, date, long}',
  'handOver.calls': 'Allies to call in open call-outs ({count})',
  'handOver.backups': 'Back-up for ({count})',
  'handOver.due': 'by {date, date, long}',
  'handOver.none': 'Nothing.',
  'handOver.nothing': '{name} holds nothing in this network any more.',
  'handOver.form.title': 'Hand over',
  'handOver.form.successor': 'Who takes over?',
  'handOver.form.choose': 'Choose a colleague',
  'handOver.form.note': 'Note for the successor (optional)',
  'handOver.form.submit': 'Hand everything over',
  'handOver.form.required': 'Choose a colleague.',
  'handOver.form.noSuccessor':
    'No other staff member holds a role in this network. Give someone a role first (administration).',
  'handOver.form.failed': 'The hand-over failed; nothing was moved.',
  'handOver.form.changed': 'The tasks changed in the meantime. Look at the list again, then hand over.',
  'handOver.done':
    'Handed over to {name}: {actions, plural, one {# action} other {# actions}}, {followUps, plural, one {# signal} other {# signals}}, {calls, plural, one {# ally} other {# allies}} to call and {backups, plural, one {# back-up duty} other {# back-up duties}}.',
  'handOver.last': 'Last hand-over: to {name} on {date, date, long}.',
  'handOver.lastNote': 'Note: {note}',
};
