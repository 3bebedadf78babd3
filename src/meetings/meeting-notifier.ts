/**
 * What the meetings domain tells the outside world once a meeting record is stored. The bot implements it
 * (a proactive "next meeting proposal" card to the network's secretaries); without a bot nothing listens
 * and recording works the same.
 */

/** A meeting's record was stored for the first time: ids only, never names. */
export interface MeetingRecordedEvent {
  networkId: string;
  meetingId: string;
  /** The staff member who recorded it; null when no signed-in user did. */
  recordedByUserId: string | null;
}

export interface MeetingNotifier {
  /**
   * Called after the record is committed. May take a while (the planner, the channel); the meetings
   * service does not wait for it, and a failure never undoes or fails the record.
   */
  meetingRecorded(event: MeetingRecordedEvent): Promise<void>;
}
