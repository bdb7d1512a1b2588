// A forecast, a comparison and a sensitivity analysis from TypeScript, on two threads.
import { compare, forecast, loadInput, nodeWorkers, sensitivity } from 'bioanchors';

const threads = { threads: 2, workers: nodeWorkers() };
const base = loadInput('cotra-2020');

const { forecast: f, manifest } = await forecast(base, { ...threads, samples: 2_000_000 });
const median = f.crossings.find((c) => c.level === 0.5)!;
console.log(
  `${f.scenarioLabel}: 50% by ${median.year?.toFixed(1)} (±${median.se?.toFixed(2)}), P(by 2050) ${(100 * f.cdf[f.years.indexOf(2050)]).toFixed(1)}%, seed ${manifest.seed}, ${manifest.samples} worlds`,
);

const { comparison } = await compare([base, loadInput('cotra-2020-aggressive')], { ...threads, samples: 1_000_000 });
const d = comparison.differences[0];
const j = comparison.forecasts[0].years.indexOf(2040);
console.log(`aggressive − best guess, P(by 2040): ${(100 * d.diff[j]).toFixed(2)} pp ± ${(100 * d.se[j]).toFixed(2)} (paired)`);

const { result } = await sensitivity(base, { ...threads, samples: 100_000 });
for (const row of result.rows.slice(0, 3)) console.log(`${row.input.name}: median ${row.atLow?.toFixed(1)} → ${row.atHigh?.toFixed(1)}`);
