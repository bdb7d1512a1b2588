// The README's forecast table: for each bundled scenario, the 10% and 50% dates and P(TAI by the end
// of 2030, 2036, 2040, 2050), from `bioanchors run <id> -n 1000000` (the same API call), as markdown
// rows. Usage: npm run build && node bench/forecast-table.mjs [-n WORLDS] [ids...]
import { parseArgs } from 'node:util';
import { forecast, loadInput, nodeWorkers } from '../dist/index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { n: { type: 'string', short: 'n', default: '1000000' } } });
const ids = positionals.length
  ? positionals
  : [
      'cotra-2020',
      'rp-2020',
      'cotra-2022',
      'cotra-2022-fit',
      'observed-trends-2026',
      'observed-trends-2026-report-progress',
      'critique-physical-ceiling',
      'critique-slower-hardware',
      'critique-yudkowsky',
    ];
const date = (c) =>
  c.status === 'year'
    ? c.year.toFixed(1)
    : c.status === 'at-or-before-start'
      ? `≤${c.year.toFixed(0)}`
      : c.status === 'after-horizon'
        ? `>${c.year ?? ''}`
        : c.status;
for (const id of ids) {
  const { forecast: f } = await forecast(loadInput(id), { samples: Number(values.n), threads: 2, workers: nodeWorkers() });
  const at = (y) => `${(100 * f.cdf[f.years.indexOf(y)]).toFixed(1)}%`;
  const level = (l) => date(f.crossings.find((c) => c.level === l));
  console.log(`| \`${id}\` | ${level(0.1)} | ${level(0.5)} | ${at(2030)} | ${at(2036)} | ${at(2040)} | ${at(2050)} |`);
}
