import type { Kysely } from 'kysely';
import { type AuditOrigin, auditEvent } from '../audit/audit-origin.js';
import { appendAuditEvent } from '../audit/index.js';
import { readAllyCallOutTally } from '../call-outs/index.js';
import { findUserById } from '../identity/index.js';
import { readAttendanceTally } from '../meetings/index.js';
import {
  getNetworkCoverage,
  getRepresentativeness,
  readNetworkDates,
  readPeopleOfNetwork,
  readPeopleStates,
} from '../network/index.js';
import type { Database } from '../platform/db/schema.js';
import { transaction } from '../platform/db/transaction.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import { EVALUATION_INTERVAL_MONTHS } from './constants.js';
import type { EvaluationDeps } from './deps.js';
import {
  addDays,
  addMonths,
  dueState,
  evaluationPeriod,
  localToday,
  nextDueOn,
  startOfLocalDay,
} from './due-date.js';
import {
  insertEvaluation,
  readEvaluation,
  readEvaluations,
  readLatestEvaluationDates,
  readScheduledDueOn,
  upsertSchedule,
} from './evaluation-store.js';
import type { Evaluation, EvaluationDraft, EvaluationList, RecordEvaluation } from './schemas.js';

const notFound = () => new DomainError('not-found', 'No such record in your networks.');

async function audit(
  db: Kysely<Database>,
  origin: AuditOrigin,
  action: string,
  id: string,
  type: string,
  now: Date,
) {
  await appendAuditEvent(db, auditEvent(origin, action, { type, id }), now);
}

/** When the network's next evaluation is due and where that stands today. */
export async function dueOf(
  db: Kysely<Database>,
  networkId: string,
  now: Date,
): Promise<EvaluationList['due']> {
  const network = await readNetworkDates(db, networkId);
  if (!network) throw notFound();
  const [scheduled, latest] = await Promise.all([
    readScheduledDueOn(db, networkId),
    readLatestEvaluationDates(db, networkId),
  ]);
  const dueOn = nextDueOn({
    scheduled,
    lastHeldOn: latest?.heldOn ?? null,
    foundedOn: network.foundedOn,
    createdOn: localToday(new Date(network.createdAt)),
  });
  return { dueOn, state: dueState(dueOn, localToday(now)), scheduled: scheduled !== null };
}

/**
 * Only when the next evaluation is due and where that stands (staff of the network). Dates and a state, no personal
 * data, so not audited: the network page's notice reads this on every view.
 */
export async function getEvaluationDue(
  deps: EvaluationDeps,
  networkId: string,
): Promise<EvaluationList['due']> {
  return dueOf(deps.db, networkId, deps.now());
}

/** The network's evaluations (its history) and the next due date (staff of the network; audited). */
export async function listEvaluations(
  deps: EvaluationDeps,
  origin: AuditOrigin,
  networkId: string,
): Promise<EvaluationList> {
  const now = deps.now();
  const due = await dueOf(deps.db, networkId, now);
  const evaluations = await readEvaluations(deps.db, networkId);
  await audit(deps.db, origin, 'evaluation.list', networkId, 'network', now);
  return { due, evaluations };
}

type AllyFigures = EvaluationDraft['allies'][number];

/** Each current ally's figures over the period: attendance (meeting records), call-outs, signals once they exist. */
async function allyFigures(
  deps: EvaluationDeps,
  networkId: string,
  period: { from: string; to: string },
): Promise<AllyFigures[]> {
  const people = await readPeopleOfNetwork(deps.db, networkId);
  const allies = people.filter((p) => p.kind === 'ally');
  const [attendance, callOuts, signals] = await Promise.all([
    readAttendanceTally(deps.db, networkId, period.from, period.to),
    readAllyCallOutTally(
      deps.db,
      networkId,
      startOfLocalDay(period.from),
      startOfLocalDay(addDays(period.to, 1)),
    ),
    deps.signalTally ? deps.signalTally(networkId, period.from, period.to) : Promise.resolve(null),
  ]);
  return allies.map((ally) => ({
    personId: ally.id,
    displayName: ally.displayName,
    wijk: ally.neighbourhood?.name ?? null,
    meetingsHeld: attendance.held,
    meetingsAttended: attendance.presentByPerson.get(ally.id) ?? 0,
    callOuts: callOuts.get(ally.id)?.callOuts ?? 0,
    callOutsReached: callOuts.get(ally.id)?.reached ?? 0,
    signals: signals ? (signals.get(ally.id) ?? 0) : null,
  }));
}

