import type { UrlState } from '../../../core/state/url';
import { el } from '../../dom';
import { phoneUrl } from './core';
import { kt } from './strings';

/** Draws `text` as a QR code on the canvas, with the 4-module quiet zone scanners need. */
async function drawQr(canvas: HTMLCanvasElement, text: string): Promise<void> {
  // Loaded with the mode, not with the main screen: only a kiosk draws QR codes.
  const { default: qrcode } = await import('qrcode-generator');
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const cell = 6;
  const quiet = 4;
  const size = (n + 2 * quiet) * cell;
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d');
  if (!g) return;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, size, size);
  g.fillStyle = '#000000';
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) g.fillRect((c + quiet) * cell, (r + quiet) * cell, cell, cell);
}

/**
 * The QR box: the current view as a link a phone can open, at the deployment's public address.
 * Without one configured at build there is no box at all (a link to this kiosk's own local
 * address would be dead on a phone).
 */
export function mountQr(host: HTMLElement, base: string | null): { update(s: UrlState): void; text(): string } {
  if (!base) return { update: () => undefined, text: () => '' };
  const canvas = el('canvas', { class: 'kiosk-qr-code', role: 'img' });
  const caption = el('p', { class: 'kiosk-qr-caption' });
  host.append(el('aside', { class: 'kiosk-qr', id: 'kiosk-qr' }, canvas, caption));
  let current = '';
  return {
    update(s) {
      const text = phoneUrl(s, base);
      caption.replaceChildren(el('strong', {}, kt('scan')));
      canvas.setAttribute('aria-label', kt('qrLabel'));
      if (text === current) return;
      current = text;
      void drawQr(canvas, text).then(() => {
        // Several states can change while the encoder loads: only the latest is kept.
        if (text === current) canvas.dataset.text = text;
        else void drawQr(canvas, current);
      });
    },
    text: () => current,
  };
}
