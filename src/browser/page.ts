/**
 * The explore page's main thread: builds the controls from the scenario's beliefs (controls.ts),
 * keeps the reader's changes as `--set` overrides (state.ts), asks the worker (worker.ts) for the
 * forecast and draws what it sends with the charts `plot` draws (report/charts/*: the same spec
 * functions, rendered by Vega in the page). It never computes a forecast itself, so it never
 * freezes; everything a link or a file holds reaches the page as text nodes only.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import type { Comparison } from '../analyses/compare.js';
import type { Trajectories } from '../analyses/trajectories.js';
import type { Forecast } from '../engine/summary.js';
import { cdfSpec } from '../report/charts/cdf.js';
import { compareSpec } from '../report/charts/compare.js';
import { requirementsSpec } from '../report/charts/requirements.js';
import { count, OKABE_ITO } from '../report/charts/theme.js';
import { crossingText, percent } from '../report/format.js';
import type { Control, FileValue, ScenarioControls } from './controls.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { commandLine, encodeState, parseState, setPath, setText, setValue, type ExploreState } from './state.js';

export interface PageData {
  version: string;
  /** Worlds of the refined forecast, of the quick first one, and the seed, unless the link says otherwise. */
  worlds: number;
  first: number;
  seed: number;
  /** Where the files sit in the worker's memory, and the folder scenario files are relative to. */
  root: string;
  cwd: string;
  scenarios: ScenarioControls[];
  texts: Record<string, string>;
}

const data = JSON.parse(document.getElementById('explore-data')!.textContent!) as PageData;
const workerSource = document.getElementById('explore-worker')!.textContent!;
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));

// ---- small DOM helpers: text only, never HTML ----
type Attrs = Record<string, string | number | boolean | undefined>;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) node.append(c);
  return node;
}
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let uid = 0;
const nextId = (stem: string) => `${stem}-${++uid}`;

// ---- state ----
let state: ExploreState;
/** The overrides as shown in the controls (may hold a change the worker has not accepted yet). */
let shown = new Map<string, string>();
/** The last change made, to show a refusal beside it. */
let lastChanged: string | undefined;
let scenario: ScenarioControls;
/** Forecasts of each scenario as loaded, by ref|worlds|seed (the reference line and the no-change case). */
const asLoaded = new Map<string, Forecast>();
const baseKey = (ref: string, worlds: number, seed: number) => `${ref}|${worlds}|${seed}`;

interface Shown {
  g: number;
  forecast?: Forecast;
  overrides: string[];
  comparison?: Comparison;
  file?: string;
}
let view: Shown = { g: 0, overrides: [] };

// ---- the worker and its warm spare ----
let generation = 0;
let busy = false;
let active: Worker;
let spare: Worker | undefined;
let activeReady: Promise<void>;
let spareReady: Promise<void> | undefined;

function startWorker(): { worker: Worker; ready: Promise<void> } {
  const worker = new Worker(workerUrl);
  const ready = new Promise<void>((resolve) => {
    const first = (event: MessageEvent<FromWorker>) => {
      if (event.data.type !== 'ready') return;
      worker.removeEventListener('message', first);
      resolve();
    };
    worker.addEventListener('message', first);
  });
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onWorker(event.data));
  worker.addEventListener('error', (event) => showError(`The engine stopped: ${event.message}`));
  const init: ToWorker = { type: 'init', root: data.root, cwd: data.cwd, texts: data.texts, warm: data.scenarios[0].load };
  worker.postMessage(init);
  return { worker, ready };
}

function ensureSpare(): void {
  if (spare) return;
  const s = startWorker();
  spare = s.worker;
  spareReady = s.ready;
}

/**
 * How long the full run of each scenario last took in the worker. A full run quicker than this
 * needs no quick stage first: its chart comes sooner alone than after drawing a quick one.
 */
const fullRunMs = new Map<string, number>();
const NO_QUICK_STAGE_BELOW_MS = 60;

/** Worlds of the quick first stage for the current scenario (the full run's when it needs none). */
function firstStage(): number {
  const last = fullRunMs.get(state.scenario);
  return last !== undefined && last < NO_QUICK_STAGE_BELOW_MS ? state.worlds : Math.min(data.first, state.worlds);
}

