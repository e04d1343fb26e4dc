/**
 * Bulk-import throughput (issue 7): N offer rows through the import service
 * (validation, writes, events, indexing); the import resolves once every new
 * listing is searchable, which is then checked in Meilisearch itself. Matching
 * of the new listings continues in the background afterwards.
 * Run: npm run bench:import [-- --rows=10000]
 */
import { registerAccount } from '../../server/src/modules/accounts/commands/registerAccount';
import { importListings } from '../../server/src/modules/imports/importListings';
import { startBenchApp, writeResults } from './lib';

async function main() {
  const rows = Number(process.argv.find((a) => a.startsWith('--rows='))?.split('=')[1] ?? 10_000);
  const bench = await startBenchApp({ seedDemo: false });
  try {
    const { user, organization: org } = await registerAccount(
      bench.ctx.db,
      {
        email: 'bench@example.vn',
        password: 'BenchImport2026',
        name: 'Bench',
        organization: { name: 'Viện đo tải', type: 'research_institute', province: 'CTO' },
      },
      { verified: true },
    );
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
    let last = '';
    const report = await importListings(bench.ctx, principal, 'offer', records, {
      dryRun: false,
      lang: 'vi',
      onProgress: (done, total, phase) => {
        const line = `${phase} ${Math.floor((done / total) * 10) * 10}%`;
        if (line !== last) console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s  ${line}`);
        last = line;
      },
    });
    // The import resolves once its new listings are searchable; check that in Meilisearch itself.
    const imported = Date.now() - started;
    const index = bench.ctx.search.client.index(bench.workers.searchSync.indexUid);
    const { estimatedTotalHits } = await index.search('', { filter: [`orgId = "${org._id}"`], limit: 0 });
    const searchable = Date.now() - started;
    if (estimatedTotalHits !== rows)
      throw new Error(`expected ${rows} searchable listings, found ${estimatedTotalHits}`);
    const results = {
      when: new Date().toISOString(),
      dbEngine: bench.services.dbEngine,
      rows,
      created: report.created,
      importedAndSearchableMs: imported,
      verifiedMs: searchable,
      rowsPerSecond: Math.round(rows / (imported / 1000)),
      searchableInIndex: estimatedTotalHits,
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
