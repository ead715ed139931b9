// Preloaded with `node --import` into a measured process: prints its peak memory at exit.
process.on('exit', () => {
  const mb = process.resourceUsage().maxRSS / 1024;
  process.stderr.write(`\nBENCH_PEAK_RSS_MB=${mb.toFixed(1)}\n`);
});