/** Asks for the forecast of the current state: a busy worker is replaced by the spare (its work is stale). */
function request(): void {
  const g = ++generation;
  if (busy && spare) {
    active.terminate();
    active = spare;
    activeReady = spareReady!;
    spare = undefined;
  }
  busy = true;
  byId('results').dataset.generation = String(g);
  const first = firstStage();
  setStatus('computing', `Computing ${count(first)} worlds…`);
  const stages = first < state.worlds ? [first, state.worlds] : [state.worlds];
  const before: Record<string, string> = {};
  for (const s of state.sets) {
    const c = scenario.controls.find((x) => x.path === setPath(s));
    if (c?.value !== undefined) before[c.path] = valueText(c.value);
  }
  const message: ToWorker = {
    type: 'run',
    g,
    ref: scenario.load,
    shownRef: scenario.ref,
    sets: [...state.sets],
    before,
    worlds: state.worlds,
    first,
    seed: state.seed,
    versus: state.versus ? data.scenarios.find((s) => s.ref === state.versus)!.load : '',
    needBase: stages.filter((n) => !asLoaded.has(baseKey(state.scenario, n, state.seed))),
  };
  const worker = active;
  activeReady.then(() => {
    if (g === generation) worker.postMessage(message);
  });
  ensureSpare();
}

function onWorker(m: FromWorker): void {
  if (m.type === 'ready') return;
  if (m.g !== generation) return;
  switch (m.type) {
    case 'refused':
      busy = false;
      refused(m.message);
      return;
    case 'forecast': {
      accepted();
      if (m.worlds === state.worlds) fullRunMs.set(state.scenario, m.ms);
      if (state.sets.length === 0) asLoaded.set(baseKey(state.scenario, m.worlds, state.seed), m.forecast);
      view = { ...view, g: m.g, forecast: m.forecast, overrides: m.overrides, file: m.file };
      drawForecast();
      const refining = m.worlds < state.worlds;
      setStatus(
        refining ? 'refining' : 'finishing',
        refining ? `Showing ${count(m.worlds)} worlds; refining to ${count(state.worlds)}…` : `Showing ${count(m.worlds)} worlds; comparing…`,
      );
      byId('results').dataset.worlds = String(m.worlds);
      return;
    }
    case 'base':
      asLoaded.set(baseKey(state.scenario, m.worlds, state.seed), m.forecast);
      drawForecast();
      return;
    case 'bands':
      drawRequirements(m.trajectories, m.worlds, m.overrides);
      return;
    case 'compare':
      view = { ...view, comparison: m.comparison };
      drawComparison();
      drawHeadline();
      return;
    case 'compare-refused':
      byId('compare-note').textContent = m.message;
      return;
    case 'done':
      busy = false;
      setStatus('done', `${count(state.worlds)} worlds, seed ${state.seed}: up to date.`);
      return;
    case 'error':
      busy = false;
      showError(`Internal error in the engine (please report it with the link): ${m.message}`);
      return;
  }
}

// ---- messages ----
function setStatus(kind: string, text: string): void {
  const status = byId('status');
  status.textContent = text;
  const results = byId('results');
  results.dataset.status = kind;
  results.setAttribute('aria-busy', String(kind !== 'done' && kind !== 'refused'));
}
function showError(text: string): void {
  const box = byId('message');
  box.textContent = text;
  box.hidden = false;
}
function clearError(): void {
  const box = byId('message');
  box.textContent = '';
  box.hidden = true;
}

/** The worker's loader accepted the overrides: they are the state now, and the link. */
function accepted(): void {
  openingLink = false;
  for (const node of document.querySelectorAll('[aria-invalid="true"]')) node.removeAttribute('aria-invalid');
  for (const node of document.querySelectorAll('.refusal')) node.textContent = '';
  writeLink();
}

/** The loader refused the overrides: say why beside the control, and go back to the last accepted ones. */
function refused(message: string): void {
  if (openingLink) {
    openingLink = false;
    showError(`This link was not opened: ${message}. Showing the scenario as loaded instead.`);
    openState({ ...state, sets: [], versus: '' });
    return;
  }
  setStatus('refused', 'That value was refused (see the message beside it); the forecast shown is of the last accepted values.');
  const row = lastChanged ? document.querySelector<HTMLElement>(`[data-path="${CSS.escape(lastChanged)}"]`) : null;
  const where = row?.querySelector('.refusal') ?? byId('message');
  where.textContent = message;
  if (where.id === 'message') byId('message').hidden = false;
  row?.querySelectorAll('input, select').forEach((i) => i.setAttribute('aria-invalid', 'true'));
  // Back to the overrides last accepted (the link's).
  const applied = new Map(acceptedSets.map((s) => [setPath(s), setValue(s)]));
  shown = applied;
  state = { ...state, sets: [...acceptedSets] };
  busy = false;
}

