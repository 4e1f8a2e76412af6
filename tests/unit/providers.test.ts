import { describe, expect, it } from 'vitest';
import { ProviderConfig, parseAtlasConfig } from '../../src/app/map/atlas-config';
import { adoptStyle, buildCsp, providerCrs, providerOrigins, providerRasters, toMapCrs } from '../../src/app/map/providers';
import { fromGcj02, toGcj02, transformGeoJSON, transformPosition } from '../../src/core/geo/crs';
import { CSP, PROVIDER } from '../../vite.config';

/**
 * The published GCJ-02 algorithm (Krasovsky ellipsoid), written out independently of gcoord so
 * the module is checked against a second implementation, not against itself.
 */
function referenceGcj02(lon: number, lat: number): [number, number] {
  const a = 6378245.0;
  const ee = 0.006693421622965943;
  const x = lon - 105;
  const y = lat - 35;
  const s = Math.sin;
  const P = Math.PI;
  const common = ((20 * s(6 * x * P) + 20 * s(2 * x * P)) * 2) / 3;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x)) + common;
  dLat += ((20 * s(y * P) + 40 * s((y / 3) * P)) * 2) / 3 + ((160 * s((y / 12) * P) + 320 * s((y * P) / 30)) * 2) / 3;
  let dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x)) + common;
  dLon += ((20 * s(x * P) + 40 * s((x / 3) * P)) * 2) / 3 + ((150 * s((x / 12) * P) + 300 * s((x / 30) * P)) * 2) / 3;
  const rad = (lat / 180) * P;
  const magic = 1 - ee * s(rad) ** 2;
  const sq = Math.sqrt(magic);
  dLat = (dLat * 180) / (((a * (1 - ee)) / (magic * sq)) * P);
  dLon = (dLon * 180) / ((a / sq) * Math.cos(rad) * P);
  return [lon + dLon, lat + dLat];
}

const metres = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(((a[0] as number) - (b[0] as number)) * 85_390, ((a[1] as number) - (b[1] as number)) * 111_000);

describe('WGS-84 → GCJ-02 (src/core/geo/crs.ts)', () => {
  it('agrees with the published algorithm to a millimetre over the app box', () => {
    for (let lon = 116.28; lon <= 116.43; lon += 0.03)
      for (let lat = 39.85; lat <= 39.99; lat += 0.028)
        expect(metres(transformPosition([lon, lat], 'wgs84', 'gcj02'), referenceGcj02(lon, lat))).toBeLessThan(0.001);
  });

  it('gives the offset measured in SOURCES.md for 西城 (≈ +0.0062 lon, +0.0013 lat)', () => {
    const [x, y] = transformPosition([116.365, 39.915], 'wgs84', 'gcj02');
    expect(x - 116.365).toBeGreaterThan(0.0059);
    expect(x - 116.365).toBeLessThan(0.0065);
    expect(y - 39.915).toBeGreaterThan(0.001);
    expect(y - 39.915).toBeLessThan(0.0016);
  });

  it('turns the Tiananmen reference SOURCES.md identified as GCJ-02 into its WGS-84 position (within 20 m)', () => {
    // SOURCES.md: (116.3975, 39.9034) is GCJ-02; converted it gives (116.3913, 39.9020), on the OSM axis.
    expect(metres(transformPosition([116.3975, 39.9034], 'gcj02', 'wgs84'), [116.3913, 39.902])).toBeLessThan(20);
  });

  it('round-trips with an error under 1 m', () => {
    for (let lon = 116.28; lon <= 116.43; lon += 0.015)
      for (let lat = 39.85; lat <= 39.99; lat += 0.014) {
        const back = transformPosition(transformPosition([lon, lat], 'wgs84', 'gcj02'), 'gcj02', 'wgs84');
        expect(metres(back, [lon, lat])).toBeLessThan(1);
      }
  });

  it('transforms every geometry of a collection and the named position properties, without touching the input', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: { name: '什刹海街道', label: [116.38, 39.94] },
          geometry: { type: 'Point' as const, coordinates: [116.38, 39.94] },
        },
        {
          type: 'Feature' as const,
          properties: { name: 'x', label: [116.38, 39.94] },
          geometry: {
            type: 'MultiPolygon' as const,
            coordinates: [
              [
                [
                  [116.3, 39.9],
                  [116.31, 39.9],
                  [116.31, 39.91],
                  [116.3, 39.9],
                ],
              ],
            ],
          },
        },
      ],
    };
    const before = JSON.stringify(fc);
    const out = toGcj02(fc, { positionProperties: ['label'] });
    expect(JSON.stringify(fc)).toBe(before);
    expect(out.features[0]?.geometry.coordinates).toEqual(transformPosition([116.38, 39.94], 'wgs84', 'gcj02'));
    expect(out.features[0]?.properties.label).toEqual(transformPosition([116.38, 39.94], 'wgs84', 'gcj02'));
    const poly = out.features[1]?.geometry.coordinates as number[][][][] | undefined;
    expect(poly?.[0]?.[0]?.[2]).toEqual(transformPosition([116.31, 39.91], 'wgs84', 'gcj02'));
    expect(out.features[1]?.properties.name).toBe('x');
    // And back again, within a metre.
    const back = fromGcj02(out, { positionProperties: ['label'] });
    expect(metres((back.features[0]?.geometry.coordinates as number[] | undefined) ?? [], [116.38, 39.94])).toBeLessThan(1);
    // Same CRS: an equal copy.
    expect(transformGeoJSON(fc, 'wgs84', 'wgs84')).toEqual(fc);
  });
});

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0] as string, d.split(' ').slice(1)]));
const httpsIn = (csp: string) => csp.split(/[ ;]+/).filter((t) => t.startsWith('https://'));

