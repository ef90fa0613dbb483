import { CONDITIONAL_STYLES, STATUS_WORDS, STYLES, statusCell } from '../../src/sheets/styles';

/** WCAG relative luminance of an `RRGGBB` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('the style palette', () => {
  it('keeps every text colour at 4.5:1 or more against its fill (white when none)', () => {
    for (const [name, style] of Object.entries(STYLES)) {
      const font = (style as { font?: { color?: string } }).font?.color ?? '000000';
      const fill = (style as { fill?: string }).fill ?? 'FFFFFF';
      expect([name, contrast(font, fill) >= 4.5]).toEqual([name, true]);
    }
    for (const [name, style] of Object.entries(CONDITIONAL_STYLES)) {
      const font = (style as { fontColor?: string }).fontColor ?? '000000';
      const fill = (style as { fill?: string }).fill ?? 'FFFFFF';
      expect([name, contrast(font, fill) >= 4.5]).toEqual([name, true]);
    }
  });

  it('spells each status one way, capitalised, with a look for the ones that call for attention', () => {
    for (const word of Object.values(STATUS_WORDS)) expect(word[0]).toBe(word[0].toUpperCase());
    expect(statusCell('at risk')).toEqual({ text: 'At risk', style: 'warn' });
    expect(statusCell('ON TRACK')).toEqual({ text: 'On track', style: 'good' });
    expect(statusCell('off track')).toEqual({ text: 'Off track', style: 'bad' });
    expect(statusCell('something else')).toEqual({ text: 'something else' });
  });
});
