/**
 * Draws the add-in's icons (rising bars under a trend line on a rounded teal tile) into
 * `assets/icon-<size>.png`. The design is described once in unit coordinates and rendered at
 * each size with 8×8 supersampling, so small ribbon icons stay crisp without hand-made pixels.
 *
 * Run with `npm run icons` (or `tsx scripts/draw-icons.ts [outDir]`); the PNGs are committed.
 */
import fs from 'fs';
import path from 'path';
import { PNG } from 'pngjs';

/** Sizes the manifest declares: ribbon 16/32/80, store icon 32, high-resolution icon 64. */
export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgba = readonly [number, number, number, number];

const TILE: Rgba = [15, 108, 92, 255]; // deep teal
const BAR: Rgba = [255, 255, 255, 255];
const BAR_LIGHT: Rgba = [178, 227, 214, 255];
const TREND: Rgba = [255, 185, 0, 255]; // amber

/** Bars as [left, top, right] in unit space; they all stand on the same baseline. */
const BASELINE = 0.82;
const BARS: ReadonlyArray<readonly [number, number, number]> = [
  [0.18, 0.6, 0.34],
  [0.42, 0.46, 0.58],
  [0.66, 0.3, 0.82],
];
/** The trend line runs above the bar tops, rising left to right. */
const TREND_FROM = [0.16, 0.5] as const;
const TREND_TO = [0.84, 0.16] as const;

function insideRoundedTile(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

function distanceToSegment(x: number, y: number, a: readonly number[], b: readonly number[]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}

/** Colour of one point of the design, or null when it falls outside the tile (transparent). */
function colourAt(x: number, y: number, size: number): Rgba | null {
  if (!insideRoundedTile(x, y, 0.18)) return null;
  // Thin strokes vanish at 16 px, so the line gets thicker (in unit terms) as the icon shrinks.
  const lineHalfWidth = Math.max(0.045, 0.9 / size);
  if (distanceToSegment(x, y, TREND_FROM, TREND_TO) <= lineHalfWidth) return TREND;
  if (Math.hypot(x - TREND_TO[0], y - TREND_TO[1]) <= lineHalfWidth * 1.9) return TREND;
  for (let i = 0; i < BARS.length; i++) {
    const [left, top, right] = BARS[i];
    if (x >= left && x <= right && y >= top && y <= BASELINE) return i === BARS.length - 1 ? BAR : BAR_LIGHT;
  }
  return TILE;
}

/** Renders the icon at `size` × `size` pixels. */
export function drawIcon(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = 8;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, size);
          if (!c) continue;
          // Premultiplied accumulation keeps anti-aliased edges free of dark fringes.
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = a ? Math.round(r / a) : 0;
      png.data[offset + 1] = a ? Math.round(g / a) : 0;
      png.data[offset + 2] = a ? Math.round(b / a) : 0;
      png.data[offset + 3] = Math.round(a / (samples * samples));
    }
  }
  return png;
}

function main(outDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, PNG.sync.write(drawIcon(size)));
    process.stdout.write(`wrote ${file}\n`);
  }
}

if (require.main === module) {
  main(path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'assets')));
}