let acceptedSets: string[] = [];
let openingLink = false;

function writeLink(): void {
  acceptedSets = [...state.sets];
  const fragment = encodeState(state);
  const url = `${location.href.split('#')[0]}#${fragment}`;
  if (location.hash.slice(1) !== fragment) {
    try {
      history.replaceState(null, '', `#${fragment}`);
    } catch {
      location.replace(`#${fragment}`);
    }
  }
  byId<HTMLInputElement>('link').value = url;
  byId<HTMLInputElement>('command').value = commandLine(state);
  byId('changes').textContent = state.sets.length
    ? `${state.sets.length} change${state.sets.length > 1 ? 's' : ''}: ${state.sets.join(' · ')}`
    : 'No changes: the scenario as loaded.';
}

// ---- values ----
const valueText = (v: FileValue): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** The value a control shows: the reader's, else (per-anchor algorithmic values) the general one, else the file's. */
function currentValue(c: Control): FileValue | undefined {
  const own = shown.get(c.path) ?? (c.general ? shown.get(c.general) : undefined);
  if (own === undefined) return c.value;
  if (c.kind === 'cap') return own;
  try {
    return JSON.parse(own) as FileValue;
  } catch {
    return own;
  }
}

/** Records a control's new value (removing the override when it is back to the file's) and recomputes. */
function change(c: Control, value: FileValue): void {
  const text = valueText(value);
  if (c.value !== undefined && text === valueText(c.value)) shown.delete(c.path);
  else shown.set(c.path, text);
  lastChanged = c.path;
  state = { ...state, sets: [...shown].map(([p, v]) => setText(p, v)) };
  refreshDependents(c);
  request();
}

/** A general algorithmic value shows through in every anchor's own control that is not set. */
function refreshDependents(c: Control): void {
  if (c.kind === 'weight') drawNoAnchor();
  for (const other of scenario.controls) if (other.general === c.path) renderControl(other);
}

// ---- controls ----
const DIST_FORMS = ['point', 'normal', 'lognormal', 'uniform'] as const;

function pointOf(v: FileValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'object' || !('dist' in v)) return undefined;
  const d = v as unknown as Record<string, number>;
  switch (v.dist) {
    case 'point':
      return d.value;
    case 'normal':
      return d.median ?? (d.low + d.high) / 2;
    case 'lognormal':
      return d.median ?? Math.sqrt(d.low * d.high);
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return d.mode;
    default:
      return undefined;
  }
}
const round = (x: number) => Number(x.toPrecision(6));

/** A distribution of the given form centred on a point (about ±50% for a positive quantity, ±1 unit else, as a 90% interval). */
function spreadAround(form: (typeof DIST_FORMS)[number], v: number): FileValue {
  if (form === 'point') return v;
  const lognormal = form === 'lognormal' && v > 0;
  if (form === 'uniform') return v > 0 ? { dist: 'uniform', min: round(v / 1.5), max: round(v * 1.5) } : { dist: 'uniform', min: v - 1, max: v + 1 };
  if (lognormal) return { dist: 'lognormal', low: round(v / 1.5), high: round(v * 1.5), level: 0.9 };
  const half = v !== 0 && Math.abs(v) < 2 ? Math.abs(v) / 2 : 1;
  return { dist: 'normal', low: round(v - half), high: round(v + half), level: 0.9 };
}

/** Slider bounds and step of a point value, by what it measures. */
function sliderFor(c: Control, v: number): { min: number; max: number; step: number } {
  const name = c.label.split('.').pop()!;
  if (c.kind === 'weight') return { min: 0, max: 1, step: 0.01 };
  if (c.kind === 'year') return { min: Math.min(v, 1950), max: Math.max(v, 2200), step: 1 };
  if (/doublingYears|halvingYears/.test(name)) return { min: 0.1, max: Math.max(10, v), step: 0.1 };
  if (name === 'maxOom') return { min: 0, max: Math.max(10, v), step: 0.25 };
  if (name === 'gdpGrowthPerYear') return { min: Math.min(-0.05, v), max: Math.max(0.15, v), step: 0.005 };
  if (name === 'maxGdpFraction') return { min: 0, max: Math.max(0.2, v), step: 0.001 };
  if (/log10|Log10|Oom|OOM/.test(name) || /log10|OOM/.test(c.unit)) return { min: round(v - 5), max: round(v + 5), step: 0.1 };
  const span = Math.max(1, Math.abs(v));
  return { min: round(v - span), max: round(v + span), step: round(span / 50) };
}
const stepFor = (x: number) => (x === 0 ? 0.1 : round(10 ** (Math.floor(Math.log10(Math.abs(x))) - 1)));

