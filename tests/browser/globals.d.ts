import type { Map as MlMap } from 'maplibre-gl';
import type { AtlasData } from '../../src/app/data';
import type { ImportHook } from '../../src/app/modes/import/view';
import type { KioskHook } from '../../src/app/modes/kiosk/view';
import type { PlannerHook } from '../../src/app/modes/planner/view';
import type { Store } from '../../src/app/store';

/** The handles a test build (ATLAS_TEST_HOOKS=1) puts on window; a production build has none. */
declare global {
  interface Window {
    atlas?: { map: MlMap; store: Store; data: AtlasData; ready: true; theme(): 'light' | 'dark' };
    atlasKiosk?: KioskHook;
    atlasPlanner?: PlannerHook;
    atlasImport?: ImportHook;
    atlasArcs?: number;
    atlasCompare?: MlMap[];
    atlasHit?: (x: number, y: number, pointer: 'mouse' | 'touch') => { hit: unknown; candidates: unknown[] };
  }
}
