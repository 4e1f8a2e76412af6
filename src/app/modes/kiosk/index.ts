import type { ModeDef } from '../context';

export type { KioskHook } from './view';

/** Kiosk mode has no entry point on screen: a kiosk is set up with ?mode=kiosk in its start address. */
export const kioskMode: ModeDef = {
  mode: 'kiosk',
  loadView: () => import('./view').then((m) => m.createKioskView),
};
