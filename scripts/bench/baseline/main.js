// Bare MapLibre baseline for `npm run bench`: the same MapLibre build and worker as the app,
// the same GeoJSON drawn with the same layer types, and no app code. Query parameters:
//   w, h    size of the map in CSS px (the bench passes the app's map size), default: the window
//   places  also draw places.geojson (the bench sets it once the app ships places)
// Sets window.atlas = { map, ready: true } on the first idle after the layers are added, as the app does.
import { Map as MlMap, setWorkerUrl } from './maplibre-gl.mjs';

setWorkerUrl(new URL('./maplibre-gl-worker.mjs', location.href).href);

const params = new URLSearchParams(location.search);
const el = document.getElementById('map');
if (params.has('w')) el.style.width = `${params.get('w')}px`;
if (params.has('h')) el.style.height = `${params.get('h')}px`;

const FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

async function get(file) {
  const res = await fetch(file);
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return res.json();
}

function bounds(fc) {
  let [w, s, e, n] = [180, 90, -180, -90];
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1]);
      n = Math.max(n, c[1]);
    } else for (const x of c) visit(x);
  };
  for (const f of fc.features) if (f.geometry) visit(f.geometry.coordinates);
  return [
    [w, s],
    [e, n],
  ];
}

const BASEMAP = ['roads', 'water', 'ground', 'districts', 'stations', 'subway-lines', 'rail-stations', 'coverage', 'street-names'];
const [subdistricts, district, places, ...basemap] = await Promise.all([
  get('./subdistricts.geojson'),
  get('./district.geojson'),
  params.has('places') ? get('./places.geojson') : Promise.resolve(undefined),
  ...BASEMAP.map((b) => get(`./basemap-${b}.geojson`).catch(() => undefined)),
]);

const map = new MlMap({
  container: el,
  style: {
    version: 8,
    // The app's glyphs (public/glyphs, copied to dist/), from the same server.
    glyphs: `${location.origin}/glyphs/{fontstack}/{range}.pbf`,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }],
  },
  bounds: bounds(district),
  fitBoundsOptions: { padding: 24 },
  localIdeographFontFamily: FONTS,
  attributionControl: false,
  maxZoom: 19,
});

map.on('load', () => {
  // The basemap files, each drawn with one plain layer per geometry kind (no app styling).
  BASEMAP.forEach((name, i) => {
    const data = basemap[i];
    if (!data) return;
    map.addSource(`bm-${name}`, { type: 'geojson', data });
    const isType = (...types) => ['in', ['geometry-type'], ['literal', types]];
    map.addLayer({
      id: `bm-${name}-fill`,
      type: 'fill',
      source: `bm-${name}`,
      filter: isType('Polygon', 'MultiPolygon'),
      paint: { 'fill-color': '#dde6ee' },
    });
    map.addLayer({
      id: `bm-${name}-line`,
      type: 'line',
      source: `bm-${name}`,
      filter: isType('LineString', 'MultiLineString'),
      paint: { 'line-color': '#cfc6b8', 'line-width': 1 },
    });
    map.addLayer({
      id: `bm-${name}-point`,
      type: 'circle',
      source: `bm-${name}`,
      filter: isType('Point', 'MultiPoint'),
      paint: { 'circle-radius': 3, 'circle-color': '#777' },
    });
  });
  // Street names are labels along their lines, as the app draws them.
  if (basemap[BASEMAP.indexOf('street-names')])
    map.addLayer({
      id: 'bm-street-names-label',
      type: 'symbol',
      source: 'bm-street-names',
      layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': ['Noto Sans Regular'], 'text-size': 12 },
      paint: { 'text-color': '#5b4a3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
    });
  map.addSource('district', { type: 'geojson', data: district });
  map.addLayer({ id: 'district-fill', type: 'fill', source: 'district', paint: { 'fill-color': '#fbfaf6' } });
  map.addLayer({ id: 'district-line', type: 'line', source: 'district', paint: { 'line-color': '#5b4a3a', 'line-width': 2 } });
  map.addSource('subdistricts', { type: 'geojson', data: subdistricts });
  map.addLayer({ id: 'subdistricts-fill', type: 'fill', source: 'subdistricts', paint: { 'fill-color': '#000', 'fill-opacity': 0 } });
  map.addLayer({
    id: 'subdistricts-line',
    type: 'line',
    source: 'subdistricts',
    paint: { 'line-color': '#9c8b78', 'line-width': 1, 'line-dasharray': [3, 2] },
  });
  map.addSource('subdistrict-labels', {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: subdistricts.features.map((f) => ({
        type: 'Feature',
        properties: { name: f.properties.name },
        geometry: { type: 'Point', coordinates: f.properties.label },
      })),
    },
  });
  map.addLayer({
    id: 'subdistricts-label',
    type: 'symbol',
    source: 'subdistrict-labels',
    layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans Regular'], 'text-size': 13 },
    paint: { 'text-color': '#3b3128', 'text-halo-color': '#fbfaf6', 'text-halo-width': 1.5 },
  });
  if (places) {
    places.features = places.features.filter((f) => f.geometry);
    map.addSource('places', { type: 'geojson', data: places });
    const isType = (...types) => ['in', ['geometry-type'], ['literal', types]];
    map.addLayer({
      id: 'places-area',
      type: 'fill',
      source: 'places',
      filter: isType('Polygon', 'MultiPolygon'),
      paint: { 'fill-color': '#b5651d', 'fill-opacity': 0.25 },
    });
    map.addLayer({
      id: 'places-line',
      type: 'line',
      source: 'places',
      filter: isType('LineString', 'MultiLineString'),
      paint: { 'line-color': '#b5651d', 'line-width': 2 },
    });
    map.addLayer({
      id: 'places-point',
      type: 'circle',
      source: 'places',
      filter: isType('Point', 'MultiPoint'),
      paint: { 'circle-color': '#b5651d', 'circle-radius': 4 },
    });
  }
  map.once('idle', () => {
    window.atlas = { map, ready: true };
  });
});
