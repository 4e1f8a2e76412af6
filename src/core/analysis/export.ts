import { representativePoint } from '../geo/represent';
import { roundCoord } from '../geo/round';
import type { PlaceFeatureT, ProjectT } from '../places/model';
import { type ParagraphLike, sentenceAt } from '../report/sentences';

/**
 * Export of places and projects with their provenance: where the report says it (paragraph ids
 * and the sentence), how well the place is located, where its geometry came from and under what
 * licence. Pure: the app turns the strings into downloads.
 */

export const ODBL = '© OpenStreetMap contributors, ODbL 1.0';
export const BOM = '\uFEFF';

export interface MentionLike {
  placeId: string;
  paragraphId: string;
  start: number;
  /** Set when the mention names a compound (三海) and placeId is one of its parts. */
  via?: string | undefined;
}

/**
 * A cell that a spreadsheet (Excel, WPS, LibreOffice) would read as a formula: one that starts with
 * =, +, -, @, tab or CR (OWASP, "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text made inert for a spreadsheet: a leading ' (shown by no spreadsheet, it marks the cell as
 * text), as OWASP recommends. Numbers are left alone: -3.5 is a value, not a formula, and a
 * prefix would turn a coordinate into text.
 */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/**
 * One CSV field. Text that could start a formula is prefixed with ' and the field quoted; list
 * items are neutralised one by one (a list joined with "; " is split into cells by a spreadsheet
 * whose list separator is ";", so the field is quoted whenever it holds one). Quoted also when it
 * holds a comma, quote, CR or LF, or leading/trailing space; quotes doubled (RFC 4180).
 */
