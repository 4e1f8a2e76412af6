/**
 * An unattended screen: the page itself does not zoom, select text, open menus or follow links
 * off the app; the map still pans and pinches.
 */
export function lockDown(): void {
  const viewport = document.querySelector('meta[name="viewport"]');
  viewport?.setAttribute('content', 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no');
  const inMap = (t: EventTarget | null) => t instanceof Element && !!t.closest('.maplibregl-canvas-container');
  for (const type of ['contextmenu', 'selectstart', 'dragstart', 'gesturestart'])
    document.addEventListener(type, (e) => e.preventDefault());
  // No way off the app: a link to another site (the map's attribution has one) is text here.
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (a && new URL((a as HTMLAnchorElement).href, location.href).origin !== location.origin) e.preventDefault();
    },
    { capture: true },
  );
  document.addEventListener(
    'touchmove',
    (e) => {
      if (e.touches.length > 1 && !inMap(e.target)) e.preventDefault();
    },
    { passive: false },
  );
  document.addEventListener(
    'wheel',
    (e) => {
      if (e.ctrlKey && !inMap(e.target)) e.preventDefault();
    },
    { passive: false },
  );
}
