/** Open call-out pages to simulate: each polls the change stamp every `periodMs`, spread evenly over it. */
export interface PollStart {
  baseUrl: string;
  callOutId: string;
  /** One `Cookie` header per page (pages may share a session). */
  cookies: string[];
  /** Sent with every request besides the cookie (the tab's client header). */
  headers: Record<string, string>;
  periodMs: number;
  /** Read the call-out again when the stamp changed, as the tab does (an audited read). */
  reread: boolean;
}

/** One request a page made: when it started (epoch ms), how long it took (ms), its status (0: no answer). */
export type PollSample = [startedAt: number, ms: number, status: number];

/** What the pages did between start and stop. */
export interface PollResult {
  stamps: PollSample[];
  rereads: PollSample[];
  /** Polls skipped because the page's previous poll had not come back by its next turn. */
  skipped: number;
}
