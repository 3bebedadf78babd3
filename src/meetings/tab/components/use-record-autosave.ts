import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../tab/api/api-error.js';
import type { ApiClient } from '../../../tab/api/client.js';
import { getMeeting, type Meeting, putMeetingRecord } from '../meeting-endpoints.js';
import {
  type ActionDraft,
  actionFilledIn,
  draftOf,
  type Participant,
  type RecordDraft,
  recordBody,
} from './record-fields.js';

/** How long typing must pause before the record is saved. */
export const AUTOSAVE_DELAY_MS = 800;
/** How long a failed save waits before it tries again by itself. */
export const AUTOSAVE_RETRY_MS = 5000;

/** Where the live record stands, as the panel shows it. */
export type AutosaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; at: Date }
  /** `retryable`: the server or the connection failed (tried again by itself), not the input. */
  | { status: 'failed'; error: unknown; retryable: boolean }
  | { status: 'conflict' };

/** The meeting's actions as editable rows (the panel edits them in place, not only adds new ones). */
export function actionDraftsOf(meeting: Meeting): ActionDraft[] {
  return meeting.actions
    .filter((action) => action.meetingId === meeting.id)
    .map((action, index) => ({
      key: index + 1,
      id: action.id,
      description: action.description,
      owner: action.owner ? `${action.owner.kind}:${action.owner.id}` : '',
      dueOn: action.dueOn ?? '',
    }));
}

/** A failure worth trying again unchanged: no answer, a server error or a rate limit (not a refused input). */
function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.kind === 'network' || error.status >= 500 || error.status === 429 || error.status === 408;
}

/** The ids the server gave the new actions of a saved draft, by row key (matched on what was sent). */
function newActionIds(sent: RecordDraft, saved: Meeting, knownIds: Set<string>): Map<number, string> {
  const fresh = saved.actions.filter((action) => action.meetingId === saved.id && !knownIds.has(action.id));
  const ids = new Map<number, string>();
  for (const row of sent.actions.filter((action) => !action.id && actionFilledIn(action))) {
    const match = fresh.find(
      (action) => action.description === row.description.trim() && ![...ids.values()].includes(action.id),
    );
    if (match) ids.set(row.key, match.id);
  }
  return ids;
}

/**
 * The meeting record, saved as it is typed: each change waits {@link AUTOSAVE_DELAY_MS} of quiet, then goes
 * to the same `PUT …/record` the meetings page uses, with the version it last read (the API's optimistic
 * concurrency). The input is never thrown away: a failed save keeps it, says so and tries again; a save that
 * meets someone else's change (409) stops and lets the user keep their version or load the other one.
 */
export function useRecordAutosave(options: {
  api: ApiClient;
  meeting: Meeting;
  everyone: Participant[];
  onSaved: (meeting: Meeting) => void;
}) {
  const { api, meeting, everyone, onSaved } = options;
  const [draft, setDraft] = useState<RecordDraft>(() => draftOf(meeting.record, actionDraftsOf(meeting)));
  const [state, setState] = useState<AutosaveState>({ status: 'idle' });
  const [edits, setEdits] = useState(0);
  const latest = useRef({ draft, edits, version: meeting.record?.version ?? 0, everyone });
  latest.current.draft = draft;
  latest.current.edits = edits;
  latest.current.everyone = everyone;
  const knownIds = useRef(new Set(meeting.actions.map((action) => action.id)));
  const saving = useRef(false);
  const savedEdits = useRef(0);

  const change = useCallback((update: (current: RecordDraft) => RecordDraft) => {
    setDraft(update);
    setEdits((n) => n + 1);
  }, []);

  const save = useCallback(async () => {
    if (saving.current) return;
    saving.current = true;
    const { draft: sent, edits: editsSent, version, everyone: people } = latest.current;
    setState({ status: 'saving' });
    try {
      const saved = await putMeetingRecord(
        api,
        meeting.networkId,
        meeting.id,
        recordBody(sent, people, version),
      );
      latest.current.version = saved.record?.version ?? version;
      const ids = newActionIds(sent, saved, knownIds.current);
      for (const id of ids.values()) knownIds.current.add(id);
      if (ids.size > 0)
        setDraft((current) => ({
          ...current,
          actions: current.actions.map((action) =>
            action.id ? action : { ...action, id: ids.get(action.key) },
          ),
        }));
      savedEdits.current = editsSent;
      setState({ status: 'saved', at: new Date() });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setState({ status: 'conflict' });
      else setState({ status: 'failed', error, retryable: isRetryable(error) });
    } finally {
      saving.current = false;
    }
  }, [api, meeting.networkId, meeting.id, onSaved]);

  // Typing pauses: save. A change made while a save was under way is saved once that one has finished.
  useEffect(() => {
    if (edits === 0 || edits === savedEdits.current || state.status === 'conflict') return;
    if (state.status === 'saving') return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [edits, state.status, save]);

  // A save that failed on the way (not on a field the user must fix) tries again by itself.
  useEffect(() => {
    if (state.status !== 'failed' || !state.retryable) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_RETRY_MS);
    return () => clearTimeout(timer);
  }, [state, save]);

  // Closing the panel, or Teams hiding it, saves what still waits for its pause (not over a conflict).
  const conflicted = state.status === 'conflict';
  const conflictedRef = useRef(conflicted);
  conflictedRef.current = conflicted;
  useEffect(() => {
    const flush = () => {
      if (!conflictedRef.current && latest.current.edits !== savedEdits.current) void save();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [save]);

  /** After a conflict: keep this input and save it over the other change (the latest version is read first). */
  const keepMine = useCallback(async () => {
    const current = await getMeeting(api, meeting.networkId, meeting.id);
    latest.current.version = current.record?.version ?? 0;
    for (const action of current.actions) knownIds.current.add(action.id);
    await save();
  }, [api, meeting.networkId, meeting.id, save]);

  /** After a conflict: drop this input and show the record as someone else saved it. */
  const loadTheirs = useCallback(async () => {
    const current = await getMeeting(api, meeting.networkId, meeting.id);
    latest.current.version = current.record?.version ?? 0;
    knownIds.current = new Set(current.actions.map((action) => action.id));
    setDraft(draftOf(current.record, actionDraftsOf(current)));
    savedEdits.current = latest.current.edits;
    setState({ status: 'saved', at: new Date() });
    onSaved(current);
  }, [api, meeting.networkId, meeting.id, onSaved]);

  return { draft, change, state, retry: save, keepMine, loadTheirs };
}
