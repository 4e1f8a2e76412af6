import { LngLat, type Map as MlMap } from 'maplibre-gl';
import type { DistrictCollectionT } from '../../../core/geo/boundaries';
import type { View } from '../../../core/state/url';
import { districtBounds } from '../../map/create-map';

/**
 * The kiosk's start view (the launch link's view, else the whole district) and the hold that keeps
 * it after a reset until the tour moves on or someone touches the screen: scrolling the report back
 * to the top can wake story mode, which would fly elsewhere.
 */
export function createHome(map: MlMap, data: { district: DistrictCollectionT }, launchView: View | undefined) {
  let hold = false;
  const camera = () => {
    if (launchView) return { center: [launchView.lng, launchView.lat] as [number, number], zoom: launchView.zoom };
    const c = map.cameraForBounds(districtBounds(data), { padding: 24 });
    const centre = c?.center ? LngLat.convert(c.center) : map.getCenter();
    return { center: [centre.lng, centre.lat] as [number, number], zoom: c?.zoom ?? map.getZoom() };
  };
  const show = () => {
    // A fly to a place leaves the map padded for the card; the start view has no card.
    const p = map.getPadding();
    if (p.top || p.right || p.bottom || p.left) map.setPadding({ top: 0, right: 0, bottom: 0, left: 0 });
    const home = camera();
    const here = map.getCenter();
    if (
      Math.abs(here.lng - home.center[0]) < 1e-6 &&
      Math.abs(here.lat - home.center[1]) < 1e-6 &&
      Math.abs(map.getZoom() - home.zoom) < 1e-3
    )
      return;
    map.jumpTo(home);
  };
  map.on('moveend', () => {
    if (hold) show();
  });
  return {
    /** Goes to the start view and holds it. */
    go() {
      show();
      hold = true;
    },
    release() {
      hold = false;
    },
  };
}