function numberInput(label: string, value: number, step: number, onValue: (n: number) => void, extra: Attrs = {}): HTMLLabelElement {
  const input = el('input', { type: 'number', step, value: String(value), inputmode: 'decimal', ...extra });
  const read = () => {
    if (input.value.trim() === '') return;
    const n = Number(input.value);
    if (Number.isFinite(n)) onValue(n);
  };
  input.addEventListener('input', read);
  input.addEventListener('change', read);
  return el('label', { class: 'field' }, el('span', { text: label }), input);
}

/** One control's row, drawn (again) from its current value. */
function renderControl(c: Control): void {
  const row = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(c.path)}"]`);
  if (!row) return;
  const body = row.querySelector<HTMLElement>('.body')!;
  body.replaceChildren();
  const value = currentValue(c);
  const name = c.label;
  const inherited = c.general !== undefined && !shown.has(c.path) && shown.has(c.general);
  row.classList.toggle('changed', shown.has(c.path));
  row.querySelector('.inherited')!.textContent = inherited ? `(from ${c.general})` : '';
  if (c.kind === 'cap') {
    const id = nextId('cap');
    const select = el('select', { id }, ...['hard', 'soft'].map((k) => el('option', { value: k, text: k, selected: value === k })));
    if (value === undefined) select.prepend(el('option', { value: '', text: 'each anchor its own', selected: true }));
    select.addEventListener('change', () => select.value && change(c, select.value));
    body.append(el('label', { class: 'field', for: id }, el('span', { text: name })), select);
    return;
  }
  if (value === undefined) {
    // A general value the scenario leaves to each anchor: typed in, it applies to all of them.
    body.append(numberInput(`${name} (each anchor its own; type a value for all)`, NaN, 0.1, (n) => change(c, n), { placeholder: 'per anchor' }));
    body.querySelector('input')!.value = '';
    return;
  }
  const point = typeof value === 'number' ? value : undefined;
  if (point !== undefined || c.kind !== 'param') {
    const v = point ?? (value as number);
    const { min, max, step } = sliderFor(c, v);
    const id = nextId('slider');
    const slider = el('input', { id, type: 'range', min, max, step, value: String(v), 'aria-label': `${c.path} (slider)` });
    const num = numberInput(c.kind === 'weight' ? 'weight' : 'value', v, c.kind === 'year' ? 1 : step, (n) => {
      slider.value = String(n);
      change(c, c.kind === 'year' ? Math.round(n) : n);
    });
    slider.addEventListener('input', () => {
      num.querySelector('input')!.value = slider.value;
      change(c, Number(slider.value));
    });
    body.append(num, slider);
  }
  if (c.kind !== 'param') return;
  // A parameter may be a point or a distribution: its form, then its numbers.
  const form = typeof value === 'number' ? 'point' : typeof value === 'object' && 'dist' in value ? value.dist : 'formula';
  const formId = nextId('form');
  const editable = (DIST_FORMS as readonly string[]).includes(form);
  const select = el(
    'select',
    { id: formId },
    ...DIST_FORMS.map((f) => el('option', { value: f, text: f === 'point' ? 'a point value' : `${f} distribution`, selected: f === form })),
    ...(editable ? [] : [el('option', { value: form, text: form === 'formula' ? 'a formula (JSON)' : `${form} (JSON)`, selected: true })]),
  );
  select.addEventListener('change', () => {
    const centre = pointOf(value);
    const f = select.value as (typeof DIST_FORMS)[number];
    if (centre !== undefined && (DIST_FORMS as readonly string[]).includes(f)) change(c, spreadAround(f, centre));
    renderControl(c);
  });
  body.prepend(el('label', { class: 'field form', for: formId }, el('span', { text: 'form' })), select);
  if (typeof value === 'number') return;
  const d = value as unknown as Record<string, unknown>;
  const fields =
    form === 'normal' || form === 'lognormal'
      ? 'median' in d
        ? ['median', form === 'normal' ? 'sd' : 'sdLn']
        : ['low', 'high', 'level']
      : form === 'uniform'
        ? ['min', 'max']
        : [];
  if (fields.length) {
    const box = el('div', { class: 'fields' });
    for (const f of fields) {
      const x = d[f] as number;
      box.append(
        numberInput(f === 'level' ? 'level (interval’s probability)' : f, x, f === 'level' ? 0.01 : stepFor(x), (n) =>
          change(c, { ...(value as object), [f]: n } as unknown as FileValue),
        ),
      );
    }
    body.append(box);
    if (d.truncate) body.append(el('p', { class: 'note', text: `truncated: ${JSON.stringify(d.truncate)}` }));
    return;
  }
  // Formulas, mixtures, triangular: edited as the JSON a file would hold.
  const id = nextId('json');
  const area = el('textarea', { id, rows: 3, spellcheck: false });
  area.value = valueText(value);
  area.addEventListener('change', () => {
    try {
      change(c, JSON.parse(area.value) as FileValue);
    } catch {
      row.querySelector('.refusal')!.textContent = 'not JSON: write the value as a scenario file would';
    }
  });
  body.append(el('label', { class: 'field', for: id }, el('span', { text: `${name} (as in a file)` })), area);
}

