import type { z } from 'zod';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { readConsentWithdrawals, readEndedMemberships, readInactivityCandidates } from '../network/index.js';
import { DomainError } from '../platform/errors.js';
import { addDays, localDate } from '../platform/time.js';
import { readMunicipalities } from '../setup/index.js';
import type { PrivacyDeps } from './deps.js';
import { eraseOnePerson } from './erasure-service.js';
import { RETENTION_RULES, type RetentionKind, type RetentionRuleDefinition } from './retention-rules.js';
import {
  claimRetentionRun,
  finishRetentionRun,
  readRecentRetentionRuns,
  readRetentionOverrides,
  upsertRetentionRule,
} from './retention-store.js';
import type { retentionPreviewSchema, retentionRulesSchema } from './schemas.js';

/** The job acts as nobody: its audit rows carry the channel `job` and no actor. */
export const RETENTION_JOB_ORIGIN: AuditOrigin = {
  actorUserId: null,
  channel: 'job',
  clientAddress: null,
  requestId: null,
};

/** One rule as it applies in one municipality. */
export interface EffectiveRule extends RetentionRuleDefinition {
  days: number;
}

/** The rules of one municipality: its own days where set, the defaults elsewhere. */
export async function effectiveRules(deps: PrivacyDeps, municipalityId: string): Promise<EffectiveRule[]> {
  const overrides = await readRetentionOverrides(deps.db, municipalityId);
  return RETENTION_RULES.map((rule) => ({ ...rule, days: overrides.get(rule.kind) ?? rule.defaultDays }));
}

/**
 * Key figures and allies of one municipality without activity after `onOrBefore`: the candidates network
 * names, less everyone a holder saw active since the day after. A holder that cannot answer stops the kind
 * for this run (nobody is erased on half the facts); it is reported as failed.
 */
async function inactivePeople(
  deps: PrivacyDeps,
  municipalityId: string,
  onOrBefore: string,
): Promise<{ people: string[]; failed: string[] }> {
  const candidates = await readInactivityCandidates(deps.db, municipalityId, onOrBefore);
  if (candidates.length === 0) return { people: [], failed: [] };
  const active = new Set<string>();
  const failed: string[] = [];
  for (const holder of deps.personDataHolders) {
    if (!holder.activeSince) continue;
    try {
      for (const personId of await holder.activeSince(addDays(onOrBefore, 1))) active.add(personId);
    } catch {
      failed.push(holder.name);
    }
  }
  if (failed.length > 0) return { people: [], failed };
  return { people: candidates.filter((personId) => !active.has(personId)), failed: [] };
}

/** The people of one municipality whose clock for a person kind started on or before the day. */
async function expiredPeople(
  deps: PrivacyDeps,
  kind: RetentionKind,
  municipalityId: string,
  onOrBefore: string,
): Promise<{ people: string[]; failed: string[] }> {
  if (kind === 'key-figures-inactive') return inactivePeople(deps, municipalityId, onOrBefore);
  const rows =
    kind === 'former-member'
      ? await readEndedMemberships(deps.db, onOrBefore)
      : await readConsentWithdrawals(deps.db, onOrBefore);
  return {
    people: rows.filter((row) => row.municipalityId === municipalityId).map((row) => row.personId),
    failed: [],
  };
}

/** How many records of one rule expire with clocks started on or before `onOrBefore` (or expires them). */
async function applyRule(
  deps: PrivacyDeps,
  rule: EffectiveRule,
  municipalityId: string,
  onOrBefore: string,
  dryRun: boolean,
): Promise<{ expired: number; failed: string[] }> {
  if (rule.subject === 'person') {
    const { people, failed: unanswered } = await expiredPeople(deps, rule.kind, municipalityId, onOrBefore);
    if (dryRun) return { expired: people.length, failed: unanswered };
    let expired = 0;
    const failed = new Set<string>(unanswered);
    for (const personId of people) {
      // Erased through the same erasure as an administrator's, so every holder scrubs its part; a person
      // another instance erased meanwhile is skipped (undefined), so the count says what this run did.
      const result = await eraseOnePerson(
        deps,
        RETENTION_JOB_ORIGIN,
        personId,
        rule.kind === 'consent-withdrawn' ? 'consent-withdrawn' : 'no-longer-needed',
      );
      if (!result) continue;
      expired += 1;
      for (const holder of result.failed) failed.add(holder);
    }
    return { expired, failed: [...failed] };
  }
  let expired = 0;
  const failed: string[] = [];
  for (const holder of deps.personDataHolders) {
    if (!holder.expire || !holder.retentionKinds?.includes(rule.kind)) continue;
    try {
      expired += await holder.expire({
        kind: rule.kind,
        municipalityId,
        onOrBefore,
        dryRun,
        now: deps.now(),
      });
    } catch {
      failed.push(holder.name);
    }
  }
  return { expired, failed };
}

