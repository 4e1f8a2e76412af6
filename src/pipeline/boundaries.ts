import area from '@turf/area';
import type { DistrictCollectionT, SubdistrictCollectionT } from '../core/geo/boundaries';
import { SourceDistrictOutline, SourceSubdistricts } from '../core/geo/boundaries';
import { representativePoint } from '../core/geo/represent';
import { roundCoord, roundCoords } from '../core/geo/round';
import { parseJsonWithSchema } from '../core/io/json';
import { romanize } from '../core/text/pinyin';

const km2 = (m2: number) => Math.round(m2 / 1e4) / 100;

/** The 15 街道 polygons, reduced to what the app shows, sorted by adcode for stable output. */
export function buildSubdistricts(text: string, file: string): SubdistrictCollectionT {
  const src = parseJsonWithSchema(text, file, SourceSubdistricts);
  const features = src.features
    .map((f) => {
      const name = f.properties.name;
      const short = name.replace(/街道$/, '');
      const label = representativePoint(f.geometry) as [number, number];
      return {
        type: 'Feature' as const,
        id: String(f.properties.adcode),
        geometry: { ...f.geometry, coordinates: roundCoords(f.geometry.coordinates as never) },
        properties: {
          name,
          short,
          name_en: `${romanize(short)} Subdistrict`,
          adcode: String(f.properties.adcode),
          osm_relation_id: Number(f.properties.osm_relation_id),
          area_km2: km2(area(f as Parameters<typeof area>[0])),
          label: [roundCoord(label[0]), roundCoord(label[1])] as [number, number],
        },
      };
    })
    .sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
  return { type: 'FeatureCollection', features } as SubdistrictCollectionT;
}

export function buildDistrict(text: string, file: string): DistrictCollectionT {
  const src = parseJsonWithSchema(text, file, SourceDistrictOutline);
  return {
    type: 'FeatureCollection',
    features: src.features.map((f) => ({
      type: 'Feature' as const,
      id: '110102',
      geometry: { ...f.geometry, coordinates: roundCoords(f.geometry.coordinates as never) },
      properties: { name: '西城区', name_en: 'Xicheng District', adcode: '110102', area_km2: km2(area(f as Parameters<typeof area>[0])) },
    })),
  } as DistrictCollectionT;
}
