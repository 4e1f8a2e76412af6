// lineclip 2 ships no types: the two functions clip.ts uses.
declare module 'lineclip' {
  type Point = readonly [number, number] | number[];
  type Box = readonly [number, number, number, number];
  export function clipPolyline(points: readonly Point[], bbox: Box, result?: number[][][]): number[][][];
  export function clipPolygon(points: readonly Point[], bbox: Box): number[][];
}
