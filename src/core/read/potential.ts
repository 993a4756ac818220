/**
 * Missing potential (SPEC §1, seeds 001 and 003). Where some accounts lack Potential, fit an
 * explainable log-linear model on the accounts that have it:
 *
 *   log(Potential) ≈ β₀ + β₁·log(1+Employees) + β₂·log(1+Revenue TTM) + segment and industry terms
 *
 * (only the features the data has), measure it on held-out accounts (every 5th by sorted Account
 * ID), refit on all and fill the gaps, marking them `potentialEstimated`. With no Potential at all,
 * Employees (else Revenue TTM) is the proxy. Never silent: a problem summarises what was done.
 */
import type { Account, PotentialModelReport, Problem } from '../model';
import { plural } from './cells';
import { fitRidge, median, predict, rSquared, type LinearFit } from './regression';

/** Below this many accounts with potential, only numeric features are used and nothing is held out. */
const MIN_FOR_FULL_MODEL = 10;
/** Every HOLDOUT_EVERY-th account (by sorted ID) is held out to measure the fit. */
const HOLDOUT_EVERY = 5;
const MAX_LEVELS = 15;
const MIN_LEVEL_COUNT = 3;

export interface PotentialInput {
  accounts: Account[];
  /** Indexes of accounts with no usable Potential (their `potential` is a placeholder). */
  missing: number[];
  hasPotentialColumn: boolean;
  hasRevenueColumn: boolean;
  hasEmployeesColumn: boolean;
  sheet: string;
  /** Where the Potential column is ("E2:E501"), or the header row when there is none. */
  cell: string;
}

interface Design {
  names: string[];
  p: number;
  row: (a: Account) => number[];
}

/** Fill missing potential in place; returns the report, or null when nothing was missing. */
export function estimateMissingPotential(input: PotentialInput, problems: Problem[]): PotentialModelReport | null {
  const { accounts, missing } = input;
  if (missing.length === 0) return null;
  const missingSet = new Set(missing);
  const train = accounts.filter((a, i) => !missingSet.has(i) && a.potential > 0);
  if (train.length === 0) return useProxy(input, problems);

  const design = buildDesign(train, input, train.length >= MIN_FOR_FULL_MODEL);
  const target = (a: Account) => Math.log(a.potential);

  // Deterministic hold-out: sort by ID, every 5th account is held out.
  const sorted = [...train].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  let holdoutR2 = Number.NaN;
  let holdoutMedianAPE = Number.NaN;
  let heldOut = 0;
  if (train.length >= MIN_FOR_FULL_MODEL) {
    const fitSet = sorted.filter((_, i) => i % HOLDOUT_EVERY !== HOLDOUT_EVERY - 1);
    const holdout = sorted.filter((_, i) => i % HOLDOUT_EVERY === HOLDOUT_EVERY - 1);
    const fit = fitRidge(fitSet, design.row, target, design.p);
    const actual = holdout.map(target);
    const predicted = holdout.map((a) => predict(fit, design.row(a)));
    holdoutR2 = rSquared(actual, predicted);
    holdoutMedianAPE = median(holdout.map((a, i) => Math.abs(Math.exp(predicted[i]) - a.potential) / a.potential));
    heldOut = holdout.length;
  }

  const fit = fitRidge(sorted, design.row, target, design.p);
  // Estimates stay within ten times the largest potential read (no wild extrapolation, never Infinity).
  let ceiling = 0;
  for (const a of train) ceiling = Math.max(ceiling, a.potential);
  ceiling *= 10;
  for (const i of missing) {
    const a = accounts[i];
    const estimate = Math.exp(predict(fit, design.row(a)));
    a.potential = Math.round(Number.isFinite(estimate) ? Math.min(estimate, ceiling) : median(train.map((t) => t.potential)));
    a.potentialEstimated = true;
  }

  const quality = heldOut > 0
    ? `held-out R² ${holdoutR2.toFixed(2)}, median error ${(holdoutMedianAPE * 100).toFixed(0)}% on ${heldOut} accounts`
    : `too few accounts to hold any out, so the fit is not measured`;
  const description =
    `Potential estimated for ${missing.length} of ${accounts.length} accounts by a log-linear model ` +
    `${equation(fit, design)} trained on ${train.length} accounts with Potential (${quality}). Estimated values are marked.`;
  const weak = !(holdoutR2 >= 0.5);
  problems.push({ severity: weak ? 'warning' : 'info', sheet: input.sheet, cell: input.cell, message: description });
  return { features: design.names, trainedOn: train.length, estimated: missing.length, holdoutR2, holdoutMedianAPE, description };
}

