/** One load run: `connections` keep-alive connections hammer `url` for `durationSeconds`. */
export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  /**
   * When given, connection i sends `headersPerConnection[i % length]` instead of `headers` for its whole run (the
   * many-user rows: one signed-in user per connection).
   */
  headersPerConnection?: Record<string, string>[];
  connections: number;
  durationSeconds: number;
}

/** What a load run measured; latencies in milliseconds over every response. */
export interface LoadSummary {
  /** 2xx responses per second of wall-clock time: failures do not count as throughput. */
  requestsPerSecond: number;
  responses: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  non2xx: number;
  elapsedSeconds: number;
}