/** What one municipality's run did. */
export interface RetentionRunOutcome {
  municipalityId: string;
  runId: string;
  counts: { kind: RetentionKind; expired: number }[];
  failed: string[];
}

/**
 * The daily retention job: for every municipality whose run of today (Europe/Amsterdam) is not claimed yet,
 * claims it, expires per rule what is older than its retention, records the counts and writes one audit row
 * (`privacy.retention-run`, the run's id; each erased person also gets its own `person.erase` with channel
 * `job`). Idempotent: a second call the same day, on this instance or another, finds the day claimed and does
 * nothing; what was expired is not found again the next day. Returns what this call did.
 */
export async function runRetention(deps: PrivacyDeps): Promise<RetentionRunOutcome[]> {
  const now = deps.now();
  const today = localDate(now);
  const outcomes: RetentionRunOutcome[] = [];
  for (const municipality of await readMunicipalities(deps.db)) {
    const runId = await claimRetentionRun(deps.db, municipality.id, today, now);
    if (!runId) continue;
    const counts: RetentionRunOutcome['counts'] = [];
    const failed = new Set<string>();
    for (const rule of await effectiveRules(deps, municipality.id)) {
      const result = await applyRule(deps, rule, municipality.id, addDays(today, -rule.days), false);
      counts.push({ kind: rule.kind, expired: result.expired });
      for (const holder of result.failed) failed.add(holder);
    }
    const finished = deps.now();
    await finishRetentionRun(deps.db, runId, counts, finished);
    await appendAuditEvent(
      deps.db,
      auditEvent(RETENTION_JOB_ORIGIN, 'privacy.retention-run', { type: 'retention-run', id: runId }),
      finished,
    );
    // Ids and numbers only: the log never names a person.
    deps.logger.info(
      { municipalityId: municipality.id, runId, counts, failed: [...failed] },
      'retention run finished',
    );
    outcomes.push({ municipalityId: municipality.id, runId, counts, failed: [...failed] });
  }
  return outcomes;
}

/**
 * The municipality an administrator means: the one named, or the only one of the deployment. Administrators
 * act for every municipality of the deployment, so with several they name it.
 */
export async function resolveMunicipality(deps: PrivacyDeps, requested: string | undefined): Promise<string> {
  const municipalities = await readMunicipalities(deps.db);
  if (requested !== undefined) {
    if (municipalities.some((m) => m.id === requested)) return requested;
    throw new DomainError('not-found', 'No municipality with this id exists.');
  }
  const [only, ...others] = municipalities;
  if (!only) throw new DomainError('not-found', 'There is no municipality yet.');
  if (others.length === 0) return only.id;
  throw new DomainError('validation-failed', 'Name the municipality: you can act for more than one.', [
    {
      field: 'query.municipalityId',
      code: 'municipality_required',
      message: 'is required: you can act for more than one municipality',
    },
  ]);
}

