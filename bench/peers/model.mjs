// The simplified benchmark model's numbers, read from its scenario and anchor files (bench/simplified),
// so the peers below and bioanchors run exactly the same model. Prints them as JSON for the Python peer.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'simplified');
const scenario = JSON.parse(readFileSync(join(dir, 'simplified.json'), 'utf8'));
const Z95 = 1.6448536269514722; // the 95th percentile of the standard normal
const lognormal = (d) => ({ mu: (Math.log(d.low) + Math.log(d.high)) / 2, sigma: (Math.log(d.high) - Math.log(d.low)) / (2 * Z95) });

export const model = {
  startYear: scenario.startYear,
  horizonYear: scenario.horizonYear,
  anchors: Object.entries(scenario.anchors).map(([id, a]) => {
    const v = JSON.parse(readFileSync(join(dir, 'anchors', `${id}.json`), 'utf8')).variables.requirementLog10Flop;
    return { weight: a.weight, median: v.median, sd: v.sd };
  }),
  price: { log10FlopPerUsd: scenario.pricePerformance.log10FlopPerUsd, year: scenario.pricePerformance.year, doubling: lognormal(scenario.pricePerformance.doublingYears), max: scenario.pricePerformance.maxLog10FlopPerUsd },
  spend: { log10Usd: scenario.spending.log10UsdPerRun, year: scenario.spending.year, doubling: lognormal(scenario.spending.doublingYears), log10Gdp: scenario.spending.log10GdpUsd, gdpYear: scenario.spending.gdpYear, gdpGrowth: scenario.spending.gdpGrowthPerYear, maxFraction: scenario.spending.maxGdpFraction },
  algorithmic: { startYear: scenario.algorithmicProgress.startYear, halving: lognormal(scenario.algorithmicProgress.halvingYears), maxOom: scenario.algorithmicProgress.maxOom },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(model));
