// How much common random numbers sharpen a paired comparison (issue 11 §2): the 95% CI
// half-width of the paired difference between the SaaS desk as it is and with one more Tier-2
// agent on the day shift, with common random numbers (one seed for both) and with independent
// seeds, replication by replication. Not part of `npm test`; figures go to docs/decisions.md.
//
//   node bench/crn.mjs [--dist DIR] [--replications N] [--seed S]
//
// `--dist` points at another build (e.g. an older checkout's dist/) to measure it the same way.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, replications: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' } } });
const dist = resolve(values.dist);
const load = async (path) => import(pathToFileURL(`${dist}/${path}`).href);
const { loadScenarioText } = await load('scenarios/load.js');
const { runReplications } = await load('workers/replications.js');
const { buildRunResult } = await load('analysis/run/result.js');
const { pairedDifference } = await load('analysis/pairedDifference.js');
const { pointSeed } = await load('workers/seed.js');

const text = readFileSync('scenarios/saas-support.yaml', 'utf8');
const R = Number(values.replications);
const seed = Number(values.seed);
const change = 'agents[3].shifts[1].count';

/** Per replication, the metrics compared (one run result per replication). */
function perReplication(overrides, runSeed) {
  const { model } = loadScenarioText(text, 'saas-support.yaml', { overrides });
  return runReplications(model, runSeed, R).map((c) => {
    const s = buildRunResult(model, runSeed, [c], { intervals: false }).summary;
    return {
      'tiers.2.asaSec': s.tiers['2'].asaSec.mean,
      'tiers.2.attainment': s.tiers['2'].attainment.mean,
      'groups.tier2.occupancy': s.groups.tier2.occupancy.mean,
      'groups.tier2.availableHours': s.groups.tier2.availableHours.mean,
      'channels.chat.serviceLevel': s.channels.chat.serviceLevel.mean,
      'channels.chat.abandonRate': s.channels.chat.abandonRate.mean,
    };
  });
}

const base = perReplication([`${change}=4`], seed);
const crn = perReplication([`${change}=5`], seed);
const independent = perReplication([`${change}=5`], pointSeed(seed, 1, false));
const halfWidth = (d) => (d.ci95 ? (d.ci95[1] - d.ci95[0]) / 2 : null);
for (const metric of Object.keys(base[0])) {
  const series = (rows) => rows.map((r) => r[metric] ?? NaN);
  const dCrn = pairedDifference(series(crn), series(base));
  const dInd = pairedDifference(series(independent), series(base));
  const hCrn = halfWidth(dCrn);
  const hInd = halfWidth(dInd);
  console.log(JSON.stringify({
    metric, replications: R, meanCrn: dCrn.mean, halfWidthCrn: hCrn, meanIndependent: dInd.mean, halfWidthIndependent: hInd,
    ratio: hCrn && hInd ? +(hInd / hCrn).toFixed(2) : null,
  }));
}
