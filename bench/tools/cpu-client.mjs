// Child process: fires `amount` requests at `connections` concurrency and reports; its CPU is not the server's.
import autocannon from 'autocannon';

const { url, headers, headersPerConnection = [], connections, amount } = JSON.parse(process.argv[2]);
let clients = 0;
// With headersPerConnection, connection i is signed in as user i (mod their number) for its whole run.
const setupClient = (client) => {
  client.setHeaders(headersPerConnection[clients % headersPerConnection.length]);
  clients += 1;
};
const options = {
  url,
  headers,
  connections,
  amount,
  ...(headersPerConnection.length > 0 ? { setupClient } : {}),
};
autocannon(options, (error, result) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  process.stdout.write(
    JSON.stringify({
      non2xx: result.non2xx,
      errors: result.errors,
      rps: result.requests.average,
      p50: result.latency.p50,
    }),
  );
});
