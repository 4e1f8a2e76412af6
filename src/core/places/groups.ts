import type { Category } from '../gazetteer/model';

/**
 * The map shows eight groups, not 22 categories: eight is what a colour-blind-safe palette
 * (Okabe–Ito) can keep apart. Each group has a one-character Chinese icon, which MapLibre draws
 * from local fonts like any other label.
 */
export const GROUPS = ['market', 'culture', 'green', 'water', 'housing', 'streets', 'services', 'areas'] as const;
export type Group = (typeof GROUPS)[number];

export const GROUP_OF: Record<Category, Group> = {
  'wholesale-market': 'market',
  commercial: 'market',
  heritage: 'culture',
  'cultural-venue': 'culture',
  park: 'green',
  greenway: 'green',
  water: 'water',
  renovation: 'housing',
  housing: 'housing',
  road: 'streets',
  transport: 'streets',
  school: 'services',
  hospital: 'services',
  'elderly-care': 'services',
  sports: 'services',
  institution: 'services',
  area: 'areas',
  subdistrict: 'areas',
  district: 'areas',
  region: 'areas',
  event: 'areas',
  organisation: 'areas',
};

export const GROUP_STYLE: Record<Group, { colour: string; ink: string; icon: string; zh: string; en: string }> = {
  market: { colour: '#E69F00', ink: '#000000', icon: '市', zh: '市场与商业', en: 'Markets & commerce' },
  culture: { colour: '#CC79A7', ink: '#000000', icon: '文', zh: '文物与文化', en: 'Heritage & culture' },
  green: { colour: '#009E73', ink: '#ffffff', icon: '绿', zh: '公园与绿道', en: 'Parks & greenways' },
  water: { colour: '#56B4E9', ink: '#000000', icon: '水', zh: '水系', en: 'Water' },
  housing: { colour: '#D55E00', ink: '#ffffff', icon: '房', zh: '棚改与住房', en: 'Housing renewal' },
  streets: { colour: '#0072B2', ink: '#ffffff', icon: '路', zh: '道路与交通', en: 'Streets & transport' },
  services: { colour: '#F0E442', ink: '#000000', icon: '服', zh: '公共服务', en: 'Public services' },
  areas: { colour: '#7a6f64', ink: '#ffffff', icon: '区', zh: '地区与街道', en: 'Areas & subdistricts' },
};
