import { themeFor } from '../../src/taskpane/theme';

describe('themeFor', () => {
  it('follows the Office theme background', () => {
    expect(themeFor('#FFFFFF')).toBe('light'); // Colorful / White
    expect(themeFor('#e6e6e6')).toBe('light'); // Dark Gray's light pane
    expect(themeFor('#262626')).toBe('dark'); // Black
    expect(themeFor('#1f1f1f', false)).toBe('dark');
    expect(themeFor('444444')).toBe('dark');
  });

  it('falls back to the browser preference without a readable colour', () => {
    expect(themeFor(undefined)).toBe('light');
    expect(themeFor(undefined, true)).toBe('dark');
    expect(themeFor('not a colour', true)).toBe('dark');
    expect(themeFor('#fff', false)).toBe('light');
  });
});