function drawNoAnchor(): void {
  const weights = scenario.anchors.map((a) => {
    const c = scenario.controls.find((x) => x.path === `anchors.${a.id}.weight`)!;
    return Number(currentValue(c));
  });
  const rest = 1 - weights.reduce((s, w) => s + w, 0);
  byId('no-anchor').textContent =
    `No anchor (never): ${percent(Math.max(0, rest) < 1e-12 ? 0 : rest, 1)}${rest < -1e-9 ? ' — the weights add up to more than 1' : ''}`;
}

function buildControls(): void {
  const root = byId('controls');
  root.replaceChildren(el('h2', { text: 'Beliefs' }), el('p', { id: 'no-anchor', class: 'none' }));
  const groups = new Map<string, HTMLFieldSetElement>();
  for (const c of scenario.controls) {
    let set = groups.get(c.group);
    if (!set) {
      set = el('fieldset', {}, el('legend', { text: c.group }));
      groups.set(c.group, set);
      root.append(set);
    }
    const reset = el('button', { type: 'button', class: 'reset', 'aria-label': `reset ${c.path}`, title: 'back to the file’s value', text: '↺' });
    reset.addEventListener('click', () => {
      if (!shown.has(c.path)) return;
      shown.delete(c.path);
      lastChanged = c.path;
      state = { ...state, sets: [...shown].map(([p, v]) => setText(p, v)) };
      renderControl(c);
      refreshDependents(c);
      request();
    });
    const about = el(
      'details',
      {},
      el('summary', { text: 'source' }),
      el('p', { class: 'path', text: `--set ${c.path} · ${c.unit}` }),
      ...c.about.split('\n').map((line) => el('p', { text: line })),
      el('p', { text: `As loaded: ${c.value === undefined ? 'each anchor its own' : valueText(c.value)}` }),
    );
    set.append(
      el(
        'div',
        { class: 'control', 'data-path': c.path },
        el('div', { class: 'head' }, el('span', { class: 'name', text: c.label }), el('span', { class: 'inherited' }), reset),
        el('div', { class: 'body' }),
        el('p', { class: 'refusal', role: 'alert' }),
        about,
      ),
    );
  }
  for (const c of scenario.controls) renderControl(c);
  drawNoAnchor();
}

// ---- charts ----
const quiet = { level: () => quiet, error: () => quiet, warn: () => quiet, info: () => quiet, debug: () => quiet };
const views = new Map<string, View>();

async function draw(id: string, spec: TopLevelSpec, label: string): Promise<void> {
  const container = byId(id);
  const runtime = parse(compile(spec, { logger: quiet as never }).spec, undefined, { ast: true });
  const next = new View(runtime, { renderer: 'svg', expr: expressionInterpreter as never, hover: false, logLevel: 0 });
  const holder = el('div', { class: 'chart', role: 'img', 'aria-label': label });
  await next.initialize(holder).runAsync();
  views.get(id)?.finalize();
  views.set(id, next);
  container.replaceChildren(holder);
}

const info = (worlds: number, overrides: readonly string[]) => ({ seed: state.seed, samples: worlds, version: data.version, overrides });

