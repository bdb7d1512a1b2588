/** `bioanchors list`: the anchors and scenarios available, with weights and sources. */
import { join } from 'node:path';
import { listJsonIds, loadAnchorFile, loadScenario } from '../../io/load.js';
import { bundledAnchors, bundledScenarios } from '../../io/paths.js';
import { padTable, percent } from '../../report/format.js';
import type { CliContext } from '../context.js';

export function listCommand(ctx: CliContext): void {
  const out: string[] = ['Anchors (anchors/*.json): requirement in log10 FLOP with 2020 algorithms', ''];
  const anchorRows = [['id', 'label', 'sources']];
  for (const id of listJsonIds(bundledAnchors())) {
    const { file } = loadAnchorFile(join(bundledAnchors(), `${id}.json`));
    anchorRows.push([id, file.label, file.sources.map(shortSource).join('; ')]);
  }
  out.push(padTable(anchorRows, ['l', 'l', 'l']), '', 'Scenarios (scenarios/*.json): anchor weights; the rest is "no anchor" (never)', '');
  const scenarioRows = [['id', 'label', 'weights']];
  for (const id of listJsonIds(bundledScenarios())) {
    const { scenario } = loadScenario(join(bundledScenarios(), `${id}.json`));
    const weights = [...scenario.anchors.map((a) => `${a.anchor.id} ${percent(a.weight, 0)}`), `none ${percent(scenario.noneWeight, 0)}`].join(', ');
    scenarioRows.push([id, scenario.label, weights]);
  }
  out.push(padTable(scenarioRows, ['l', 'l', 'l']), '', 'Run one with `bioanchors run <id>`; see its definition with `bioanchors show <id>`.');
  ctx.stdout.write(`${out.join('\n')}\n`);
}

/** A source's name: its text up to the first comma outside parentheses ("Anson Ho (Epoch, 2022)"). */
export function shortSource(source: string): string {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) return source.slice(0, i).trim();
  }
  return source.trim();
}