const CONFIGS = {
  raster: {
    type: 'raster',
    tiles: ['https://tile.example.org/{z}/{x}/{y}.png', 'https://b.tile.example.org/{z}/{x}/{y}.png'],
    attribution: '© example',
  },
  style: { type: 'style', url: 'https://maps.example.net/styles/city.json', origins: ['https://tiles.example.net'] },
  tianditu: { type: 'tianditu', key: '0123456789abcdef0123456789abcdef' },
  amap: { type: 'amap' },
  tencent: { type: 'tencent' },
} as const;

describe('providers: CSP follows the configuration', () => {
  it('the default (no atlas.config.json) allows only the app origin', () => {
    expect(PROVIDER).toBeNull();
    expect(CSP).toBe(buildCsp(null));
    const d = directives(CSP);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(httpsIn(CSP)).toEqual([]);
  });

  const expected: Record<keyof typeof CONFIGS, string[]> = {
    raster: ['https://b.tile.example.org', 'https://tile.example.org'],
    style: ['https://maps.example.net', 'https://tiles.example.net'],
    tianditu: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `https://t${i}.tianditu.gov.cn`),
    amap: [1, 2, 3, 4].map((i) => `https://webrd0${i}.is.autonavi.com`),
    tencent: [0, 1, 2, 3].map((i) => `https://rt${i}.map.gtimg.com`),
  };
  for (const [name, cfg] of Object.entries(CONFIGS))
    it(`${name}: connect-src and img-src gain exactly the provider's origins, and nothing else does`, () => {
      const p = parseAtlasConfig(JSON.stringify({ basemap: cfg }), 'atlas.config.json');
      if (!p) throw new Error('no provider parsed');
      const origins = expected[name as keyof typeof CONFIGS];
      expect(providerOrigins(p)).toEqual(origins);
      const d = directives(buildCsp(p));
      expect(d.get('connect-src')).toEqual(["'self'", ...origins]);
      expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:', ...origins]);
      for (const [k, v] of d) if (k !== 'connect-src' && k !== 'img-src') expect(v.filter((t) => t.startsWith('https://'))).toEqual([]);
    });

  it('rejects configurations it could not honour safely', () => {
    const bad = [
      { type: 'raster', tiles: ['http://tile.example.org/{z}/{x}/{y}.png'], attribution: 'x' },
      { type: 'raster', tiles: ['https://tile.example.org/{z}/{x}.png'], attribution: 'x' },
      { type: 'style', url: 'https://maps.example.net/s.json', origins: ['https://tiles.example.net/path'] },
      { type: 'tianditu', key: 'bad key' },
      { type: 'amap', crs: 'wgs84' },
      { type: 'bing' },
    ];
    for (const b of bad) expect(ProviderConfig.safeParse(b).success, JSON.stringify(b)).toBe(false);
    expect(parseAtlasConfig('{}', 'atlas.config.json')).toBeNull();
  });
});