function drawForecast(): void {
  const f = view.forecast;
  if (!f) return;
  const base = asLoaded.get(baseKey(state.scenario, f.samples, state.seed));
  const reference =
    state.sets.length && base
      ? { label: `${scenario.id} as loaded (same seed and worlds)`, points: base.years.map((year, j) => ({ year, p: base.cdf[j] })) }
      : undefined;
  const g = view.g;
  draw('cdf', cdfSpec({ forecast: f, info: info(f.samples, view.overrides), reference }), `P(TAI by year) for ${f.scenarioLabel}`).then(() => {
    // For the tests and the benchmark: which request's forecast, of how many worlds, is drawn.
    if (g === generation) byId('results').dataset.drawn = `${g}:${f.samples}`;
  });
  drawHeadline();
}

function drawRequirements(t: Trajectories, worlds: number, overrides: string[]): void {
  const f = view.forecast;
  const anchors = scenario.anchors.map((a) => ({ ...a, weight: f?.anchors.find((x) => x.id === a.id)?.weight ?? a.weight }));
  void draw(
    'requirements',
    requirementsSpec({ trajectories: t, scenario: { id: scenario.id, label: scenario.label }, anchors, info: info(worlds, overrides) }),
    'Requirement vs affordable compute',
  );
}

function drawComparison(): void {
  const c = view.comparison;
  const box = byId('compare-note');
  box.textContent = '';
  if (!c) {
    byId('compare').replaceChildren();
    return;
  }
  void draw('compare', compareSpec({ comparison: c, info: info(c.forecasts[0].samples, view.overrides) }), 'the forecast compared');
}

/** The headline figures: crossing dates and P by key years with their errors, the change from the reference with its paired error, the outcome shares. */
function drawHeadline(): void {
  const f = view.forecast;
  if (!f) return;
  const base = asLoaded.get(baseKey(state.scenario, f.samples, state.seed));
  const diff = view.comparison?.differences[0];
  const versusName = state.versus || `${scenario.id} as loaded`;
  const pc = (p: number, se: number) => `${percent(p, 1)} ±${(se * 100).toFixed(2)}`;
  const delta = (year: number) => {
    if (!diff || view.comparison!.forecasts[0].samples !== f.samples) return '';
    const j = diff.years.indexOf(year);
    return j < 0 ? '' : `${diff.diff[j] >= 0 ? '+' : '−'}${Math.abs(diff.diff[j] * 100).toFixed(2)} pp ±${(diff.se[j] * 100).toFixed(2)}`;
  };
  const rows: (string | HTMLElement)[][] = [];
  for (const level of [0.1, 0.5, 0.9]) {
    const c = f.crossings.find((x) => x.level === level)!;
    const b = base?.crossings.find((x) => x.level === level);
    rows.push([
      `${Math.round(level * 100)}% by`,
      `${crossingText(c, f.horizonYear)}${c.se !== null ? ` ±${c.se.toFixed(2)}` : ''}`,
      state.sets.length && b ? crossingText(b, f.horizonYear) : '',
      '',
    ]);
  }
  const years = [2030, 2036, 2040, 2050, 2070, f.horizonYear].filter((y, i, a) => y >= f.startYear && y <= f.horizonYear && a.indexOf(y) === i);
  for (const y of years) {
    const j = f.years.indexOf(y);
    const bj = base?.years.indexOf(y) ?? -1;
    rows.push([`P(by ${y})`, pc(f.cdf[j], f.se[j]), state.sets.length && base && bj >= 0 ? percent(base.cdf[bj], 1) : '', delta(y)]);
  }
  const table = el(
    'table',
    { id: 'headline-table' },
    el('caption', { text: `Headline figures of ${scenario.label} (${count(f.samples)} worlds, seed ${f.seed}; ± one standard error)` }),
    el('thead', {}, el('tr', {}, ...['', 'now', 'as loaded', `change vs ${versusName} (paired ±)`].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, el('th', { scope: 'row', text: String(r[0]) }), ...r.slice(1).map((x) => el('td', { text: String(x) }))))),
  );
  const last = f.cdf[f.cdf.length - 1];
  const shares = el(
    'ul',
    { class: 'shares', id: 'shares' },
    el('li', { text: `by the end of ${f.horizonYear}: ${pc(last, f.se[f.se.length - 1])}` }),
    el('li', { text: `after ${f.horizonYear}: ${pc(f.notByHorizon.p, f.notByHorizon.se)}` }),
    el('li', { text: `never (no anchor): ${pc(f.never.p, f.never.se)}` }),
  );
  byId('headline').replaceChildren(table, el('h3', { text: 'Outcomes' }), shares);
}

