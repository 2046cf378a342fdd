// `npm run bench [name…]`: runs the named benchmarks (all by default), each printing one JSON line.
const BENCHES: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  'orders-list': () => import('./orders-list.bench.ts'),
  'bulk-transition': () => import('./bulk-transition.bench.ts'),
  collect: () => import('./collect.bench.ts'),
  'send-invoices': () => import('./send-invoices.bench.ts'),
  'sheet-pull': () => import('./sheet-pull.bench.ts'),
  'sheet-push': () => import('./sheet-push.bench.ts'),
  'health-under-bulk': () => import('./health-under-bulk.bench.ts'),
  'order-export': () => import('./order-export.bench.ts'),
  'invoice-import': () => import('./invoice-import.bench.ts'),
  match: () => import('./match.bench.ts'),
  allocate: () => import('./allocate.bench.ts'),
  merge: () => import('./merge.bench.ts'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !(n in BENCHES));
if (unknown.length) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}\n`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  const bench = await BENCHES[name]!();
  await bench.run();
}
