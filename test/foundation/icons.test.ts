import fs from 'fs';
import path from 'path';
import { PNG } from 'pngjs';
import { ICON_SIZES, drawIcon } from '../../scripts/draw-icons';

const ASSETS = path.resolve(__dirname, '../../assets');

describe('icons', () => {
  it.each(ICON_SIZES)('assets/icon-%i.png is the drawn %i px icon', (size) => {
    const committed = PNG.sync.read(fs.readFileSync(path.join(ASSETS, `icon-${size}.png`)));
    expect([committed.width, committed.height]).toEqual([size, size]);
    // The committed file is what the script draws today (regenerate with `npm run icons`).
    expect(Buffer.compare(committed.data, drawIcon(size).data)).toBe(0);
  });

  it('draws the design: a teal tile, white bars, an amber trend line, transparent corners', () => {
    const png = drawIcon(80);
    const pixel = (x: number, y: number) => [...png.data.subarray((y * 80 + x) * 4, (y * 80 + x) * 4 + 4)];
    expect(pixel(0, 0)[3]).toBe(0); // rounded corner
    expect(pixel(40, 8)).toEqual([15, 108, 92, 255]); // tile
    expect(pixel(60, 60)).toEqual([255, 255, 255, 255]); // tallest bar
    expect(pixel(67, 13)).toEqual([255, 185, 0, 255]); // trend line end
  });
});
