/**
 * Runs the production webpack build (webpack's Node API) into a fixed temp directory, at most once
 * per set of inputs: the build takes a minute or two on two cores, and the manifest test and the
 * browser test (possibly in different jest workers) both need it.
 *
 * - In one process, every caller shares one promise.
 * - Across processes, the build directory carries a stamp: the project files the build read
 *   (webpack's file dependencies outside node_modules, plus the config, manifest and assets), a
 *   fingerprint of them (path, size, mtime) and the build's outcome. A stamp whose files are
 *   unchanged is reused; otherwise one process builds while the others wait on a lock directory.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';

export const BUILD_DIR = path.join(os.tmpdir(), 'territory-rebalancer-build');
const ROOT = path.resolve(__dirname, '..', '..');
const STAMP = path.join(BUILD_DIR, '.build-stamp.json');
const LOCK = `${BUILD_DIR}.lock`;
const ALWAYS = ['assets', 'manifest.xml', 'webpack.config.js', 'package.json', 'package-lock.json'];
const STALE_LOCK_MS = 20 * 60_000;

export interface BuildOutcome {
  outputPath: string;
  /** Emitted asset names (paths relative to outputPath, forward slashes). */
  assets: string[];
  errors: string[];
  warnings: string[];
}

interface Stamp {
  /** Project-relative files and folders the build depends on. */
  inputs: string[];
  fingerprint: string;
  outcome: BuildOutcome;
}

let building: Promise<BuildOutcome> | null = null;

export function buildOnce(): Promise<BuildOutcome> {
  building ??= buildIfStale();
  return building;
}

/** A hash of the path, size and modification time of every file in `inputs` (folders recursively). */
export function inputFingerprint(inputs: string[]): string {
  const hash = createHash('sha1');
  const visit = (rel: string) => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs)) return;
    const st = fs.statSync(abs);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(rel, name));
    } else {
      hash.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  [...inputs].sort().forEach(visit);
  return hash.digest('hex');
}

function editedSince(inputs: string[], since: number): boolean {
  const visit = (abs: string): boolean => {
    if (!fs.existsSync(abs)) return true;
    const st = fs.statSync(abs);
    if (st.isDirectory()) return fs.readdirSync(abs).some((name) => visit(path.join(abs, name)));
    return st.mtimeMs >= since - 1000;
  };
  return inputs.some((f) => visit(path.join(ROOT, f)));
}

function readStamp(): BuildOutcome | null {
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8')) as Stamp;
    if (stamp.inputs.some((f) => !fs.existsSync(path.join(ROOT, f)))) return null;
    if (inputFingerprint(stamp.inputs) !== stamp.fingerprint) return null;
    const allThere = stamp.outcome.assets.every((a) => fs.existsSync(path.join(BUILD_DIR, a)));
    return allThere ? stamp.outcome : null;
  } catch {
    return null;
  }
}

function tryLock(): boolean {
  try {
    fs.mkdirSync(LOCK);
    return true;
  } catch {
    try {
      if (Date.now() - fs.statSync(LOCK).mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // the other process just released it
    }
    return false;
  }
}

async function buildIfStale(): Promise<BuildOutcome> {
  for (;;) {
    const reused = readStamp();
    if (reused) return reused;
    if (tryLock()) {
      try {
        const again = readStamp();
        if (again) return again;
        const started = Date.now();
        const { outcome, inputs } = await runBuild();
        // A file edited while webpack ran may not be in this build: then leave no stamp, so the next run builds again.
        if (!editedSince(inputs, started)) {
          fs.writeFileSync(STAMP, JSON.stringify({ inputs, fingerprint: inputFingerprint(inputs), outcome } satisfies Stamp));
        }
        return outcome;
      } finally {
        fs.rmSync(LOCK, { recursive: true, force: true });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function runBuild(): Promise<{ outcome: BuildOutcome; inputs: string[] }> {
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: Record<string, string>, argv: Record<string, string>) => webpack.Configuration;
  const config = makeConfig({ outputPath: BUILD_DIR }, { mode: 'production' });
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err || !stats) {
        reject(err ?? new Error('webpack returned no stats'));
        return;
      }
      const json = stats.toJson({ all: false, assets: true, errors: true, warnings: true });
      const read = [...stats.compilation.fileDependencies]
        .map((f) => path.relative(ROOT, f))
        .filter((f) => f !== '' && !f.startsWith('..') && !path.isAbsolute(f) && !f.split(path.sep).includes('node_modules'))
        // Files only: webpack also lists the folders it searched, and a whole folder would fingerprint other helpers' work.
        .filter((f) => fs.existsSync(path.join(ROOT, f)) && fs.statSync(path.join(ROOT, f)).isFile());
      resolve({
        inputs: Array.from(new Set([...ALWAYS.filter((f) => fs.existsSync(path.join(ROOT, f))), ...read])),
        outcome: {
          outputPath: BUILD_DIR,
          assets: (json.assets ?? []).map((a) => a.name.replace(/\\/g, '/')),
          errors: (json.errors ?? []).map((e) => e.message),
          warnings: (json.warnings ?? []).map((w) => w.message),
        },
      });
    });
  });
}
