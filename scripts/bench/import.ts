/**
 * Bulk-import throughput (issue 7): N offer rows through the import service
 * (validation, writes, events), then until every row is searchable.
 * Run: npm run bench:import [-- --rows=10000]
 */
import { importListings } from '../../server/src/imports/service';
import { startBenchApp, writeResults } from './lib';

async function main() {
  const rows = Number(process.argv.find((a) => a.startsWith('--rows='))?.split('=')[1] ?? 10_000);
  const bench = await startBenchApp({ seedDemo: false });
  try {
    const { models } = bench.ctx.db;
    const org = await models.Organization.create({
      name: 'Viện đo tải',
      type: 'research_institute',
      province: 'CTO',
      verified: true,
    });
    const user = await models.User.create({
      email: 'bench@example.vn',
      passwordHash: 'x',
      name: 'Bench',
      organizationId: org._id,
      orgRole: 'owner',
    });
    const principal = {
      id: String(user._id),
      email: user.email,
      name: user.name,
      role: 'user' as const,
      organizationId: String(org._id),
      orgRole: 'owner' as const,
    };
    const records = Array.from({ length: rows }, (_, i) => ({
      ref: `BENCH-${i}`,
      title: `Kết quả nghiên cứu số ${i}: chế phẩm vi sinh xử lý môi trường ao nuôi`,
      summary: 'Chế phẩm vi sinh xử lý bùn đáy ao, giảm khí độc, tăng tỷ lệ sống của tôm nuôi thâm canh.',
      sectors: i % 2 ? 'aquaculture' : 'environment; biotech',
      keywords: 'vi sinh; bùn đáy',
      trl: String(3 + (i % 7)),
      province: ['Cần Thơ', 'Sóc Trăng', 'HCM', 'Hà Nội'][i % 4],
      transferModes: 'license_non_exclusive',
      ipType: 'patent',
      ipStatus: 'filed',
      negotiable: 'yes',
    }));
    const started = Date.now();
    const report = await importListings(bench.ctx, principal, 'offer', records, { dryRun: false, lang: 'vi' });
    const written = Date.now() - started;
    // The matcher would compete for the database; the target is "indexing included", so wait for the index only.
    await bench.ctx.matcher.stop();
    await bench.ctx.searchSync.settled(600_000);
    const searchable = Date.now() - started;
    const results = {
      when: new Date().toISOString(),
      dbEngine: bench.services.dbEngine,
      rows,
      created: report.created,
      writtenMs: written,
      searchableMs: searchable,
    };
    console.table({ import: results });
    console.log(`Results written to ${writeResults('import', results)}`);
  } finally {
    await bench.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
