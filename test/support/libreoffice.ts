/**
 * LibreOffice as an independent reader of our .xlsx files: recalculate every formula on load and
 * save again (so tests can compare LibreOffice's values with the cached ones we wrote), or print to
 * PDF (so tests can see that charts render). Each call runs `soffice --headless` with a fresh user
 * profile whose registrymodifications.xcu sets OOXMLRecalcMode = 0 ("always recalculate"), because
 * by default LibreOffice trusts the cached results of an .xlsx file and would prove nothing.
 * Fails (throws) when soffice is missing: tests that need it must not pass silently.
 */
import { execFile } from 'child_process';
import ExcelJS from 'exceljs';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

const SOFFICE_CANDIDATES = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice'];

export function sofficePath(): string {
  const found = SOFFICE_CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(`LibreOffice (soffice) is not installed: looked in ${SOFFICE_CANDIDATES.join(', ')}`);
  return found;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const workDirs: string[] = [];

/** Remove every file the calls above produced (call in afterAll). */
export async function cleanUpLibreOfficeFiles(): Promise<void> {
  await Promise.all(workDirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
}

/** Convert `input` with `--convert-to <target>` into a fresh directory; returns the produced file's path. */
async function convert(input: string, target: string, extension: string): Promise<string> {
  const soffice = sofficePath();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'tr-lo-'));
  workDirs.push(work);
  const profile = path.join(work, 'profile');
  const outDir = path.join(work, 'out');
  await fs.mkdir(path.join(profile, 'user'), { recursive: true });
  await fs.mkdir(outDir);
  await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', target, '--outdir', outDir, path.resolve(input)];
  const { stdout, stderr } = await run(soffice, args, { ...process.env, HOME: work });
  const produced = path.join(outDir, `${path.basename(input, path.extname(input))}.${extension}`);
  if (!existsSync(produced)) throw new Error(`soffice produced no ${extension}:\n${stdout}\n${stderr}`);
  await fs.rm(profile, { recursive: true, force: true });
  return produced;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: 180_000, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${cmd} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Open `xlsxPath` in LibreOffice, recalculate every formula, save as .xlsx; returns the new file's path. */
export async function recalculateWithLibreOffice(xlsxPath: string): Promise<{ path: string }> {
  return { path: await convert(xlsxPath, 'xlsx:Calc MS Excel 2007 XML', 'xlsx') };
}

/** Print every sheet of `xlsxPath` to PDF with LibreOffice; returns the PDF's path. */
export async function convertToPdf(xlsxPath: string): Promise<{ path: string }> {
  return { path: await convert(xlsxPath, 'pdf', 'pdf') };
}

/** The text of a PDF (poppler's pdftotext), for checking what was drawn. */
export async function pdfText(pdfPath: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', pdfPath, '-'], process.env);
  return stdout;
}

const ERROR_TEXT = /^#(N\/A|REF!|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!)/;

/** The cells (Sheet!A1) of a workbook read back from LibreOffice that show an Excel error. */
export function errorCells(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
        if ((typeof v === 'object' && v !== null && 'error' in v) || (typeof v === 'string' && ERROR_TEXT.test(v))) out.push(`${ws.name}!${cell.address}`);
      }),
    ),
  );
  return out;
}
