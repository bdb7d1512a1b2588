/**
 * An anchor's requirement per world: its formula, then its adjustment steps in order (an update
 * against low requirements, a floor, rounding), compiled into one column kernel.
 */
import type { Anchor } from '../model/anchor.js';
import { HELPERS, toSource, type ColumnKernel } from './expression.js';

export function compileRequirement(anchor: Pick<Anchor, 'variables' | 'formula' | 'adjustments'>): ColumnKernel {
  const names = anchor.variables.map((v) => v.name);
  const ref = (name: string) => {
    if (name === 'requirement') return 'r';
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`bug: variable ${name} not in ${names.join(',')}`);
    return `c${i}[k]`;
  };
  const steps = anchor.adjustments.map((step) => {
    switch (step.kind) {
      case 'add':
        return step.below === Infinity ? `r = r + ${toSource(step.expr, ref)};` : `if (r < ${String(step.below)}) r = r + ${toSource(step.expr, ref)};`;
      case 'atLeast':
        return `if (r < ${String(step.value)}) r = ${String(step.value)};`;
      case 'roundTo': {
        // Python's round(x, 1) rounds the decimal value half to even. Dividing by 1/step when that is
        // a whole number (10 for 0.1) gives the nearest double to k/10, so 30.0 stays exactly 30.
        // When r / step overflows (a step of 5e-324), the step is finer than r's own precision:
        // r is left as it is (rounding it gave infinity times the step, a non-finite requirement).
        const inverse = 1 / step.step;
        return Number.isInteger(inverse)
          ? `{ const q = r * ${String(inverse)}; if (Math.abs(q) < Infinity) r = H.roundHalfEven(q) / ${String(inverse)}; }`
          : `{ const q = r / ${String(step.step)}; if (Math.abs(q) < Infinity) r = H.roundHalfEven(q) * ${String(step.step)}; }`;
      }
    }
  });
  const locals = names.map((_, i) => `const c${i} = c[${i}];`).join('\n');
  const body = `${locals}\nfor (let k = 0; k < n; k++) {\nlet r = ${toSource(anchor.formula.expr, ref)};\n${steps.join('\n')}\nout[k] = r;\n}`;
  const fn = new Function('n', 'c', 'out', 'H', body) as (n: number, c: readonly Float64Array[], out: Float64Array, h: typeof HELPERS) => void;
  return (n, columns, out) => fn(n, columns, out, HELPERS);
}
