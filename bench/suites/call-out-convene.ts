import type { Kysely } from 'kysely';
import pino from 'pino';
import { startCallOut } from '../../src/call-outs/call-out-service.js';
import { conveneCallOut } from '../../src/call-outs/convene/convene-service.js';
import { GraphCalendar } from '../../src/m365/graph-calendar.js';
import { createGraphClient } from '../../src/m365/graph-client.js';
import { GraphMail } from '../../src/m365/graph-mail.js';
import type { Database } from '../../src/platform/db/schema.js';
import { accessOf, addLargeNetwork, originOf } from '../../tests/call-outs/fixtures.js';
import {
  type GraphCalendarStandIn,
  startGraphCalendarStandIn,
} from '../../tests/stand-ins/graph-calendar.js';
import { type GraphMailStandIn, startGraphMailStandIn } from '../../tests/stand-ins/graph-mail.js';
import { BENCH_ENGINE } from '../lib/database.js';
import { benchServer } from '../lib/server.js';
import { median, percentile, ratio, sortedCopy } from '../lib/stats.js';
import type { BenchOptions, Column, MeasurementRow, Suite, SuiteOutcome } from '../lib/types.js';

const TOKEN = 'bench-convene-token';
const STAFF = 15;
const ALLIES = 15;
/** The same concurrency the service uses for sendMail, so the baseline makes the same calls the same way. */
const MAIL_CONCURRENCY = 4;

const COLUMNS: Column[] = [
  { key: 'runs', title: 'runs' },
  { key: 'medianMs', title: 'median ms', digits: 1 },
  { key: 'p95Ms', title: 'p95 ms', digits: 1 },
  { key: 'maxMs', title: 'max ms', digits: 1 },
  { key: 'graphCalls', title: 'Graph calls/run', digits: 0 },
];

interface Prepared {
  callOutId: string;
  coordinatorId: string;
  attendees: { address: string; name: string; type: 'required' }[];
  allyAddresses: string[];
}

/**
 * A call-out on a fictional network of 15 staff (all answered "coming") and 15 allies on the call list
 * (all reached, all coming, each with an address). Set up outside the measured time.
 */
