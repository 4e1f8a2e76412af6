import { describe, expect, it } from 'vitest';
import { coveredPadding } from '../../src/app/map/camera';

/** A stand-in element with a fixed box: coveredPadding only reads its rectangle and `hidden`. */
const box = (left: number, top: number, width: number, height: number, hidden = false) =>
  ({
    hidden,
    getBoundingClientRect: () => ({ left, top, width, height, right: left + width, bottom: top + height }),
  }) as unknown as HTMLElement;

describe('coveredPadding', () => {
  const map = box(0, 0, 1080, 1000);
  it('a card wider than half the map, on the right, pads the right', () => {
    expect(coveredPadding(map, [box(500, 20, 560, 900)])).toMatchObject({ right: 580, left: 0 });
  });
  it('a box on the left (the kiosk QR) pads the left; both together leave the middle', () => {
    expect(coveredPadding(map, [box(16, 700, 240, 260), box(600, 20, 460, 900)])).toMatchObject({ left: 256, right: 480 });
  });
  it('a full-width sheet at the bottom pads the bottom; hidden panels count for nothing', () => {
    expect(coveredPadding(map, [box(0, 600, 1080, 400), box(500, 0, 500, 500, true)])).toMatchObject({ bottom: 400, right: 0 });
  });
});