/** The fitted equation in words, e.g. "log(Potential) = 7.30 + 0.80·log(1+Employees) − 0.41·[Segment = SMB]". */
function equation(fit: LinearFit, design: Design): string {
  const c = fit.coefficients;
  const MAX_TERMS = 8;
  const term = (name: string, b: number) => ` ${b < 0 ? '−' : '+'} ${Math.abs(b).toFixed(2)}·${name.startsWith('log') ? name : `[${name}]`}`;
  const terms = design.names.slice(0, MAX_TERMS).map((n, i) => term(n, c[i + 1])).join('');
  const more = design.names.length > MAX_TERMS ? ` + ${design.names.length - MAX_TERMS} more category terms` : '';
  return `log(Potential) = ${c[0].toFixed(2)}${terms}${more}`;
}

/** Category levels worth a dummy: the most frequent `MAX_LEVELS` with at least MIN_LEVEL_COUNT accounts, the commonest as reference. */
function levels(train: Account[], key: (a: Account) => string | null): string[] {
  const counts = new Map<string, number>();
  for (const a of train) {
    const k = key(a);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const ranked = [...counts].filter(([, n]) => n >= MIN_LEVEL_COUNT).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return ranked.slice(1, MAX_LEVELS + 1).map(([k]) => k);
}

function buildDesign(train: Account[], input: PotentialInput, full: boolean): Design {
  const names: string[] = [];
  const parts: ((a: Account, x: number[]) => void)[] = [];
  const withEmployees = train.filter((a) => a.employees !== null);
  if (input.hasEmployeesColumn && withEmployees.length >= Math.max(1, 0.2 * train.length)) {
    const meanLog = withEmployees.reduce((s, a) => s + Math.log1p(a.employees as number), 0) / withEmployees.length;
    const someUnknown = withEmployees.length < train.length;
    names.push('log(1+Employees)');
    parts.push((a, x) => x.push(a.employees === null ? meanLog : Math.log1p(a.employees)));
    if (someUnknown && full) {
      names.push('Employees unknown');
      parts.push((a, x) => x.push(a.employees === null ? 1 : 0));
    }
  }
  if (input.hasRevenueColumn && train.some((a) => a.revenueTTM > 0)) {
    names.push('log(1+Revenue TTM)');
    parts.push((a, x) => x.push(Math.log1p(Math.max(0, a.revenueTTM))));
  }
  if (full) {
    for (const [label, key] of [
      ['Segment', (a: Account) => a.segment as string | null],
      ['Industry', (a: Account) => a.industry],
    ] as const) {
      const lv = levels(train, key);
      if (lv.length === 0) continue;
      for (const level of lv) {
        names.push(`${label} = ${level}`);
        parts.push((a, x) => x.push(key(a) === level ? 1 : 0));
      }
    }
  }
  return {
    names,
    p: names.length + 1,
    row: (a) => {
      const x = [1];
      for (const part of parts) part(a, x);
      return x;
    },
  };
}

/** No account has Potential: Employees, else Revenue TTM, else one per account, and say so. */
function useProxy(input: PotentialInput, problems: Problem[]): PotentialModelReport {
  const { accounts, missing } = input;
  const why = input.hasPotentialColumn ? 'No account has a Potential value' : 'There is no Potential column';
  let proxyName: string;
  let valueOf: (a: Account) => number | null;
  if (input.hasEmployeesColumn && accounts.some((a) => a.employees !== null && a.employees > 0)) {
    proxyName = 'Employees';
    valueOf = (a) => (a.employees !== null && a.employees > 0 ? a.employees : null);
  } else if (input.hasRevenueColumn && accounts.some((a) => a.revenueTTM > 0)) {
    proxyName = 'Revenue TTM';
    valueOf = (a) => (a.revenueTTM > 0 ? a.revenueTTM : null);
  } else {
    proxyName = 'one per account';
    valueOf = () => 1;
  }
  const known = missing.map((i) => valueOf(accounts[i])).filter((v): v is number => v !== null);
  const fill = known.length > 0 ? median(known) : 1;
  let filled = 0;
  for (const i of missing) {
    const v = valueOf(accounts[i]);
    if (v === null) filled++;
    accounts[i].potential = v ?? fill;
    accounts[i].potentialEstimated = true;
  }
  const gap = filled > 0 ? `; ${plural(filled, 'account')} without ${proxyName} ${filled === 1 ? 'gets' : 'get'} the median (${fill.toLocaleString('en-US')})` : '';
  const description =
    proxyName === 'one per account'
      ? `${why}, and no Employees or Revenue TTM to use as a proxy: every account counts 1, so balancing potential balances account counts`
      : `${why}: ${proxyName} is used as the potential proxy for ${missing.length === 1 ? 'the account' : `all ${missing.length} accounts`} (seed 001: "use employee count or NAICS as a proxy")${gap}. Potential figures are in units of ${proxyName}, not currency`;
  problems.push({ severity: 'warning', sheet: input.sheet, cell: input.cell, message: description });
  return {
    features: proxyName === 'one per account' ? [] : [`${proxyName} (proxy)`],
    trainedOn: 0,
    estimated: missing.length,
    holdoutR2: Number.NaN,
    holdoutMedianAPE: Number.NaN,
    description,
  };
}