// ---- the page around it ----
function openState(next: ExploreState): void {
  const switched = !scenario || scenario.ref !== next.scenario;
  state = next;
  scenario = data.scenarios.find((s) => s.ref === next.scenario)!;
  shown = new Map(next.sets.map((s) => [setPath(s), setValue(s)]));
  acceptedSets = [...next.sets];
  view = { g: 0, overrides: [] };
  if (switched) buildControls();
  else for (const c of scenario.controls) renderControl(c);
  drawNoAnchor();
  byId<HTMLSelectElement>('scenario').value = next.scenario;
  byId<HTMLSelectElement>('worlds').value = String(next.worlds);
  byId<HTMLInputElement>('seed').value = String(next.seed);
  const versus = byId<HTMLSelectElement>('versus');
  versus.replaceChildren(
    el('option', { value: '', text: `${next.scenario} as loaded` }),
    ...data.scenarios.filter((s) => s.ref !== next.scenario).map((s) => el('option', { value: s.ref, text: `${s.label} [${s.ref}]` })),
  );
  versus.value = next.versus;
  byId('compare').replaceChildren();
  byId('scenario-about').textContent = scenario.description;
  request();
}

function openLink(): void {
  const parsed = parseState(location.hash, data.scenarios, { worlds: data.worlds, seed: data.seed });
  clearError();
  if (!parsed.ok) {
    showError(parsed.message);
    openingLink = false;
    openState({ scenario: data.scenarios[0].ref, worlds: data.worlds, seed: data.seed, sets: [], versus: '' });
    return;
  }
  openingLink = parsed.state.sets.length > 0;
  openState(parsed.state);
}

function download(): void {
  if (!view.file) return;
  const blob = new Blob([view.file], { type: 'application/json' });
  const a = el('a', { href: URL.createObjectURL(blob), download: `${scenario.id}-explored.json` });
  document.body.append(a);
  a.click();
  a.remove();
}

async function copy(id: string, button: HTMLButtonElement): Promise<void> {
  const input = byId<HTMLInputElement>(id);
  try {
    await navigator.clipboard.writeText(input.value);
    button.textContent = 'copied';
  } catch {
    input.select();
    button.textContent = 'selected: press Ctrl+C';
  }
  setTimeout(() => (button.textContent = button.dataset.label ?? 'copy'), 1500);
}

function setUp(): void {
  byId('scenario').replaceChildren(...data.scenarios.map((s) => el('option', { value: s.ref, text: `${s.label} [${s.ref}]` })));
  byId('scenario').addEventListener('change', (e) => {
    clearError();
    openState({ ...state, scenario: (e.target as HTMLSelectElement).value, sets: [], versus: '' });
  });
  byId('versus').addEventListener('change', (e) => {
    state = { ...state, versus: (e.target as HTMLSelectElement).value };
    view = { ...view, comparison: undefined };
    drawComparison();
    request();
  });
  byId('worlds').addEventListener('change', (e) => {
    state = { ...state, worlds: Number((e.target as HTMLSelectElement).value) };
    request();
  });
  const seed = byId<HTMLInputElement>('seed');
  seed.addEventListener('change', () => {
    const n = Number(seed.value);
    if (Number.isSafeInteger(n) && n >= 0) {
      state = { ...state, seed: n };
      request();
    } else seed.setAttribute('aria-invalid', 'true');
  });
  byId('reset').addEventListener('click', () => {
    clearError();
    openState({ ...state, sets: [] });
  });
  byId('download').addEventListener('click', download);
  for (const [button, field] of [
    ['copy-link', 'link'],
    ['copy-command', 'command'],
  ] as const) {
    const b = byId<HTMLButtonElement>(button);
    b.dataset.label = b.textContent ?? 'copy';
    b.addEventListener('click', () => void copy(field, b));
  }
  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) !== encodeState(state)) openLink();
  });
  document.documentElement.style.setProperty('--accent', OKABE_ITO[5]);
  document.documentElement.style.setProperty('--warn', OKABE_ITO[6]);
  const s = startWorker();
  active = s.worker;
  activeReady = s.ready;
  openLink();
}

setUp();
