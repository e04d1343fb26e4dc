/**
 * Message round-trip between two connected clients (issue 5): A sends with
 * message:send, B receives message:new; p50/p95 over N messages.
 * Run: npm run bench:chat [-- --quick]
 */
import { io } from 'socket.io-client';
import { type LatencySummary, login, startBenchApp, summarize, writeResults } from './lib';

type Sock = ReturnType<typeof io>;

function connect(url: string, token: string): Promise<Sock> {
  const s = io(url, { auth: { token }, transports: ['websocket'] });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

export async function chatRoundTrip(url: string, count: number): Promise<LatencySummary> {
  const [a, b] = await Promise.all([login(url, 'doanhnghiep@demo.vn'), login(url, 'vien@demo.vn')]);
  const me = (await (await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${b}` } })).json()) as {
    organization: { id: string };
  };
  const search = (await (await fetch(`${url}/api/search?type=offer&limit=1&org=${me.organization.id}`)).json()) as {
    hits: { id: string }[];
  };
  const opened = await fetch(`${url}/api/deals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${a}` },
    body: JSON.stringify({ offerId: search.hits[0].id }),
  });
  const { data: deal } = (await opened.json()) as { data: { id: string } };
  const [sa, sb] = await Promise.all([connect(url, a), connect(url, b)]);
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
      sa.emit('message:send', { dealId: deal.id, body: `Tin nhắn đo ${i}`, clientId }, () => undefined);
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
    await bench.ctx.searchSync.settled(120_000);
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
