import { z } from 'zod';
import { AreaGeometry, featureCollection, Position } from './schema';

/** The 15 街道 as the pipeline writes them for the app (geodata/subdistricts.geojson). */
export const SubdistrictProps = z.object({
  name: z.string().regex(/街道$/),
  short: z.string().min(1),
  name_en: z.string().min(1),
  adcode: z.string().regex(/^\d{9}$/),
  osm_relation_id: z.number().int().positive(),
  area_km2: z.number().positive(),
  label: Position,
});
export const SubdistrictCollection = featureCollection(AreaGeometry, SubdistrictProps);
export type SubdistrictCollectionT = z.infer<typeof SubdistrictCollection>;

export const DistrictProps = z.object({ name: z.string(), name_en: z.string(), adcode: z.string(), area_km2: z.number().positive() });
export const DistrictCollection = featureCollection(AreaGeometry, DistrictProps);
export type DistrictCollectionT = z.infer<typeof DistrictCollection>;

/** What the pipeline accepts from sources/geo (only the fields it uses are required). */
export const SourceSubdistricts = featureCollection(
  AreaGeometry,
  z
    .object({ name: z.string().min(1), adcode: z.union([z.string(), z.number()]), osm_relation_id: z.union([z.string(), z.number()]) })
    .loose(),
);
export const SourceDistrictOutline = featureCollection(AreaGeometry, z.object({ name: z.string().min(1) }).loose());
