import type { DateOnly, Timestamp } from '../platform/db/column-types.js';

/** When a network's next half-yearly evaluation is due (migration 0027); absent, it follows from its history. */
export interface EvaluationSchedulesTable {
  network_id: string;
  next_due_on: DateOnly;
  updated_at: Timestamp;
}

/** One held half-yearly evaluation ("zitten de juiste mensen aan tafel?") with its network-level answers. */
export interface EvaluationsTable {
  id: string;
  network_id: string;
  period_from: DateOnly;
  period_to: DateOnly;
  held_on: DateOnly;
  mix_note: string | null;
  gaps_note: string | null;
  general_note: string | null;
  coverage_gaps: number;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

/** Per ally: the decision (continue / talk to / say goodbye) with the figures the coordinators saw. */
export interface EvaluationAlliesTable {
  evaluation_id: string;
  person_id: string;
  decision: 'continue' | 'talk' | 'goodbye';
  note: string | null;
  meetings_held: number;
  meetings_attended: number;
  call_outs: number;
  call_outs_reached: number;
}

/** The tables the evaluation capability owns. */
export interface EvaluationTables {
  evaluation_schedules: EvaluationSchedulesTable;
  evaluations: EvaluationsTable;
  evaluation_allies: EvaluationAlliesTable;
}
