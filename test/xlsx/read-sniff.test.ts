import { sniffDelimiter } from '../../src/xlsx/read-sniff';

describe('sniffDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
  ])('finds the consistent delimiter in %j', (sample, expected) => {
    expect(sniffDelimiter(sample, true)).toBe(expected);
  });

  it('ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('name;note\n"Smith, J";"a, b, c"\n"Lee, K";"d"\n', true)).toBe(';');
  });

  it('prefers a consistent semicolon over decimal commas', () => {
    expect(sniffDelimiter('1,5;2,5\n3,5;4,5\n', true)).toBe(';');
    expect(sniffDelimiter('date;amount\n2026-01-01;1,50\n2026-01-02;2\n', true)).toBe(';');
  });

  it('reads header-less space-separated columns as whitespace', () => {
    expect(
      sniffDelimiter(' 00004 0001 19970101  2   29.33\r\n 00021 0002 19970101  3   63.34\r\n', true),
    ).toBe('whitespace');
  });

  it('keeps text with spaces in a comma file as comma-separated', () => {
    expect(sniffDelimiter('name,city\nJohn Smith,New York\nAni Lestari,Jakarta Selatan\n', true)).toBe(',');
  });

  it('falls back to a comma for a single column and for an empty sample', () => {
    expect(sniffDelimiter('amount\n12\n13\n', true)).toBe(',');
    expect(sniffDelimiter('', true)).toBe(',');
  });

  it('ignores a cut-off last line when the sample is not the whole file', () => {
    expect(sniffDelimiter('a;b\n1;2\n3;4\n5', false)).toBe(';');
  });
});