/** The network-level questions: coverage gaps and where the mix differs from the target profile. */
async function networkQuestions(db: Kysely<Database>, networkId: string, allies: number) {
  const [coverage, mix] = await Promise.all([
    getNetworkCoverage(db, networkId),
    getRepresentativeness(db, networkId),
  ]);
  const neighbourhoods = new Map(coverage.neighbourhoods.map((n) => [n.id, n.name]));
  const communities = new Map(coverage.communities.map((c) => [c.id, c.name]));
  return {
    allies,
    coverageGaps: coverage.cells
      .filter((cell) => cell.relevant && cell.status !== 'ally')
      .map((cell) => ({
        neighbourhood: neighbourhoods.get(cell.neighbourhoodId) ?? '',
        community: communities.get(cell.communityId) ?? '',
      })),
    mixDifferences: mix.dimensions.flatMap((dimension) =>
      dimension.rows
        .filter((row) => row.highlighted)
        .map((row) => ({
          dimension: dimension.dimension,
          value: dimension.dimension === 'community' ? (communities.get(row.value) ?? row.value) : row.value,
          share: row.share,
          target: row.target,
        })),
    ),
  };
}

/** What the coordinators look at before deciding (staff of the network; audited as a read of the network's evaluation). */
export async function getEvaluationDraft(
  deps: EvaluationDeps,
  origin: AuditOrigin,
  networkId: string,
): Promise<EvaluationDraft> {
  const now = deps.now();
  const due = await dueOf(deps.db, networkId, now);
  const latest = await readLatestEvaluationDates(deps.db, networkId);
  const period = evaluationPeriod(latest?.periodTo ?? null, localToday(now));
  const allies = await allyFigures(deps, networkId, period);
  const network = await networkQuestions(deps.db, networkId, allies.length);
  await audit(deps.db, origin, 'evaluation.read', networkId, 'network', now);
  return { networkId, periodFrom: period.from, periodTo: period.to, due, allies, network };
}

function checkDecisions(allies: AllyFigures[], input: RecordEvaluation): FieldError[] {
  const errors: FieldError[] = [];
  const current = new Set(allies.map((a) => a.personId));
  const seen = new Set<string>();
  input.decisions.forEach((decision, index) => {
    if (!current.has(decision.personId))
      errors.push({
        field: `body.decisions.${index}.personId`,
        code: 'unknown_reference',
        kind: 'ally',
        message: 'is not an ally of this network',
      });
    else if (seen.has(decision.personId))
      errors.push({
        field: `body.decisions.${index}.personId`,
        code: 'duplicate',
        kind: 'ally',
        message: 'has a decision already',
      });
    seen.add(decision.personId);
  });
  const missing = allies.filter((a) => !seen.has(a.personId)).length;
  if (missing > 0)
    errors.push({
      field: 'body.decisions',
      code: 'required',
      kind: 'ally',
      count: missing,
      message: `every ally needs a decision; ${missing} missing`,
    });
  return errors;
}

/**
 * Stores the evaluation (coordinators; audited): a decision per current ally with the figures as they stand now,
 * the network-level answers, and the next due date six months on. A "goodbye" does not end the membership by
 * itself: the coordinators record the farewell (with its date and thanks) from the evaluation page.
 */
