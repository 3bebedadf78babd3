/**
 * The privacy registry: each capability that holds personal data about people plugs in a holder, and the
 * privacy capability orchestrates (withdrawal of consent, erasure, inzage, retention). A holder changes only
 * its own tables, through its own stores; privacy never touches them.
 */
export interface PersonDataHolder {
  /** Stable name of the capability, e.g. `meetings`; reported (never personal data) in results and logs. */
  name: string;
  /**
   * Takes the person out of everything ahead at once: call lists of open call-outs, future meeting
   * invitations (through the calendar port). Returns how many items changed.
   */
  release?(person: PersonRef): Promise<number>;
  /**
   * Erases or irreversibly pseudonymises what the capability holds about an erased person: free text that
   * names them, addresses kept for history. Rows stay where counts depend on them. Returns rows changed.
   */
  erase?(person: ErasedPerson): Promise<number>;
  /**
   * Retention (issue 18, item 1): erases or pseudonymises the records of `kind` in one municipality whose
   * clock started on or before `onOrBefore` (YYYY-MM-DD, Europe/Amsterdam), through the holder's own store.
   * With `dryRun` it only counts. Idempotent: what was expired once is not counted again. Returns the count.
   */
  expire?(request: ExpiryRequest): Promise<number>;
  /** The retention kinds `expire` handles (see retention-rules.ts). */
  retentionKinds?: readonly string[];
  /**
   * Activity (retention kind `key-figures-inactive`): the ids of the people this capability saw active on or
   * after `since` (YYYY-MM-DD, Europe/Amsterdam): a contact or signal, a meeting attended, a reached call.
   * Ids only; a person erased later is simply not found among the candidates.
   */
  activeSince?(since: string): Promise<string[]>;
  /**
   * Inzage (AVG art. 15): what the capability holds about one person, as parts of rows (a date and facts by
   * stable key), which the JSON answers as they are and the PDF labels in Dutch.
   */
  describe?(personId: string): Promise<InzagePart[]>;
}

/** A value of one fact in an inzage row. */
export type InzageFact = string | number | boolean | null;

/**
 * One part of what a capability holds about a person: `kind` is a stable code (`relations`, `contact-notes`,
 * `signals`, `call-lists`, `call-out-calls`, `meeting-responses`, `meeting-attendance`, `selection-candidacies`,
 * `selection-assessments`, `selection-visits`, `evaluation-decisions`), each row a date (or
 * null) and facts by stable key.
 */
export interface InzagePart {
  kind: string;
  rows: { on: string | null; facts: Record<string, InzageFact> }[];
}

/** What the retention job asks a holder to expire. */
export interface ExpiryRequest {
  kind: string;
  municipalityId: string;
  onOrBefore: string;
  dryRun: boolean;
  /** The job's clock, for the holder's mark of when it expired a record. */
  now: Date;
}

/** An erased person as holders get it: the id, and the name and address (read before) to scrub. */
export interface ErasedPerson extends PersonRef {
  displayName: string;
  email: string | null;
  /** What a mention of the name becomes. */
  pseudonym: string;
  /** What the address becomes where a row must keep one (an `.invalid` address, RFC 2606). */
  pseudonymAddress: string;
}

/** A person as the registry hands it to holders: the id and the networks they belong(ed) to. */
export interface PersonRef {
  personId: string;
  networkIds: string[];
}

/** What one holder did for one person, by name and count. */
export interface HolderOutcome {
  holder: string;
  changed: number;
}

/** Runs every holder's `erase` in turn; one holder failing does not stop the others (it is reported). */
export async function eraseEverywhere(
  holders: readonly PersonDataHolder[],
  person: ErasedPerson,
): Promise<{ outcomes: HolderOutcome[]; failed: string[] }> {
  const outcomes: HolderOutcome[] = [];
  const failed: string[] = [];
  for (const holder of holders) {
    if (!holder.erase) continue;
    try {
      outcomes.push({ holder: holder.name, changed: await holder.erase(person) });
    } catch {
      failed.push(holder.name);
    }
  }
  return { outcomes, failed };
}

/** Runs every holder's `release` in turn; one holder failing does not stop the others (it is reported). */
export async function releaseEverywhere(
  holders: readonly PersonDataHolder[],
  person: PersonRef,
): Promise<{ outcomes: HolderOutcome[]; failed: string[] }> {
  const outcomes: HolderOutcome[] = [];
  const failed: string[] = [];
  for (const holder of holders) {
    if (!holder.release) continue;
    try {
      outcomes.push({ holder: holder.name, changed: await holder.release(person) });
    } catch {
      failed.push(holder.name);
    }
  }
  return { outcomes, failed };
}