export function csvField(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = Array.isArray(v) ? v.map((x) => neutraliseFormula(String(x))).join('; ') : neutraliseFormula(String(v));
  return /[",;\r\n]|^\s|\s$|^'/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV (CRLF) with a UTF-8 byte-order mark, so Excel reads Chinese text correctly. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Minimal RFC 4180 parser (for tests and round-trips): strips a BOM, handles quotes and CRLF. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The licence note for a place's geometry: ODbL where it came from (or was derived from) OSM files. */
export function licenceOf(p: PlaceFeatureT): string {
  const pr = p.properties;
  if (!p.geometry) return '';
  if (/osm/i.test(pr.geometry_source)) return ODBL;
  if (/datav/i.test(pr.geometry_source)) return 'DataV.GeoAtlas boundary (see geometry_source)';
  if (/osm/i.test(pr.source.ref)) return `${ODBL} (position estimated from OSM features)`;
  return 'position curated by this project (see source_ref)';
}

/** The CSV's lng/lat of a place: its representative point, to 6 decimals (0.1 m). */
function lngLatColumns(g: PlaceFeatureT['geometry']): { lng: number | undefined; lat: number | undefined } {
  const pt = representativePoint(g);
  return { lng: pt && roundCoord(pt[0]), lat: pt && roundCoord(pt[1]) };
}

/** Distinct quoted sentences that mention a place (or a compound by its name), in reading order, prefixed by paragraph id. */
export function quotesOf(placeId: string, mentions: readonly MentionLike[], paragraphs: ReadonlyMap<string, ParagraphLike>): string[] {
  const out: string[] = [];
  for (const m of mentions) {
    if (m.placeId !== placeId && m.via !== placeId) continue;
    const s = sentenceAt(paragraphs, m.paragraphId, m.start);
    if (!s) continue;
    const q = `[${m.paragraphId}] ${s.text}`;
    if (!out.includes(q)) out.push(q);
  }
  return out;
}

export const PLACE_COLUMNS = [
  'id',
  'name',
  'name_en',
  'category',
  'precision',
  'uncertainty_m',
  'in_xicheng',
  'subdistrict',
  'lng',
  'lat',
  'geometry_type',
  'mentions',
  'paragraphs',
  'themes',
  'phases',
  'quotes',
  'geometry_source',
  'source_kind',
  'source_ref',
  'source_note',
  'gazetteer',
  'licence',
] as const;

/**
 * What a place is, as every export writes it. The 街道 is the curator's only: one the pipeline
 * derived for a record the curator left blank ("spans several") is written as such, never as theirs.
 */
export function placeIdentity(pr: PlaceFeatureT['properties']) {
  return {
    name: pr.name,
    name_en: pr.name_en,
    category: pr.category,
    precision: pr.precision,
    uncertainty_m: pr.uncertainty_m,
    in_xicheng: pr.inXicheng,
    subdistrict: pr.subdistrict,
  };
}

export function placeRecord(
  p: PlaceFeatureT,
  mentions: readonly MentionLike[],
  paragraphs: ReadonlyMap<string, ParagraphLike>,
): Record<(typeof PLACE_COLUMNS)[number], unknown> {
  const pr = p.properties;
  return {
    id: p.id,
    ...placeIdentity(pr),
    ...lngLatColumns(p.geometry),
    geometry_type: p.geometry?.type,
    mentions: pr.mentions,
    paragraphs: pr.paragraphs,
    themes: pr.themes,
    phases: pr.phases,
    quotes: quotesOf(p.id, mentions, paragraphs),
    geometry_source: pr.geometry_source,
    source_kind: pr.source.kind,
    source_ref: pr.source.ref,
    source_note: pr.source.note,
    gazetteer: `${pr.gazetteer.file}:${pr.gazetteer.line}`,
    licence: licenceOf(p),
  };
}

export const PROJECT_COLUMNS = [
  'id',
  'place_id',
  'place_name',
  'paragraph_id',
  'phase',
  'theme',
  'action',
  'quote',
  'facts',
  'subdistrict',
  'lng',
  'lat',
  'precision',
  'geometry_source',
  'source_ref',
  'gazetteer',
  'licence',
] as const;

export function projectRecord(pj: ProjectT, place: PlaceFeatureT): Record<(typeof PROJECT_COLUMNS)[number], unknown> {
  const pr = place.properties;
  return {
    id: pj.id,
    place_id: place.id,
    place_name: pr.name,
    paragraph_id: pj.paragraphId,
    phase: pj.phase,
    theme: pj.theme,
    action: pj.action,
    quote: pj.quote,
    facts: pj.facts.map((f) => `${f.measure}: ${f.text}`),
    subdistrict: pr.subdistrict,
    ...lngLatColumns(place.geometry),
    precision: pr.precision,
    geometry_source: pr.geometry_source,
    source_ref: pr.source.ref,
    gazetteer: `${pr.gazetteer.file}:${pr.gazetteer.line}`,
    licence: licenceOf(place),
  };
}

export interface ExportMeta {
  title: string;
  report: string;
  filters: string;
  generated: string;
}

/**
 * One GeoJSON FeatureCollection: places (kind "place", their own geometry) and projects (kind
 * "project", at their place's geometry), each with the provenance fields of the CSVs.
 */
export function exportGeoJson(
  places: readonly PlaceFeatureT[],
  projects: readonly { project: ProjectT; place: PlaceFeatureT }[],
  mentions: readonly MentionLike[],
  paragraphs: ReadonlyMap<string, ParagraphLike>,
  meta: ExportMeta,
): { type: 'FeatureCollection'; metadata: ExportMeta & { licence: string }; features: unknown[] } {
  return {
    type: 'FeatureCollection',
    metadata: { ...meta, licence: `Geometry from OSM-derived files: ${ODBL}. See each feature's licence field.` },
    features: [
      ...places.map((p) => ({
        type: 'Feature',
        id: p.id,
        geometry: p.geometry,
        properties: { kind: 'place', ...placeRecord(p, mentions, paragraphs) },
      })),
      ...projects.map(({ project, place }) => ({
        type: 'Feature',
        id: project.id,
        geometry: place.geometry,
        properties: { kind: 'project', ...projectRecord(project, place) },
      })),
    ],
  };
}
