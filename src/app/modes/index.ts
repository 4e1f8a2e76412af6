import type { ModeDef } from './context';

/**
 * Every mode the app has, as a loader of its entry: each is imported here and nowhere else, and only
 * after the first map paint, so no mode adds to the JavaScript loaded before it. A mode's view (and
 * what it needs: deck.gl, charts) is loaded by the host when the mode is first entered.
 */
export const MODES = (): Promise<ModeDef[]> =>
  Promise.all([
    import('./kiosk/index').then((m) => m.kioskMode),
    import('./planner/index').then((m) => m.plannerMode),
    import('./resident/index').then((m) => m.residentMode),
    import('./import/index').then((m) => m.importMode),
  ]);
