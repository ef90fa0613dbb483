import { latestReviewBefore } from '../../src/workflows';
import { calendarOf, parsePeriodKey } from '../../src/core/periods';

describe('the review that open actions carry over from', () => {
  const sheets = ['Orders', 'Dashboard', 'Review 2026-W45', 'Review 2026-W46', 'Review 2026-W49', 'Review notes'];

  it('is the latest earlier review, even when a week was skipped', () => {
    expect(latestReviewBefore(sheets, parsePeriodKey('2026-W48')!)).toBe('Review 2026-W46');
    expect(latestReviewBefore(sheets, parsePeriodKey('2026-W47')!)).toBe('Review 2026-W46');
    expect(latestReviewBefore(sheets, parsePeriodKey('2026-W46')!)).toBe('Review 2026-W45');
  });

  it('crosses the year and ignores later or unrelated sheets', () => {
    expect(latestReviewBefore(['Review 2026-W53', 'Review 2027-W02'], parsePeriodKey('2027-W01')!)).toBe(
      'Review 2026-W53',
    );
    expect(latestReviewBefore(sheets, parsePeriodKey('2026-W45')!)).toBeUndefined();
    expect(latestReviewBefore(['Review 2026-W99', 'Review x'], parsePeriodKey('2026-W48')!)).toBeUndefined();
  });

  it('reads week keys in the calendar of the week under review', () => {
    const sunday = calendarOf({ weekStartsOn: 7 });
    expect(latestReviewBefore(['Review 2026-W47'], parsePeriodKey('2026-W48', sunday)!)).toBe('Review 2026-W47');
  });
});