describe('providers: switching the configuration switches the style', () => {
  const parse = (cfg: unknown) => ProviderConfig.parse(cfg);

  it('raster XYZ: one raster source with the configured tiles, attribution and maxzoom', () => {
    const [r, ...rest] = providerRasters(parse({ ...CONFIGS.raster, maxzoom: 17 }));
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ tiles: CONFIGS.raster.tiles, attribution: '© example', maxzoom: 17, scheme: 'xyz', tileSize: 256 });
    expect(providerCrs(parse(CONFIGS.raster))).toBe('wgs84');
    expect(providerCrs(parse({ ...CONFIGS.raster, crs: 'gcj02' }))).toBe('gcj02');
  });

  it('天地图: WMTS tiles with the key, and the matching annotation layer; CGCS2000 needs no shift', () => {
    const rs = providerRasters(parse({ ...CONFIGS.tianditu, layer: 'img' }));
    expect(rs.map((r) => r.id)).toEqual(['base', 'labels']);
    expect(rs[0]?.tiles[0]).toContain('LAYER=img&');
    expect(rs[1]?.tiles[0]).toContain('LAYER=cia&');
    expect(rs[0]?.tiles.every((t) => t.endsWith('tk=0123456789abcdef0123456789abcdef'))).toBe(true);
    expect(providerRasters(parse({ ...CONFIGS.tianditu, labels: false })).map((r) => r.id)).toEqual(['base']);
    expect(providerCrs(parse(CONFIGS.tianditu))).toBe('wgs84');
  });

  it('AMap and Tencent are GCJ-02; Tencent rows count from the south (TMS)', () => {
    expect(providerCrs(parse(CONFIGS.amap))).toBe('gcj02');
    expect(providerCrs(parse(CONFIGS.tencent))).toBe('gcj02');
    expect(providerRasters(parse(CONFIGS.tencent))[0]?.scheme).toBe('tms');
    expect(providerRasters(parse({ type: 'amap', layer: 'satellite' }))[0]?.tiles[0]).toMatch(
      /^https:\/\/webst01\.is\.autonavi\.com\/.*style=6/,
    );
  });

  it('a style URL: its sources and layers prefixed, relative URLs resolved, labels on the app font', () => {
    const { sources, layers } = adoptStyle(
      {
        version: 8,
        sources: {
          osm: { type: 'vector', url: '../tiles.json' },
          hill: { type: 'raster', tiles: ['https://tiles.example.net/{z}/{x}/{y}.png'] },
        },
        layers: [
          { id: 'bg', type: 'background' },
          { id: 'roads', type: 'line', source: 'osm', 'source-layer': 'transportation' },
          {
            id: 'names',
            type: 'symbol',
            source: 'osm',
            'source-layer': 'transportation_name',
            layout: { 'text-field': '{name}', 'text-font': ['Open Sans Bold'] },
          },
        ],
      },
      'https://maps.example.net/styles/city.json',
      ['Noto Sans Regular'],
    );
    expect(Object.keys(sources)).toEqual(['basemap-provider-osm', 'basemap-provider-hill']);
    expect(sources['basemap-provider-osm']).toEqual({ type: 'vector', url: 'https://maps.example.net/tiles.json' });
    expect(layers.map((l) => l.id)).toEqual(['basemap-provider-bg', 'basemap-provider-roads', 'basemap-provider-names']);
    expect((layers[1] as { source?: string }).source).toBe('basemap-provider-osm');
    expect((layers[2] as { layout?: Record<string, unknown> }).layout?.['text-font']).toEqual(['Noto Sans Regular']);
  });

  it('toMapCrs is the identity for WGS-84 and moves every collection (and 街道 labels) for GCJ-02', async () => {
    const district = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { label: [116.37, 39.91] }, geometry: { type: 'Point', coordinates: [116.37, 39.91] } }],
    };
    const input = { district, note: 'unchanged' };
    expect(await toMapCrs(input, 'wgs84')).toBe(input);
    const out = await toMapCrs(input, 'gcj02');
    expect(out.note).toBe('unchanged');
    const f = (out.district as typeof district).features[0];
    expect(f?.geometry.coordinates).toEqual(transformPosition([116.37, 39.91], 'wgs84', 'gcj02'));
    expect(f?.properties.label).toEqual(transformPosition([116.37, 39.91], 'wgs84', 'gcj02'));
  });
});