async function prepare(db: Kysely<Database>, network: Awaited<ReturnType<typeof addLargeNetwork>>) {
  const access = await accessOf(db, network.coordinatorId);
  const callOut = await startCallOut(
    db,
    originOf(network.coordinatorId),
    access,
    {
      kind: 'incident',
      urgency: 'immediate',
      summary: 'Fictief bench-incident',
      ask: 'Geen actie: meting',
      placeIds: [network.wijkId],
      communityIds: [],
    },
    new Date(),
  );
  const now = new Date();
  await db
    .insertInto('call_out_answers')
    .values(
      network.userIds.map((user_id) => ({
        call_out_id: callOut.id,
        user_id,
        answer: 'coming' as const,
        answered_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['call_out_id', 'user_id']).doNothing())
    .execute();
  const municipality = await db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow();
  const networkRow = await db
    .selectFrom('network_roles')
    .select('network_id')
    .where('user_id', '=', network.coordinatorId)
    .executeTakeFirstOrThrow();
  const tag = callOut.id.slice(0, 8);
  const people = await db
    .insertInto('people')
    .values(
      Array.from({ length: ALLIES }, (_, i) => ({
        municipality_id: municipality.id,
        display_name: `Proefbondgenoot ${tag}-${i + 1}`,
        kind: 'ally' as const,
        email: `proefbondgenoot-${tag}-${i + 1}@example.org`,
      })),
    )
    .returning(['id', 'email', 'display_name'])
    .execute();
  await db
    .insertInto('call_out_allies')
    .values(
      people.map((p) => ({
        call_out_id: callOut.id,
        person_id: p.id,
        network_id: networkRow.network_id,
        caller_user_id: network.coordinatorId,
      })),
    )
    .execute();
  await db
    .insertInto('call_out_calls')
    .values(
      people.map((p) => ({
        call_out_id: callOut.id,
        person_id: p.id,
        caller_user_id: network.coordinatorId,
        outcome: 'reached' as const,
        coming: true,
        recorded_at: now,
      })),
    )
    .execute();
  const staff = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('id', 'in', network.userIds)
    .execute();
  return {
    callOutId: callOut.id,
    coordinatorId: network.coordinatorId,
    attendees: [
      ...staff
        .filter((s) => s.id !== network.coordinatorId)
        .map((s) => ({ address: s.email as string, name: s.display_name, type: 'required' as const })),
      ...people.map((p) => ({ address: p.email as string, name: p.display_name, type: 'required' as const })),
    ],
    allyAddresses: people.map((p) => p.email as string),
  } satisfies Prepared;
}

/** The baseline: the same Graph calls (one createEvent, one sendMail per ally), bare: no database, no bookkeeping. */
async function bareGraphCalls(
  calendar: GraphCalendar,
  mail: GraphMail,
  organiser: string,
  prepared: Prepared,
): Promise<void> {
  const start = new Date();
  await calendar.createEvent(
    organiser,
    {
      subject: 'Bijeenkomst (bench)',
      bodyHtml: '<p>meting</p>',
      location: null,
      start: start.toISOString(),
      end: new Date(start.getTime() + 90 * 60_000).toISOString(),
      timeZone: 'Europe/Amsterdam',
      attendees: prepared.attendees,
      isOnlineMeeting: true,
    },
    crypto.randomUUID(),
  );
  const queue = [...prepared.allyAddresses];
  const worker = async () => {
    for (let address = queue.shift(); address; address = queue.shift())
      await mail.send(organiser, {
        to: [{ address, name: null }],
        subject: 'Bijeenkomst (bench)',
        html: '<p>meting</p>',
        text: 'meting',
      });
  };
  await Promise.all(Array.from({ length: MAIL_CONCURRENCY }, worker));
}

function summary(
  label: string,
  role: MeasurementRow['role'],
  samples: number[],
  graphCalls: number,
): MeasurementRow {
  const sorted = sortedCopy(samples);
  return {
    role,
    label,
    values: {
      runs: samples.length,
      medianMs: median(samples),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted[sorted.length - 1] ?? Number.NaN,
      graphCalls,
    },
  };
}

/** Bijeenkomst nu for 15 coming staff and 15 coming allies vs the same Graph calls made bare. */
export const callOutConvene: Suite = {
  name: 'call-out-convene',
  summary: 'Bijeenkomst nu (meeting + 15 invited staff + 15 ally e-mails) vs the same Graph calls bare',
  async run(options: BenchOptions): Promise<SuiteOutcome> {
    const runs = options.quick ? 5 : 20;
    const server = await benchServer();
    const { db } = server.database;
    const graphCalendar: GraphCalendarStandIn = await startGraphCalendarStandIn({ token: TOKEN });
    const graphMail: GraphMailStandIn = await startGraphMailStandIn({ token: TOKEN });
    try {
      const client = (baseUrl: string) =>
        createGraphClient({
          graphBaseUrl: baseUrl,
          tokens: { appOnly: async () => TOKEN, onBehalfOf: async () => TOKEN },
          credential: { kind: 'app' },
        });
      const calendar = new GraphCalendar(client(graphCalendar.baseUrl));
      const mail = new GraphMail(client(graphMail.baseUrl));
      const deps = {
        db,
        calendar,
        mail,
        logger: pino({ level: 'silent' }),
        publicUrl: 'http://localhost',
        now: () => new Date(),
      };
      const network = await addLargeNetwork(db, STAFF, 'http://127.0.0.1:9/unused');
      // addLargeNetwork makes staff without addresses; invitations need them.
      for (const [i, id] of network.userIds.entries())
        await db
          .updateTable('users')
          .set({ email: `proefmedewerker-${id.slice(0, 8)}-${i}@example.org` })
          .where('id', '=', id)
          .execute();
      const organiser = (
        await db
          .selectFrom('users')
          .select('aad_object_id')
          .where('id', '=', network.coordinatorId)
          .executeTakeFirstOrThrow()
      ).aad_object_id;
      const access = await accessOf(db, network.coordinatorId);

      const subject: number[] = [];
      const baseline: number[] = [];
      let wrong = 0;
      // One unrecorded warm-up of each, then alternate which goes first.
      for (let run = -1; run < runs; run++) {
        const prepared = await prepare(db, network);
        const measureSubject = async () => {
          const before = { events: graphCalendar.requests.length, mails: graphMail.sent.length };
          const t0 = performance.now();
          const result = await conveneCallOut(
            deps,
            originOf(network.coordinatorId),
            access,
            prepared.callOutId,
            {
              startAt: null,
              durationMinutes: 90,
            },
          );
          const ms = performance.now() - t0;
          const sentMails = graphMail.sent.length - before.mails;
          const newEvents = graphCalendar.requests.length - before.events;
          if (
            result.mail.sent !== ALLIES ||
            sentMails !== ALLIES ||
            newEvents !== 1 ||
            result.invited?.allies !== ALLIES ||
            result.invited?.staff !== STAFF - 1
          )
            wrong++;
          return ms;
        };
        const measureBaseline = async () => {
          const t0 = performance.now();
          await bareGraphCalls(calendar, mail, organiser, prepared);
          return performance.now() - t0;
        };
        const first = run % 2 === 0 ? measureSubject : measureBaseline;
        const second = first === measureSubject ? measureBaseline : measureSubject;
        const a = await first();
        const b = await second();
        if (run < 0) continue;
        subject.push(first === measureSubject ? a : b);
        baseline.push(first === measureSubject ? b : a);
      }
      const s = summary(
        'Bijeenkomst nu: conveneCallOut (DB, audit, timeline, Graph)',
        'subject',
        subject,
        1 + ALLIES,
      );
      const b = summary(
        'same Graph calls bare (createEvent + 15 sendMail)',
        'baseline',
        baseline,
        1 + ALLIES,
      );
      return {
        status: wrong === 0 ? 'ok' : 'failed',
        message:
          wrong === 0
            ? 'every run: one event with 14 staff + 15 allies invited, 15 e-mails accepted'
            : `${wrong} run(s) did not create exactly one event and 15 e-mails`,
        columns: COLUMNS,
        rows: [b, s],
        ratios: [
          {
            label: 'Bijeenkomst nu p95 (s): meeting created and all invites handed to Graph',
            value: (s.values.p95Ms as number) / 1000,
            better: 'lower',
            goal: { atMost: 5 },
          },
          {
            label: 'subject ÷ bare Graph calls (median)',
            value: ratio(s.values.medianMs as number, b.values.medianMs as number),
            better: 'lower',
          },
        ],
        facts: {
          engine: BENCH_ENGINE,
          runs,
          staff: STAFF,
          allies: ALLIES,
          mailConcurrency: MAIL_CONCURRENCY,
        },
      };
    } finally {
      await graphCalendar.close();
      await graphMail.close();
    }
  },
};
