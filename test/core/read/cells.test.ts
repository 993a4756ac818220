import {
  dateToSerial,
  parseBoolean,
  parseDate,
  parseFraction,
  parseNumber,
  parseSegment,
  parseStage,
  parseStatus,
} from '../../../src/core/read/cells';

const value = <T>(p: { ok: true; value: T | null } | { ok: false; expected: string }) => (p.ok ? p.value : `not ${p.expected}`);

describe('numbers', () => {
  test.each([
    [84000, 84000],
    ['$84,000', 84000],
    ['12%', 0.12],
    ['1.3', 1.3],
    ['(1,200)', -1200],
    ['-3.5', -3.5],
    ['1.2M', 1_200_000],
    ['250k', 250_000],
    ['€ 1 500', 1500],
    ['', null],
    ['n/a', null],
    [null, null],
    ['abc', 'not a number'],
    ['12abc', 'not a number'],
    [true, 'not a number'],
  ])('%p → %p', (raw, want) => {
    expect(value(parseNumber(raw))).toBe(want);
  });
});

describe('decimal commas and other separators typed as text', () => {
  test.each([
    ['84,5', 84.5],
    ['1,25', 1.25],
    ['0,125', 0.125],
    ['-0,5', -0.5],
    ['3,14159', 3.14159],
    ['€ 84,5', 84.5],
    ['1,5k', 1500],
    ['1.234,56', 1234.56],
    ['1.234.567,8', 1234567.8],
    ['1 234,5', 1234.5],
    ['1,234.56', 1234.56],
    ["1'234.50", 1234.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1,23,456', 123456],
    // a lone comma with three digits after a non-zero part is grouping, as in "$84,000"
    ['84,000', 84000],
    ['1,234', 1234],
    // a lone dot stays a decimal dot
    ['1.234', 1.234],
    ['1,2,3', 'not a number'],
    ['1.2.3', 'not a number'],
    ['1,234,5', 'not a number'],
    ['1.234,5,6', 'not a number'],
    // with both marks, the digits before the decimal one are grouped in threes too
    ['1,23,456.78', 123456.78],
    ['12,34.5', 'not a number'],
    ['12.34,5', 'not a number'],
    ['1,2345.6', 'not a number'],
  ])('%p → %p', (raw, want) => {
    const v = value(parseNumber(raw));
    if (typeof want === 'number') expect(v).toBeCloseTo(want, 9);
    else expect(v).toBe(want);
  });

  test('a band or a percent with a decimal comma is the fraction typed: "0,5" → 0.5, "12,5%" → 0.125, "12,5" → 0.125', () => {
    expect(value(parseFraction('0,5', 1))).toBeCloseTo(0.5, 12);
    expect(value(parseFraction('12,5%', 1))).toBeCloseTo(0.125, 12);
    expect(value(parseFraction('12,5', 1))).toBeCloseTo(0.125, 12);
    expect(value(parseFraction('97,5%', 3))).toBeCloseTo(0.975, 12);
  });
});

describe('attainment fractions (values above 3 are percents)', () => {
  test.each([
    [130, 1.3],
    ['130%', 1.3],
    ['95%', 0.95],
    [95, 0.95],
    [0.8, 0.8],
    [2.5, 2.5],
    ['1.05', 1.05],
    ['x', 'not a number'],
  ])('%p → %p', (raw, want) => {
    const v = value(parseFraction(raw, 3));
    if (typeof want === 'number') expect(v).toBeCloseTo(want, 12);
    else expect(v).toBe(want);
  });
});

describe('booleans', () => {
  test.each([
    ['Y', true],
    ['yes', true],
    ['TRUE', true],
    [true, true],
    [1, true],
    ['N', false],
    ['No', false],
    [0, false],
    ['', null],
    ['maybe', 'not Y or N'],
    [2, 'not Y or N'],
  ])('%p → %p', (raw, want) => {
    expect(value(parseBoolean(raw))).toBe(want);
  });
});

describe('dates to Excel serials', () => {
  test('2025-01-01 is 45658 whichever way it arrives', () => {
    expect(value(parseDate(45658))).toBe(45658);
    expect(value(parseDate(new Date(Date.UTC(2025, 0, 1))))).toBe(45658);
    expect(value(parseDate('2025-01-01'))).toBe(45658);
    expect(dateToSerial(new Date(Date.UTC(1970, 0, 1)))).toBe(25569);
  });
  test('2025-03-14 = 45658 + 31 + 28 + 13 = 45730', () => {
    expect(value(parseDate('2025-03-14'))).toBe(45730);
    expect(value(parseDate('3/14/2025'))).toBe(45730);
    expect(value(parseDate('14/3/2025'))).toBe(45730);
  });
  test('impossible dates and text are not dates', () => {
    expect(value(parseDate('2025-02-30'))).toBe('not a date');
    expect(value(parseDate('last week'))).toBe('not a date');
    expect(value(parseDate(-5))).toBe('not a date');
  });
});

describe('segments and statuses', () => {
  test.each([
    ['SMB', 'SMB'],
    ['Small Business', 'SMB'],
    ['mid-market', 'Mid-Market'],
    ['Mid Market', 'Mid-Market'],
    ['MM', 'Mid-Market'],
    ['Midmarket', 'Mid-Market'],
    ['ENT', 'Enterprise'],
    ['Strategic', 'Enterprise'],
    ['Government', 'not SMB, Mid-Market or Enterprise'],
  ])('segment %p → %p', (raw, want) => {
    expect(value(parseSegment(raw))).toBe(want);
  });
  test.each([
    ['Active', 'Active'],
    ['Leaving', 'Departing'],
    ['Terminated', 'Departing'],
    ['departing', 'Departing'],
    ['New Hire', 'New'],
    ['Hire', 'New'],
    ['new', 'New'],
    ['On leave', 'not Active, Departing or New'],
  ])('status %p → %p', (raw, want) => {
    expect(value(parseStatus(raw))).toBe(want);
  });
  test.each([
    [3, 3],
    ['Stage 4', 4],
    ['2 - Discovery', 2],
    ['Closed', 'not a stage from 0 to 5'],
  ])('stage %p → %p', (raw, want) => {
    expect(value(parseStage(raw))).toBe(want);
  });
});
