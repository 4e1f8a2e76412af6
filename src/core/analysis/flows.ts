import type { PlaceFeatureT, ProjectT } from '../places/model';

export type FlowKind = 'relocation' | 'housing' | 'assistance' | 'cooperation';
export const FLOW_KINDS: readonly FlowKind[] = ['relocation', 'housing', 'assistance', 'cooperation'];

export interface Flow {
  place: PlaceFeatureT;
  kind: FlowKind;
  projects: ProjectT[];
}

/** The clause of a project's sentence that holds its mention (up to the next , ; 。). */
export function clauseOf(p: ProjectT): string {
  const at = Math.max(0, p.mention.start - p.sentence.start);
  const before = p.quote.slice(0, at).search(/[^,,;;。]*$/);
  const rest = p.quote.slice(at);
  const end = rest.search(/[,,;;。]/);
  return p.quote.slice(before, at + (end === -1 ? rest.length : end));
}

/** What kind of outward flow a place's clauses describe, from its category and the report's words. */
export function flowKind(place: PlaceFeatureT, clauses: readonly string[]): FlowKind {
  const q = clauses.join(' ');
  if (place.properties.category === 'housing' || /保障房|安置房/.test(q)) return 'housing';
  if (/脱贫|扶贫|对口|帮扶|支援/.test(q)) return 'assistance';
  if (place.properties.category === 'wholesale-market' || /承接|迁往|外迁|疏解.*市场/.test(q)) return 'relocation';
  return 'cooperation';
}

/**
 * Outward flows: every place outside Xicheng that has a geometry and at least one project
 * (a sentence of the report), with those sentences. Ordered by kind, then by name.
 */
export function outwardFlows(places: readonly PlaceFeatureT[], projects: readonly ProjectT[]): Flow[] {
  const byPlace = new Map<string, ProjectT[]>();
  for (const p of projects) byPlace.set(p.placeId, [...(byPlace.get(p.placeId) ?? []), p]);
  const out: Flow[] = [];
  for (const place of places) {
    if (place.properties.inXicheng || !place.geometry) continue;
    const pj = byPlace.get(place.id);
    if (!pj?.length) continue;
    out.push({
      place,
      projects: pj,
      kind: flowKind(place, pj.map(clauseOf)),
    });
  }
  return out.sort(
    (a, b) =>
      FLOW_KINDS.indexOf(a.kind) - FLOW_KINDS.indexOf(b.kind) || a.place.properties.name.localeCompare(b.place.properties.name, 'zh'),
  );
}
