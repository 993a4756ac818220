'use strict';
/**
 * One JavaScript file for a TypeScript entry (the command line, the optimizer's worker thread), built
 * with esbuild into node_modules/.cache and rebuilt whenever one of its sources changes. Run through
 * tsx, every call across our modules goes through the getter CommonJS interop gives each export; the
 * bundle calls directly, and the optimizer runs about a fifth faster (5k × 25, three scenarios: 1.2 s
 * against 0.97 s warm). Packages stay outside the bundle (`require`d from node_modules as before).
 * Returns null when the bundle cannot be had (esbuild missing, a read-only folder, a build error):
 * the caller then runs the TypeScript through tsx.
 */
const fs = require('node:fs');
const path = require('node:path');

/**
 * The folder holding the package.json nearest above `file`, or null.
 * @param {string} file
 * @returns {string | null}
 */
function packageRootOf(file) {
  let dir = path.dirname(file);
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return dir;
}

/** True when every source the manifest lists still has the size and time it had when bundled. */
function unchanged(manifest, esbuildVersion) {
  if (!manifest || manifest.esbuild !== esbuildVersion) return false;
  for (const [file, [mtimeMs, size]] of Object.entries(manifest.inputs)) {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return false;
    }
    if (stat.mtimeMs !== mtimeMs || stat.size !== size) return false;
  }
  return true;
}

/** A source this recent when a build starts may have changed during it (see build). */
const RECENT_MS = 50;

/** Built or found up to date this process: each entry is checked once. */
const known = new Map();

/**
 * The path of an up-to-date bundle of `entry` (an absolute path to a .ts file), or null.
 * @param {string} entry
 * @returns {string | null}
 */
function freshBundle(entry) {
  if (known.has(entry)) return known.get(entry);
  let out = null;
  try {
    out = build(entry);
  } catch {
    out = null;
  }
  known.set(entry, out);
  return out;
}

function build(entry) {
  const root = packageRootOf(entry);
  if (!root) return null;
  const version = require('esbuild/package.json').version; // esbuild itself loads only to build (8 ms)
  const dir = path.join(root, 'node_modules', '.cache', 'territory-rebalancer');
  // named by the entry and the checkout (a second worktree may share node_modules through a link)
  const checkout = require('node:crypto').createHash('sha1').update(root).digest('hex').slice(0, 8);
  const name = `${path.relative(root, entry).replace(/\.tsx?$/, '').replace(/[\\/]/g, '-')}-${checkout}`;
  const outfile = path.join(dir, `${name}.js`);
  const manifestFile = path.join(dir, `${name}.json`);
  let manifest = null;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    manifest = null;
  }
  if (fs.existsSync(outfile) && unchanged(manifest, version)) return outfile;
  fs.mkdirSync(dir, { recursive: true });
  // written beside and renamed into place: test files or two commands may build at once
  const temp = `${outfile}.${process.pid}.tmp`;
  const started = Date.now();
  const result = require('esbuild').buildSync({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    outfile: temp,
    metafile: true,
    logLevel: 'silent',
    // where the sources are, for src/hosts/node/packageRoot.ts (the bundle's own folder is the cache)
    define: { __TR_PACKAGE_ROOT__: JSON.stringify(root) },
  });
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(root, input);
    const stat = fs.statSync(file);
    inputs[file] = [stat.mtimeMs, stat.size];
  }
  fs.renameSync(temp, outfile);
  // a source saved while esbuild read it may not be in the bundle: without a manifest the next run builds again.
  // File times come from the kernel's coarse clock, up to a tick (1-10 ms) behind Date.now(): hence the margin.
  if (Object.values(inputs).some(([mtimeMs]) => mtimeMs >= started - RECENT_MS)) return outfile;
  const tempManifest = `${manifestFile}.${process.pid}.tmp`;
  fs.writeFileSync(tempManifest, JSON.stringify({ entry, esbuild: version, inputs }));
  fs.renameSync(tempManifest, manifestFile);
  return outfile;
}

module.exports = { freshBundle, packageRootOf };
