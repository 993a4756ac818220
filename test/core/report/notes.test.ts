import { NOTE_WIDTH, notes } from '../../../src/core/report/common';
import { statsMethod } from '../../../src/core/report/numbers';
import { fairShareMethod } from '../../../src/core/metrics/basics';

const STATS_METHOD = statsMethod(fairShareMethod({ accounts: [], reps: [] }, false));

describe('notes', () => {
  it('word-wraps a long method note into rows no wider than the tables, losing no word', () => {
    expect(STATS_METHOD.length).toBeGreaterThan(2 * NOTE_WIDTH);
    const rows = notes(STATS_METHOD);
    const lines = rows.map((r) => String(r[0]?.value));
    expect(lines.length).toBeGreaterThanOrEqual(Math.ceil(STATS_METHOD.length / NOTE_WIDTH));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(NOTE_WIDTH);
    expect(lines.join(' ')).toBe(STATS_METHOD.replace(/\s+/g, ' '));
    expect(rows.every((r) => r.length === 1 && r[0]?.italic === true)).toBe(true);
  });

  it('keeps a short note on one row and a word longer than a line whole', () => {
    expect(notes('Short note.').map((r) => r[0]?.value)).toEqual(['Short note.']);
    const long = 'x'.repeat(NOTE_WIDTH + 5);
    expect(notes(`see ${long} here`).map((r) => r[0]?.value)).toEqual(['see', long, 'here']);
  });
});
