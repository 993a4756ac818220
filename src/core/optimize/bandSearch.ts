/** The search for the narrowest balance band that passes a test (the LP's, or repair's). */

/**
 * The narrowest band that passes `test`, starting from `first` (all bands up to `lo` are known or
 * assumed to fail): widen (× 1.5 + 5 pts, at most `tries` bands in all) until one passes, then bisect
 * between the last failure and the pass to `tolerance`. `test` answers what a pass gives (an object),
 * false for a failure, or null (cannot tell: stop searching). Null when no band passed; else the
 * band, the widest failure below it and what the test gave at that band.
 */
export function narrowestBand<T extends object>(
  lo: number,
  first: number,
  tries: number,
  tolerance: number,
  test: (band: number) => T | false | null,
  stop: () => boolean,
): { band: number; failedAt: number; passed: T } | null {
  let failed = lo;
  let band = first;
  let passed: { band: number; value: T } | null = null;
  // only finite bands are tried: a bisection toward an infinite one would never end
  for (let k = 0; k < tries && passed === null && Number.isFinite(band) && !stop(); k++, band = band * 1.5 + 0.05) {
    const out = test(band);
    if (out === null) return null;
    if (out) passed = { band, value: out };
    else failed = band;
  }
  while (passed !== null && passed.band - failed > tolerance && !stop()) {
    const mid = (failed + passed.band) / 2;
    const out = test(mid);
    if (out === null) break;
    if (out) passed = { band: mid, value: out };
    else failed = mid;
  }
  return passed === null ? null : { band: passed.band, failedAt: failed, passed: passed.value };
}
