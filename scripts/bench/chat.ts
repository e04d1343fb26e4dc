/**
 * Message round-trip between two connected clients (issue 5): A sends with
 * message:send, B receives message:new; p50/p95 over N messages.
 * Run: npm run bench:chat [-- --quick]
 */
import { connectSocket, type LatencySummary, openDemoDeal, startBenchApp, summarize, writeResults } from './lib';

export async function chatRoundTrip(url: string, count: number): Promise<LatencySummary> {
  const { enterprise, institute, dealId } = await openDemoDeal(url);
  const [sa, sb] = await Promise.all([connectSocket(url, enterprise), connectSocket(url, institute)]);
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const clientId = `bench-${Date.now()}-${i}`;
      const received = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message:new within 5 s')), 5000);
        const on = (p: { message: { clientId: string } }) => {
          if (p.message.clientId !== clientId) return;
          clearTimeout(timer);
          sb.off('message:new', on);
          resolve(performance.now());
        };
        sb.on('message:new', on);
      });
      const started = performance.now();
      sa.emit('message:send', { dealId, body: `Tin nhắn đo ${i}`, clientId }, () => undefined);
      samples.push((await received) - started);
    }
  } finally {
    sa.close();
    sb.close();
  }
  return summarize(samples);
}

async function main() {
  const quick = process.argv.includes('--quick');
  const bench = await startBenchApp();
  try {
    await bench.workers.searchSync.settled(120_000);
    await chatRoundTrip(bench.url, 20);
    const roundTrip = await chatRoundTrip(bench.url, quick ? 100 : 500);
    console.table({ 'message round trip (ms)': roundTrip });
    console.log(
      `Results written to ${writeResults('chat', { when: new Date().toISOString(), dbEngine: bench.services.dbEngine, roundTrip })}`,
    );
  } finally {
    await bench.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
