#!/usr/bin/env node
/**
 * Renders the Scenario Comparison sheet of a rebalanced workbook the way a manager without the
 * add-in sees it in LibreOffice: a copy with every other sheet hidden -> PDF -> PNG.
 * Usage: node scripts/comparison-screenshot.js [out/rebalanced.xlsx] [docs/scenario-comparison.png]
 * Needs soffice and pdftoppm (Debian: libreoffice-calc, poppler-utils).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const JSZip = require('jszip');

async function main() {
  const input = path.resolve(process.argv[2] || 'out/rebalanced.xlsx');
  const output = path.resolve(process.argv[3] || 'docs/scenario-comparison.png');
  const zip = await JSZip.loadAsync(fs.readFileSync(input));
  const workbookXml = await zip.file('xl/workbook.xml').async('string');
  const shown = workbookXml.replace(/<sheet\b([^>]*?)\/>/g, (tag, attrs) => {
    const name = /name="([^"]*)"/.exec(attrs)[1];
    const rest = attrs.replace(/\sstate="[^"]*"/, '');
    return name === 'Scenario Comparison' ? `<sheet${rest}/>` : `<sheet${rest} state="hidden"/>`;
  });
  zip.file('xl/workbook.xml', shown);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparison-'));
  const copy = path.join(dir, 'comparison.xlsx');
  fs.writeFileSync(copy, await zip.generateAsync({ type: 'nodebuffer' }));
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, copy], { stdio: 'ignore' });
  // The first page: the sheet prints landscape, one page wide.
  execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'comparison.pdf'), path.join(dir, 'page')]);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.copyFileSync(path.join(dir, 'page.png'), output);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(output);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
