// Child process: fires `amount` requests at `connections` concurrency and reports; its CPU is not the server's.
import autocannon from 'autocannon';

const { url, headers, connections, amount } = JSON.parse(process.argv[2]);
autocannon({ url, headers, connections, amount }, (error, result) => {
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
