import './offline.css';

/**
 * Offline reload and safe updates, with the service worker vite.config.ts generates (Workbox).
 *
 * - After one visit the whole app is precached: a reload without a network draws the report and
 *   the map from that copy, and a badge says so ("离线副本 · Offline copy").
 * - A new build installs in the background and waits. The page offers to reload into it; an
 *   unattended kiosk reloads into it on its own once nobody is using it (its attract tour is on).
 *   The old page never runs against the new files: until it reloads, the old cache serves it.
 *
 * Loaded lazily by start.ts (one line) and registered after the page's load event, so none of it
 * weighs on the first paint.
 */

declare const __ATLAS_BUILD_ID__: string;

const STRINGS = {
  offline: ['离线副本', 'Offline copy'],
  offlineTitle: ['网络不可用:正在使用本机保存的副本', 'No network: running from the copy saved on this device'],
  update: ['有新版本', 'A new version is available'],
  reload: ['重新载入', 'Reload'],
} as const;
const say = (k: keyof typeof STRINGS) => {
  const [zh, en] = STRINGS[k];
  return document.documentElement.lang.startsWith('zh') ? `${zh} · ${en}` : `${en} · ${zh}`;
};

function element(id: string, className: string): HTMLElement {
  let box = document.getElementById(id);
  if (!box) {
    box = document.createElement('div');
    box.id = id;
    box.className = className;
    box.setAttribute('role', 'status');
    box.hidden = true;
    document.body.append(box);
  }
  return box;
}

/**
 * Whether the app's origin answers. A URL with a query is not in the precache, so the service
 * worker passes the request to the network; without one it fails. navigator.onLine alone would
 * say "online" on a kiosk whose LAN is up while the server is unreachable.
 */
async function originReachable(): Promise<boolean> {
  try {
    const res = await fetch(`./index.html?online=${Date.now()}`, { method: 'HEAD', cache: 'no-store' });
    return res.ok || res.status < 500;
  } catch {
    return false;
  }
}

async function showOfflineState(): Promise<void> {
  const badge = element('offline-badge', 'offline-badge');
  const controlled = !!navigator.serviceWorker.controller;
  const offline = controlled && !(await originReachable());
  badge.textContent = say('offline');
  badge.title = say('offlineTitle');
  badge.hidden = !offline;
  document.documentElement.dataset.offline = String(offline);
}

/** Registers the service worker; resolves once it is registered (or at once where there is none). */
export async function startOffline(): Promise<void> {
  document.documentElement.dataset.build = __ATLAS_BUILD_ID__;
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  // The precache downloads the whole app once more: not while the page itself is still loading.
  if (document.readyState !== 'complete') await new Promise((r) => window.addEventListener('load', r, { once: true }));
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('./sw.js');
  const apply = () => {
    // Reload once the waiting worker has taken over, never before: the new page must get the new files.
    wb.addEventListener('controlling', () => location.reload());
    wb.messageSkipWaiting();
  };
  wb.addEventListener('waiting', () => {
    if (document.body.dataset.mode === 'kiosk') {
      // Nobody reads a kiosk during its attract tour: update then.
      const whenIdle = () => {
        if (document.body.dataset.kioskTour === 'on') {
          observer.disconnect();
          apply();
        }
      };
      const observer = new MutationObserver(whenIdle);
      observer.observe(document.body, { attributes: true, attributeFilter: ['data-kiosk-tour'] });
      whenIdle();
      return;
    }
    const bar = element('update-bar', 'update-bar');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn';
    button.id = 'update-reload';
    button.textContent = say('reload');
    button.onclick = () => {
      button.disabled = true;
      apply();
    };
    const text = document.createElement('span');
    text.textContent = say('update');
    bar.replaceChildren(text, button);
    bar.hidden = false;
  });
  window.addEventListener('online', () => void showOfflineState());
  window.addEventListener('offline', () => void showOfflineState());
  await wb.register();
  await showOfflineState();
}
