// Runs in a worker thread (see load.ts): the load generator must not share the server's event loop.
import { parentPort } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { LoadRequest, LoadSummary } from './load-types.js';
import { percentile } from './stats.js';

function run(request: LoadRequest): Promise<LoadSummary> {
  const latencies: number[] = [];
  let successes = 0;
  const started = performance.now();
  const perConnection = request.headersPerConnection ?? [];
  let clients = 0;
  return new Promise((resolve, reject) => {
    // autocannon's own summary has no 95th percentile, so every response time is kept and ranked here.
    const instance = autocannon(
      {
        url: request.url,
        headers: request.headers,
        connections: request.connections,
        duration: request.durationSeconds,
        // Called once per connection as autocannon opens it: its own user's headers from then on.
        ...(perConnection.length > 0
          ? {
              setupClient: (client: { setHeaders(headers: Record<string, string>): void }) => {
                client.setHeaders(perConnection[clients % perConnection.length] as Record<string, string>);
                clients += 1;
              },
            }
          : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        const elapsedSeconds = (performance.now() - started) / 1000;
        const sorted = Float64Array.from(latencies).sort();
        resolve({
          requestsPerSecond: successes / elapsedSeconds,
          responses: latencies.length,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : Number.NaN,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          elapsedSeconds,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 200 && statusCode < 300) successes += 1;
    });
  });
}

// One request at a time: the caller awaits each answer before sending the next.
parentPort?.on('message', (request: LoadRequest) => {
  run(request).then(
    (summary) => parentPort?.postMessage({ ok: true, summary }),
    (error: unknown) => parentPort?.postMessage({ ok: false, error: String(error) }),
  );
});
