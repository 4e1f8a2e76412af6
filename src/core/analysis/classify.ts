/**
 * Class breaks for choropleth legends. Jenks natural breaks (Fisher–Jenks dynamic programme,
 * minimising the within-class sum of squared deviations) is used for the 街道 map: with only 15
 * values and many ties, quantiles put equal values into different classes or collapse, while
 * natural breaks keep equal values together.
 *
 * Hand-written rather than simple-statistics: its `jenks` shifts the values by their median before
 * the same programme, which changes which of two equal-cost partitions wins on tied counts
 * ([3,6,7,10,19,19,19,19] into 3 gives upper bounds 7/10/19 there, 3/10/19 here), and it throws on
 * some inputs ([0, 5e-324, 1e-323, 1.5e-323, 2e-323] into 4); its `ckmeans` breaks other ties
 * differently ([0,18,21,34,37] into 4). A legend must not change with the library.
 */

export interface Classes {
  /** Upper bounds of each class, ascending; the last equals the maximum. */
  breaks: number[];
  /** Lower bound of the first class (the minimum). */
  min: number;
  method: 'jenks' | 'quantile';
}

/** Jenks natural breaks into at most k classes (fewer when there are fewer distinct values). */
export function jenksBreaks(values: readonly number[], k: number): Classes {
  const data = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (data.length === 0) return { breaks: [], min: 0, method: 'jenks' };
  const distinct = [...new Set(data)];
  const min = data[0] as number;
  if (distinct.length <= k) return { breaks: distinct, min, method: 'jenks' };
  const n = data.length;
  const K = k + 1;
  // lower[l*K+j]: 1-based index of the first value of class j in the best split of data[0..l-1].
  const lower = new Int32Array((n + 1) * K);
  const cost = new Float64Array((n + 1) * K).fill(Number.POSITIVE_INFINITY);
  for (let j = 1; j <= k; j++) {
    lower[K + j] = 1;
    cost[K + j] = 0;
  }
  for (let l = 2; l <= n; l++) {
    let s1 = 0;
    let s2 = 0;
    let w = 0;
    let variance = 0;
    for (let m = 1; m <= l; m++) {
      const i3 = l - m + 1;
      const val = data[i3 - 1] as number;
      s2 += val * val;
      s1 += val;
      w += 1;
      variance = s2 - (s1 * s1) / w;
      const i4 = i3 - 1;
      if (i4 !== 0) {
        for (let j = 2; j <= k; j++) {
          const c = variance + (cost[i4 * K + j - 1] as number);
          if ((cost[l * K + j] as number) >= c) {
            lower[l * K + j] = i3;
            cost[l * K + j] = c;
          }
        }
      }
    }
    lower[l * K + 1] = 1;
    cost[l * K + 1] = variance;
  }
  const breaks: number[] = new Array<number>(k).fill(0);
  breaks[k - 1] = data[n - 1] as number;
  let idx = n;
  for (let j = k; j >= 2; j--) {
    const first = lower[idx * K + j] as number;
    breaks[j - 2] = data[first - 2] as number;
    idx = first - 1;
  }
  return { breaks: [...new Set(breaks)], min, method: 'jenks' };
}

/** Quantile breaks (equal counts per class), deduplicated. */
export function quantileBreaks(values: readonly number[], k: number): Classes {
  const data = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (data.length === 0) return { breaks: [], min: 0, method: 'quantile' };
  const out: number[] = [];
  for (let i = 1; i <= k; i++) {
    const q = data[Math.min(data.length - 1, Math.ceil((i / k) * data.length) - 1)] as number;
    if (!out.includes(q)) out.push(q);
  }
  return { breaks: out, min: data[0] as number, method: 'quantile' };
}

/** Index of the class a value falls in (0-based): the first class whose upper bound is ≥ value. */
export function classOf(value: number, c: Classes): number {
  const i = c.breaks.findIndex((b) => value <= b);
  return i === -1 ? c.breaks.length - 1 : i;
}

/** Human-readable ranges for a legend: "0–2", "3–5" for counts; "0.5–1.2" (lower bound exclusive) otherwise. */
export function classLabels(c: Classes, digits = 0): string[] {
  const f = (v: number) => v.toFixed(digits);
  const step = digits === 0 ? 1 : 0;
  return c.breaks.map((b, i) => {
    const lo = i === 0 ? c.min : (c.breaks[i - 1] as number) + step;
    return lo >= b || f(lo) === f(b) ? f(b) : `${f(lo)}–${f(b)}`;
  });
}
