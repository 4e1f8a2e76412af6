import { type BBox, insideBBox, type Pos } from './clip';
import { pointInPolygon } from './contains';
import { pointSegmentDistance } from './planar';
import { localProjection, metresPerDegree, segmentLength, type XY } from './sphere';

/**
 * Historic channels of the old city that now run in culverts or were filled in. The clearmap OSM
 * export dropped the tunnel tags, so they are recognised by where they run and in which
 * direction (SOURCES.md, second scout, lists them by these coordinates).
 */
export interface CoveredCorridor {
  zh: string;
  en: string;
  box: BBox;
  run: 'north-south' | 'east-west';
}

export const COVERED_CORRIDORS: readonly CoveredCorridor[] = [
  { zh: '西护城河', en: 'West moat (under 西二环, 西直门–复兴门)', box: [116.345, 39.899, 116.358, 39.947], run: 'north-south' },
  { zh: '前三门护城河', en: 'Qiansanmen moat (under 前三门大街)', box: [116.35, 39.895, 116.43, 39.901], run: 'east-west' },
  { zh: '大明濠', en: 'Daming Hao (under 赵登禹路–佟麟阁路)', box: [116.355, 39.897, 116.367, 39.944], run: 'north-south' },
  { zh: '御河', en: 'Yuhe (under 正义路)', box: [116.398, 39.898, 116.403, 39.932], run: 'north-south' },
];

/** Share of a line's length that must follow corridors for the line to be taken as that channel. */
const CORRIDOR_SHARE = 0.7;
/** A corridor named in `channel` must account for at least this share of the line. */
const NAME_SHARE = 0.2;
/** Below this share of its length alongside open water (a riverbank polygon), a line has no open channel. */
const OPEN_WATER_SHARE = 0.2;
/** How close (m) a branch must come to a covered line to count as joined to it. */
const JOIN_M = 25;
/** A sample point within this distance (m) of a water polygon counts as alongside open water. */
const ALONGSIDE_M = 20;

export interface ChannelVerdict {
  covered: boolean;
  channel: string | null;
  /** 'corridor': matched a named channel; 'branch': a dry line joined to a covered one. */
  why: 'corridor' | 'branch' | null;
}

function corridorShares(parts: Pos[][]): { total: number; byCorridor: number[] } {
  const byCorridor = COVERED_CORRIDORS.map(() => 0);
  let total = 0;
  for (const line of parts)
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1] as Pos;
      const b = line[i] as Pos;
      const len = segmentLength(a, b);
      total += len;
      const k = metresPerDegree(a[1]);
      const northSouth = Math.abs((b[1] - a[1]) * k.y) >= Math.abs((b[0] - a[0]) * k.x);
      const mid: Pos = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      const idx = COVERED_CORRIDORS.findIndex(
        (c) => insideBBox(a, c.box) && insideBBox(b, c.box) && insideBBox(mid, c.box) && (c.run === 'north-south') === northSouth,
      );
      if (idx >= 0) byCorridor[idx] = (byCorridor[idx] ?? 0) + len;
    }
  return { total, byCorridor };
}

type Projection = (p: readonly number[]) => XY;

function nearAny(p: Pos, lines: Pos[][], proj: Projection, within: number): boolean {
  const q = proj(p);
  for (const l of lines)
    for (let i = 1; i < l.length; i++) if (pointSegmentDistance(q, proj(l[i - 1] as Pos), proj(l[i] as Pos)) <= within) return true;
  return false;
}

/** Share of a line's length (sampled every ~20 m) that lies in or beside a water polygon. */
function openWaterShare(parts: Pos[][], areaRings: Pos[][], proj: Projection): number {
  let n = 0;
  let wet = 0;
  for (const line of parts)
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1] as Pos;
      const b = line[i] as Pos;
      const steps = Math.max(1, Math.ceil(segmentLength(a, b) / 20));
      for (let s = 0; s < steps; s++) {
        const p: Pos = [a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps];
        n++;
        // Even-odd over the rings of all water areas together, holes included (a hole counts as outside).
        if (pointInPolygon(p, areaRings) || nearAny(p, areaRings, proj, ALONGSIDE_M)) wet++;
      }
    }
  return n ? wet / n : 0;
}

/**
 * Decides for each waterway line whether it is a covered channel. First by corridor (the four
 * channels SOURCES.md names); then, repeatedly, a line with no open water alongside that touches a
 * covered line is taken as a branch of the same culverted network (the old city's side channels
 * were covered together with the moats they fed).
 */
export function classifyWaterways(lines: Pos[][][], areaRings: Pos[][]): ChannelVerdict[] {
  const proj = localProjection(39.92);
  const verdicts: ChannelVerdict[] = lines.map((parts) => {
    const { total, byCorridor } = corridorShares(parts);
    const matched = byCorridor.reduce((s, x) => s + x, 0);
    if (total === 0 || matched / total < CORRIDOR_SHARE) return { covered: false, channel: null, why: null };
    const names = COVERED_CORRIDORS.filter((_, i) => (byCorridor[i] ?? 0) / total >= NAME_SHARE).map((c) => c.zh);
    return { covered: true, channel: names.join(' / '), why: 'corridor' };
  });
  const dry = lines.map((parts, i) => (verdicts[i]?.covered ? false : openWaterShare(parts, areaRings, proj) < OPEN_WATER_SHARE));
  let changed = true;
  while (changed) {
    changed = false;
    lines.forEach((parts, i) => {
      if (verdicts[i]?.covered || !dry[i]) return;
      const covered = lines.filter((_, j) => verdicts[j]?.covered).flat();
      const touches =
        parts.some((l) => l.some((p) => nearAny(p, covered, proj, JOIN_M))) ||
        covered.some((l) => l.some((p) => nearAny(p, parts, proj, JOIN_M)));
      if (touches) {
        verdicts[i] = { covered: true, channel: null, why: 'branch' };
        changed = true;
      }
    });
  }
  return verdicts;
}
