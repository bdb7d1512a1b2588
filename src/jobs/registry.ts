/**
 * Every kind of job a thread can run, in one table shared by the main thread and the workers: a
 * job's parameters (plain data, cloned to the workers) build its loop spec and its observer. The
 * main thread and every worker build the same job from the same parameters, so any thread can run
 * any chunk. Adding a job kind is one entry here.
 */
import { countsObserver } from '../engine/counts.js';
import type { LoopSpec, Observer } from '../engine/loop.js';
import { planFor } from '../engine/plan.js';
import type { Scenario } from '../model/scenario.js';
import { pairedObserver } from '../analyses/compare.js';
import { observedObserver, type ObservationConstraint, type TrendConstraint } from '../analyses/observed.js';
import { samplesObserver, type SamplesFormat, type SamplesMeta } from '../analyses/samples.js';
import { sensitivityObserver, sensitivitySetup, type SensitivityOptions } from '../analyses/sensitivity.js';
import { sweepObserver, sweepPlans, sweepSpec, type SweepJob } from '../analyses/sweep.js';

/** The parameters of each kind of job. */
export interface JobParams {
  /** A plain run: arrival counts. */
  run: { scenario: Scenario };
  /** Scenarios on common random numbers (compare): counts and paired differences. */
  paired: { scenarios: Scenario[] };
  /** A scenario and every input's low and high variant (sensitivity). */
  sensitivity: { scenario: Scenario; options: SensitivityOptions };
  /** A scenario and many variants of its point values, one at a time per chunk (sweep). */
  sweep: SweepJob;
  /** One rendered row per world (samples). */
  samples: { scenario: Scenario; format: SamplesFormat; meta: SamplesMeta };
  /** Worlds weighted by how well their growth matches observations (--given-observed). */
  observed: { scenario: Scenario; constraints: ObservationConstraint[]; sigma: number; trends: TrendConstraint[] };
}

export type JobKind = keyof JobParams;
export type Job = { [K in JobKind]: { kind: K; params: JobParams[K] } }[JobKind];

/** A job ready to run: its loop, its observer, and how much work a world is (runs' worth: variants, rows). */
export interface BuiltJob<S = unknown> {
  spec: LoopSpec;
  observer: Observer<S>;
  workPerWorld: number;
}

interface Run {
  seed: number;
  samples: number;
}

const JOBS: { [K in JobKind]: (params: JobParams[K], run: Run) => BuiltJob } = {
  run({ scenario }, run) {
    const plan = planFor(scenario);
    return { spec: { plans: [plan], draws: 'own', ...run }, observer: countsObserver(plan), workPerWorld: 1 };
  },
  paired({ scenarios }, run) {
    const plans = scenarios.map(planFor);
    return { spec: { plans, draws: 'paired', ...run }, observer: pairedObserver(plans), workPerWorld: plans.length };
  },
  sensitivity({ scenario, options }) {
    // The setup (with its pilot pass) is the same in every thread for the same scenario and options.
    const setup = sensitivitySetup(scenario, options);
    const spec: LoopSpec = { plans: setup.plans, draws: 'paired', seed: options.seed, samples: options.samples };
    return { spec, observer: sensitivityObserver(setup), workPerWorld: setup.plans.length };
  },
  sweep(params, run) {
    const plans = sweepPlans(params);
    return { spec: sweepSpec(plans, run.seed, run.samples), observer: sweepObserver(plans), workPerWorld: plans.length };
  },
  samples({ scenario, format, meta }, run) {
    const plan = planFor(scenario);
    // Rendering a world's row costs about 20 runs' worth of simulating it (measured).
    return { spec: { plans: [plan], draws: 'own', ...run }, observer: samplesObserver(plan, format, meta), workPerWorld: SAMPLES_WORK_PER_WORLD };
  },
  observed({ scenario, constraints, sigma, trends }, run) {
    const plan = planFor(scenario);
    return { spec: { plans: [plan], draws: 'own', ...run }, observer: observedObserver(plan, run.seed, constraints, sigma, trends), workPerWorld: 1 };
  },
};

/** A row's rendering, in runs' worth of work per world. */
export const SAMPLES_WORK_PER_WORLD = 20;

/** Builds a job from its parameters (in any thread). */
export function buildJob(job: Job, run: Run): BuiltJob {
  const make = JOBS[job.kind] as (params: unknown, run: Run) => BuiltJob;
  return make(job.params, run);
}
