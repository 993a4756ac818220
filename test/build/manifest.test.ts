/**
 * manifest.xml against the build: it declares a shared runtime (SharedRuntime 1.1, one Runtime
 * with lifetime long) that holds the task pane and the TERRITORY custom functions, every resid it
 * uses is defined, and every URL it references is a file the production build emits. Checked
 * offline (office-addin-manifest's validator needs Microsoft's online service).
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { buildOnce, type BuildOutcome } from './buildOnce';

const ROOT = path.resolve(__dirname, '..', '..');
const DEV_ORIGIN = 'https://localhost:3000/';
const SPEC_FUNCTIONS = [
  'ATTAINMENT_SPREAD', 'TRIGGER_CHECK', 'POTENTIAL_INDEX', 'BALANCE_STATUS', 'CONCENTRATION', 'WORKLOAD_CV',
  'CAPACITY_UTILIZATION', 'GINI', 'DISRUPTION_LEVEL', 'HANDOFF_RULE', 'CREDIT_SPLIT', 'OUT_OF_BAND_COUNT',
];

type Node = Record<string, unknown>;

const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Elements that may repeat are always arrays, so lookups do not depend on how many there are.
  isArray: (name) => ['Set', 'Runtime', 'Host', 'ExtensionPoint', 'bt:Image', 'bt:Url', 'bt:String', 'Control', 'Group'].includes(name),
});
const manifest = parser.parse(xml) as Node;
const app = manifest.OfficeApp as Node;

/** Every node (depth first) whose key is `name`. */
function findAll(node: unknown, name: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, name, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Node)) {
      if (k === name) (Array.isArray(v) ? v : [v]).forEach((x) => out.push(x as Node));
      findAll(v, name, out);
    }
  }
  return out;
}

/** Every attribute value named `attr`, anywhere. */
function attributeValues(node: unknown, attr: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => attributeValues(n, attr, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Node)) {
      if (k === `@${attr}` && typeof v === 'string') out.push(v);
      else attributeValues(v, attr, out);
    }
  }
  return out;
}

const overrides = app.VersionOverrides as Node;
const resources = overrides.Resources as Node;
const urls = new Map(findAll(resources, 'bt:Url').map((u) => [u['@id'] as string, u['@DefaultValue'] as string]));
const images = new Map(findAll(resources, 'bt:Image').map((u) => [u['@id'] as string, u['@DefaultValue'] as string]));
const strings = new Map(findAll(resources, 'bt:String').map((u) => [u['@id'] as string, u['@DefaultValue'] as string]));
const workbookHost = findAll(overrides, 'Host').find((h) => h['@xsi:type'] === 'Workbook') as Node;

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  it('is an Excel task pane add-in with a fixed id', () => {
    expect(app['@xsi:type']).toBe('TaskPaneApp');
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(findAll((app.Hosts as Node), 'Host').map((h) => h['@Name'])).toEqual(['Workbook']);
    expect(((app.DefaultSettings as Node).SourceLocation as Node)['@DefaultValue']).toBe(`${DEV_ORIGIN}taskpane.html`);
    expect(overrides['@xsi:type']).toBe('VersionOverridesV1_0');
  });

  it('declares SharedRuntime 1.1 and one long-lived runtime that is the task pane page', () => {
    const sets = findAll(app.Requirements, 'Set');
    expect(sets).toEqual([{ '@Name': 'SharedRuntime', '@MinVersion': '1.1' }]);
    const runtimes = findAll(workbookHost, 'Runtime');
    expect(runtimes).toEqual([{ '@resid': 'Taskpane.Url', '@lifetime': 'long' }]);
    expect(urls.get('Taskpane.Url')).toBe(`${DEV_ORIGIN}taskpane.html`);
  });

  it('puts the TERRITORY custom functions in the same runtime as the task pane', () => {
    const cf = findAll(workbookHost, 'ExtensionPoint').find((e) => e['@xsi:type'] === 'CustomFunctions') as Node;
    expect(cf).toBeDefined();
    expect(((cf.Page as Node).SourceLocation as Node)['@resid']).toBe('Taskpane.Url');
    expect(urls.get(((cf.Script as Node).SourceLocation as Node)['@resid'] as string)).toBe(`${DEV_ORIGIN}functions.js`);
    expect(urls.get(((cf.Metadata as Node).SourceLocation as Node)['@resid'] as string)).toBe(`${DEV_ORIGIN}functions.json`);
    expect(strings.get((cf.Namespace as Node)['@resid'] as string)).toBe('TERRITORY');
    expect(((workbookHost.DesktopFormFactor as Node).FunctionFile as Node)['@resid']).toBe('Taskpane.Url');
  });

  it('has a ribbon button that opens the task pane', () => {
    const controls = findAll(workbookHost, 'Control');
    expect(controls).toHaveLength(1);
    const action = controls[0].Action as Node;
    expect(action['@xsi:type']).toBe('ShowTaskpane');
    expect((action.SourceLocation as Node)['@resid']).toBe('Taskpane.Url');
    expect(strings.get((controls[0].Label as Node)['@resid'] as string)).toBe('Rebalance');
  });

  it('defines every resid it uses', () => {
    const defined = new Set([...urls.keys(), ...images.keys(), ...strings.keys()]);
    const used = attributeValues(overrides, 'resid');
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((r) => !defined.has(r))).toEqual([]);
    for (const id of used) expect(id.length).toBeLessThanOrEqual(32);
  });
});

