import { Document, isCollection, isMap, isSeq } from 'yaml';
import { GazetteerRecord, type GazetteerRecordT } from '../gazetteer/model';
import { coordinateProblem } from '../gazetteer/plausible';
import { roundCoord } from '../geo/round';
import type { Addition, ImportCandidate } from './model';

/** MapLibre's 512 px tiles: metres on the ground per CSS pixel at a zoom and latitude. */
export function metresPerPixel(zoom: number, lat: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/**
 * How far a tapped point can be from where the planner meant: the tap's tolerance on screen (20 px
 * for a finger, 6 px for a mouse, as the map's hit test) on the ground at that zoom, rounded up to
 * 5 m and never under 10 m. It says how precisely the map was tapped, not how well the planner
 * knows the place: the record's note asks the curator to check it against a source.
 */
export function tapUncertainty(zoom: number, lat: number, tolerancePx: number): number {
  return Math.max(10, Math.ceil((tolerancePx * metresPerPixel(zoom, lat)) / 5) * 5);
}

/** An id not yet taken: the base, else base-2, base-3… */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface Tap {
  /** WGS-84 [lng, lat]. */
  at: [number, number];
  zoom: number;
  tolerancePx: number;
}

/**
 * A candidate placed where the planner tapped. The caller says whether the point lies in 西城区 and
 * in which 街道 (tested against the map's own outlines). Refused (a message, no addition) when the
 * point cannot be a place of a Xicheng report at all (outside China): the gazetteer would refuse it.
 */
export function makeAddition(
  c: ImportCandidate,
  tap: Tap,
  where: { in_xicheng: boolean; subdistrict?: string | undefined },
  from: Addition['from'],
  taken: ReadonlySet<string>,
  now: Date,
): Addition | string {
  const at: [number, number] = [roundCoord(tap.at[0]), roundCoord(tap.at[1])];
  const problem = coordinateProblem(at);
  if (problem) return problem;
  const a: Addition = {
    id: uniqueId(c.idBase, taken),
    name: c.name,
    name_en: c.name_en,
    category: c.category,
    geometry: { type: 'Point', coordinates: at },
    uncertainty_m: tapUncertainty(tap.zoom, at[1], tap.tolerancePx),
    in_xicheng: where.in_xicheng,
    zoom: Math.round(tap.zoom * 10) / 10,
    placedAt: now.toISOString(),
    from,
  };
  if (where.in_xicheng && where.subdistrict) a.subdistrict = where.subdistrict;
  const sentence = c.sentences[0];
  if (sentence) a.sentence = sentence;
  return a;
}

/** The addition as a record of geodata/gazetteer/*.yaml, checked by the gazetteer's own schema. */
export function toGazetteerRecord(a: Addition): GazetteerRecordT {
  const year = a.from.year ? `${a.from.year} ` : '';
  return GazetteerRecord.parse({
    id: a.id,
    name: a.name,
    aliases: [a.name],
    name_en: a.name_en,
    category: a.category,
    in_xicheng: a.in_xicheng,
    ...(a.subdistrict ? { subdistrict: a.subdistrict } : {}),
    geometry: a.geometry,
    precision: 'placed-by-user',
    uncertainty_m: a.uncertainty_m,
    source: {
      kind: 'estimated',
      ref: `placed on the map by a planner in 西城报告地图, ${a.placedAt.slice(0, 10)}: the ${year}report ${a.from.file}, paragraph${a.from.paragraphs.length > 1 ? 's' : ''} ${a.from.paragraphs.join(', ')}`,
      note:
        `Tapped at zoom ${a.zoom}; uncertainty_m is the tap's width on the ground there, not a measured position. ` +
        `Check the point against a cited source before relying on it.${a.sentence ? ` The report: "${a.sentence}"` : ''}`,
    },
  });
}

/**
 * The additions as YAML for geodata/gazetteer/ (a file of its own, or pasted into sites.yaml): one
 * record per place, in the layout of the curated files (geometry and aliases on one line), every
 * record validated first, so what is written is what `npm run data` will accept.
 */
export function gazetteerYaml(additions: readonly Addition[], generated: Date): string {
  const records = additions.map(toGazetteerRecord);
  const doc = new Document(records);
  doc.commentBefore = [
    ` Places added in the browser (西城报告地图, ${generated.toISOString().slice(0, 10)}): candidates of opened reports placed on the map.`,
    ' Format: geodata/gazetteer/README.md. Coordinates WGS-84 [lon, lat]. precision "placed-by-user": check each point before merging.',
  ].join('\n');
  if (isSeq(doc.contents))
    doc.contents.items.forEach((item, i) => {
      if (!isMap(item)) return;
      if (i > 0) item.spaceBefore = true;
      for (const key of ['geometry', 'aliases']) {
        const node = item.get(key, true);
        if (isCollection(node)) node.flow = true;
      }
    });
  return doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}