export async function recordEvaluation(
  deps: EvaluationDeps,
  origin: AuditOrigin,
  networkId: string,
  input: RecordEvaluation,
): Promise<Evaluation> {
  const now = deps.now();
  if (!(await readNetworkDates(deps.db, networkId))) throw notFound();
  const today = localToday(now);
  const latest = await readLatestEvaluationDates(deps.db, networkId);
  const period = evaluationPeriod(latest?.periodTo ?? null, today);
  const allies = await allyFigures(deps, networkId, period);
  const errors = checkDecisions(allies, input);
  if (errors.length > 0)
    throw new DomainError('validation-failed', 'One or more fields are not valid.', errors);
  const network = await networkQuestions(deps.db, networkId, allies.length);
  const byPerson = new Map(allies.map((a) => [a.personId, a]));
  const id = await transaction(deps.db, async (tx) => {
    const id = await insertEvaluation(
      tx,
      {
        networkId,
        periodFrom: period.from,
        periodTo: period.to,
        heldOn: today,
        mixNote: input.mixNote,
        gapsNote: input.gapsNote,
        generalNote: input.generalNote,
        coverageGaps: network.coverageGaps.length,
        recordedBy: origin.actorUserId,
      },
      input.decisions.map((decision) => {
        const figures = byPerson.get(decision.personId) as AllyFigures;
        return {
          person_id: decision.personId,
          decision: decision.decision,
          note: decision.note,
          meetings_held: figures.meetingsHeld,
          meetings_attended: figures.meetingsAttended,
          call_outs: figures.callOuts,
          call_outs_reached: figures.callOutsReached,
        };
      }),
      now,
    );
    await upsertSchedule(tx, networkId, addMonths(today, EVALUATION_INTERVAL_MONTHS), now);
    await appendAuditEvent(tx, auditEvent(origin, 'evaluation.record', { type: 'evaluation', id }), now);
    return id;
  });
  return readOne(deps.db, networkId, id);
}

async function readOne(db: Kysely<Database>, networkId: string, evaluationId: string): Promise<Evaluation> {
  const found = await readEvaluation(db, networkId, evaluationId);
  if (!found) throw notFound();
  const { evaluation, allies } = found;
  const [states, recorder] = await Promise.all([
    readPeopleStates(
      db,
      allies.map((a) => a.person_id),
    ),
    evaluation.recorded_by ? findUserById(db, evaluation.recorded_by) : Promise.resolve(undefined),
  ]);
  const stateOf = new Map(states.map((s) => [s.id, s]));
  return {
    id: evaluation.id,
    networkId: evaluation.network_id,
    periodFrom: evaluation.period_from,
    periodTo: evaluation.period_to,
    heldOn: evaluation.held_on,
    mixNote: evaluation.mix_note,
    gapsNote: evaluation.gaps_note,
    generalNote: evaluation.general_note,
    coverageGaps: evaluation.coverage_gaps,
    recordedBy: recorder?.displayName ?? null,
    allies: allies
      .map((a) => ({
        personId: a.person_id,
        displayName: stateOf.get(a.person_id)?.displayName ?? '',
        decision: a.decision,
        note: a.note,
        meetingsHeld: a.meetings_held,
        meetingsAttended: a.meetings_attended,
        callOuts: a.call_outs,
        callOutsReached: a.call_outs_reached,
        signals: null,
        kindNow: stateOf.get(a.person_id)?.kind ?? 'former_ally',
        versionNow: stateOf.get(a.person_id)?.version ?? 0,
      }))
      .sort((x, y) => x.displayName.localeCompare(y.displayName, 'nl')),
  };
}

/** One stored evaluation (staff of the network; audited). */
export async function getEvaluation(
  deps: EvaluationDeps,
  origin: AuditOrigin,
  networkId: string,
  evaluationId: string,
): Promise<Evaluation> {
  const evaluation = await readOne(deps.db, networkId, evaluationId);
  await audit(deps.db, origin, 'evaluation.read', evaluationId, 'evaluation', deps.now());
  return evaluation;
}

/** Moves the next evaluation's due date (coordinators; audited). */
export async function scheduleEvaluation(
  deps: EvaluationDeps,
  origin: AuditOrigin,
  networkId: string,
  nextDueOnDate: string,
): Promise<EvaluationList['due']> {
  const now = deps.now();
  if (!(await readNetworkDates(deps.db, networkId))) throw notFound();
  await upsertSchedule(deps.db, networkId, nextDueOnDate, now);
  await audit(deps.db, origin, 'evaluation.schedule', networkId, 'network', now);
  return dueOf(deps.db, networkId, now);
}