describe('manifest.xml against the production build', () => {
  let build: BuildOutcome;

  beforeAll(async () => {
    build = await buildOnce();
  }, 900_000);

  it('builds without errors', () => {
    expect(build.errors).toEqual([]);
  });

  it('references only files the build emits', () => {
    const referenced = new Set<string>();
    for (const value of attributeValues(app, 'DefaultValue')) if (value.startsWith('https://')) referenced.add(value);
    expect(referenced.size).toBeGreaterThanOrEqual(8);
    for (const url of referenced) {
      expect(url.startsWith(DEV_ORIGIN)).toBe(true);
      const file = path.join(build.outputPath, url.slice(DEV_ORIGIN.length).split(/[?#]/)[0]);
      expect({ url, exists: fs.existsSync(file) }).toEqual({ url, exists: true });
    }
    expect(fs.existsSync(path.join(build.outputPath, 'manifest.xml'))).toBe(true);
  });

  it('ships icons of the sizes the manifest names', () => {
    for (const [id, url] of images) {
      const size = Number(/(\d+)x\1$/.exec(id)?.[1]);
      expect(pngSize(path.join(build.outputPath, url.slice(DEV_ORIGIN.length)))).toEqual({ width: size, height: size });
    }
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(path.join(build.outputPath, `assets/icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  it('emits functions.json with the 12 functions of the spec', () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(build.outputPath, 'functions.json'), 'utf8')) as { functions: { id: string; name: string }[] };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...SPEC_FUNCTIONS].sort());
    expect(metadata.functions.map((f) => f.name).sort()).toEqual([...SPEC_FUNCTIONS].sort());
  });

  it('registers every function in the task pane page too (one shared runtime)', () => {
    const html = fs.readFileSync(path.join(build.outputPath, 'taskpane.html'), 'utf8');
    const officeJs = html.indexOf('appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const bundle = html.indexOf('src="taskpane.js"') >= 0 ? html.indexOf('src="taskpane.js"') : html.indexOf('src=taskpane.js');
    expect(officeJs).toBeGreaterThan(0);
    expect(bundle).toBeGreaterThan(officeJs);
    const pane = fs.readFileSync(path.join(build.outputPath, 'taskpane.js'), 'utf8');
    const functions = fs.readFileSync(path.join(build.outputPath, 'functions.js'), 'utf8');
    for (const id of SPEC_FUNCTIONS) {
      expect(pane).toContain(`CustomFunctions.associate("${id}"`);
      expect(functions).toContain(`CustomFunctions.associate("${id}"`);
    }
  });
});