/** The rules of a municipality with their defaults, reasons and the latest runs (no personal data). */
export async function readRetention(
  deps: PrivacyDeps,
  requested: string | undefined,
): Promise<z.infer<typeof retentionRulesSchema>> {
  const municipalityId = await resolveMunicipality(deps, requested);
  const rules = await effectiveRules(deps, municipalityId);
  const runs = await readRecentRetentionRuns(deps.db, municipalityId, 7);
  return {
    municipalityId,
    rules: rules.map((rule) => ({
      kind: rule.kind,
      subject: rule.subject,
      holder: rule.holder,
      days: rule.days,
      defaultDays: rule.defaultDays,
      clockStarts: rule.clockStarts,
      reason: rule.reason,
    })),
    recentRuns: runs.map((run) => ({
      runOn: run.runOn,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      counts: RETENTION_RULES.map((rule) => ({ kind: rule.kind, expired: run.counts[rule.kind] ?? 0 })),
    })),
  };
}

/** The logs the measure of inactivity reads that retention itself empties: activity older than them is gone. */
const ACTIVITY_LOGS: readonly RetentionKind[] = ['contact-notes', 'call-out-records'];

/**
 * Inactivity can only be measured over a window the activity logs still cover: the days of
 * `key-figures-inactive` may not exceed those of contact notes or call-out records, or someone whose last
 * contact was already cleaned up would be erased as inactive. Refused as a field error on `body.days`
 * (`too_big` with kind `activity_log`, or `too_small` with kind `inactivity`), whichever side is changed.
 */
function checkActivityWindow(rules: readonly EffectiveRule[], kind: RetentionKind, days: number): void {
  const daysOf = (k: RetentionKind) => (k === kind ? days : (rules.find((r) => r.kind === k)?.days ?? 0));
  const inactive = daysOf('key-figures-inactive');
  const shortestLog = Math.min(...ACTIVITY_LOGS.map(daysOf));
  if (inactive <= shortestLog) return;
  if (kind === 'key-figures-inactive')
    throw new DomainError('validation-failed', 'The days exceed what the activity logs keep.', [
      {
        field: 'body.days',
        code: 'too_big',
        kind: 'activity_log',
        max: shortestLog,
        message: `must be at most ${shortestLog}: older contacts and call-out answers are no longer kept`,
      },
    ]);
  if (ACTIVITY_LOGS.includes(kind))
    throw new DomainError('validation-failed', 'The days are shorter than the inactivity window.', [
      {
        field: 'body.days',
        code: 'too_small',
        kind: 'inactivity',
        min: inactive,
        message: `must be at least ${inactive}: inactivity of key figures is measured over that many days`,
      },
    ]);
}

/** An administrator sets a municipality's retention for one kind (audited on the municipality). */
export async function setRetentionDays(
  deps: PrivacyDeps,
  origin: AuditOrigin,
  kind: RetentionKind,
  days: number,
  requested: string | undefined,
): Promise<z.infer<typeof retentionRulesSchema>> {
  const municipalityId = await resolveMunicipality(deps, requested);
  checkActivityWindow(await effectiveRules(deps, municipalityId), kind, days);
  const now = deps.now();
  await upsertRetentionRule(deps.db, {
    municipalityId,
    kind,
    days,
    updatedBy: origin.actorUserId,
    now,
  });
  await appendAuditEvent(
    deps.db,
    auditEvent(origin, 'privacy.retention-rule', { type: 'municipality', id: municipalityId }),
    now,
  );
  return readRetention(deps, municipalityId);
}

/**
 * "Wat wordt er binnenkort opgeschoond": per kind, how many records the job would expire today and how many
 * within the next `withinDays` days (counts only; nothing changes).
 */
export async function previewRetention(
  deps: PrivacyDeps,
  requested: string | undefined,
  withinDays: number,
): Promise<z.infer<typeof retentionPreviewSchema>> {
  const municipalityId = await resolveMunicipality(deps, requested);
  const today = localDate(deps.now());
  const kinds: z.infer<typeof retentionPreviewSchema>['kinds'] = [];
  for (const rule of await effectiveRules(deps, municipalityId)) {
    const dueNow = await applyRule(deps, rule, municipalityId, addDays(today, -rule.days), true);
    const dueSoon = await applyRule(deps, rule, municipalityId, addDays(today, withinDays - rule.days), true);
    kinds.push({ kind: rule.kind, days: rule.days, dueToday: dueNow.expired, dueWithin: dueSoon.expired });
  }
  return { municipalityId, today, withinDays, kinds };
}
