import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** bin/bundle.js afresh: it remembers each entry it checked for the rest of the process. */
function freshBundle(entry: string): string | null {
  let load: ((entry: string) => string | null) | null = null;
  jest.isolateModules(() => {
    load = (require('../../../bin/bundle') as typeof import('../../../bin/bundle')).freshBundle;
  });
  return load!(entry);
}

/** Loads a bundle as a new module (require would hand back the cached one after a rebuild). */
function run(file: string): Record<string, unknown> {
  const mod = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', fs.readFileSync(file, 'utf8'))(mod, mod.exports, require);
  return mod.exports;
}

describe('bin/bundle.js: one JavaScript file per TypeScript entry, rebuilt when a source changes', () => {
  let dir: string;
  let entry: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tr-bundle-'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bundle-test' }));
    fs.mkdirSync(path.join(dir, 'src'));
    entry = path.join(dir, 'src', 'main.ts');
    fs.writeFileSync(
      entry,
      "import { twice } from './twice';\nimport * as path from 'node:path';\ndeclare const __TR_PACKAGE_ROOT__: string | undefined;\n" +
        "export const answer: number = twice(21);\nexport const sep = path.sep;\nexport const root = typeof __TR_PACKAGE_ROOT__ === 'string' ? __TR_PACKAGE_ROOT__ : null;\n",
    );
    fs.writeFileSync(path.join(dir, 'src', 'twice.ts'), 'export const twice = (n: number): number => 2 * n;\n');
    // sources saved a moment before a build may have changed during it, and get no manifest: these are older
    const old = new Date(Date.now() - 120_000);
    for (const file of ['main.ts', 'twice.ts']) fs.utimesSync(path.join(dir, 'src', file), old, old);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('bundles the entry and what it imports into node_modules/.cache, and the bundle runs', () => {
    const out = freshBundle(entry);
    expect(path.dirname(out!)).toBe(path.join(dir, 'node_modules', '.cache', 'territory-rebalancer'));
    expect(path.basename(out!)).toMatch(/^src-main-[0-9a-f]{8}\.js$/); // the entry, and a hash of the checkout's folder
    // the package's folder is written in: the bundle's own __dirname is the cache
    expect(run(out!)).toEqual({ answer: 42, sep: path.sep, root: dir });
    const text = fs.readFileSync(out!, 'utf8');
    expect(text).toContain('2 * n'); // twice.ts is inside
    expect(text).toMatch(/require\("node:path"\)/); // node's own modules and packages stay outside
  });

  it('reuses an unchanged bundle and rebuilds one whose source changed', () => {
    const out = freshBundle(entry)!;
    const built = fs.statSync(out).mtimeMs;
    fs.utimesSync(out, new Date(built - 60_000), new Date(built - 60_000)); // so that a rebuild would show
    const before = fs.statSync(out).mtimeMs;
    expect(freshBundle(entry)).toBe(out);
    expect(fs.statSync(out).mtimeMs).toBe(before);
    fs.writeFileSync(path.join(dir, 'src', 'twice.ts'), 'export const twice = (n: number): number => 3 * n; // changed\n');
    expect(freshBundle(entry)).toBe(out);
    expect(fs.statSync(out).mtimeMs).toBeGreaterThan(before);
    expect(run(out).answer).toBe(63);
  });

  it('writes no manifest when a source was saved as the build started, so the next process builds again', () => {
    fs.writeFileSync(path.join(dir, 'src', 'twice.ts'), 'export const twice = (n: number): number => 4 * n;\n'); // saved just now
    const out = freshBundle(entry)!;
    expect(run(out).answer).toBe(84);
    const cache = path.dirname(out);
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.json'))).toEqual([]);
    // once the sources are older, the build leaves its manifest and is reused
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(path.join(dir, 'src', 'twice.ts'), old, old);
    freshBundle(entry);
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });

  it('bin/run-ts.js runs a script from its bundle, with its own arguments; outside a package, through tsx', () => {
    const script = path.join(dir, 'src', 'script.ts');
    fs.writeFileSync(
      script,
      "import { twice } from './twice';\ndeclare const __TR_PACKAGE_ROOT__: string | undefined;\n" +
        'console.log(JSON.stringify({ args: process.argv.slice(2), answer: twice(4), bundled: typeof __TR_PACKAGE_ROOT__ === "string" }));\n',
    );
    const runTs = path.resolve(__dirname, '../../../bin/run-ts.js');
    const ran = spawnSync(process.execPath, [runTs, script, 'x', '--y'], { encoding: 'utf8' });
    expect(JSON.parse(ran.stdout)).toEqual({ args: ['x', '--y'], answer: 8, bundled: true });
    // no package.json above it: no bundle, the TypeScript runs through tsx
    const loose = fs.mkdtempSync(path.join(os.tmpdir(), 'tr-loose-'));
    try {
      fs.copyFileSync(script, path.join(loose, 'script.ts'));
      fs.copyFileSync(path.join(dir, 'src', 'twice.ts'), path.join(loose, 'twice.ts'));
      const fallback = spawnSync(process.execPath, [runTs, path.join(loose, 'script.ts'), 'z'], { encoding: 'utf8' });
      expect(JSON.parse(fallback.stdout)).toEqual({ args: ['z'], answer: 8, bundled: false });
    } finally {
      fs.rmSync(loose, { recursive: true, force: true });
    }
  });

  it('gives null when the sources do not build, so the caller runs them through tsx', () => {
    fs.writeFileSync(path.join(dir, 'src', 'twice.ts'), 'export const twice = (n: number): number => 2 * ;\n');
    expect(freshBundle(entry)).toBeNull();
    expect(fs.readdirSync(path.join(dir, 'node_modules', '.cache', 'territory-rebalancer')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
