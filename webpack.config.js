/**
 * Builds the three browser faces of Territory Rebalancer into dist/:
 * - taskpane.html: the Excel task pane. It also carries the custom functions, so pane and
 *   functions share one runtime (manifest: SharedRuntime 1.1, Runtime lifetime="long").
 * - functions.js + functions.json: the custom functions script and their metadata, generated from
 *   the JSDoc in src/functions/functions.ts by custom-functions-metadata-plugin.
 * - index.html: the standalone web page (opens and saves an .xlsx locally; requests nothing off
 *   the machine; office.js is served from dist/ so Office.onReady resolves with host null).
 * manifest.xml, assets/ and HiGHS's highs.wasm are copied next to the bundles.
 *
 * `npm run build` = `webpack --mode production`. `npm start` needs webpack-dev-server and, for
 * https on localhost:3000 as Excel wants, office-addin-dev-certs; neither is installed here.
 *
 * `env.outputPath` (webpack's Node API or `--env outputPath=...`) builds somewhere other than dist/.
 */
const path = require('path');
const webpack = require('webpack');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const root = __dirname;
const officeJsDir = path.join(root, 'node_modules/@microsoft/office-js/dist');
const DEV_PORT = 3000;

/** Node built-ins that browser-bound dependencies (ExcelJS, HiGHS's Emscripten glue) only touch on Node. */
const NODE_ONLY_MODULES = ['fs', 'path', 'crypto', 'stream', 'os', 'url', 'module', 'worker_threads', 'child_process', 'zlib', 'util', 'buffer'];

function devServerHttps() {
  // office-addin-dev-certs writes a trusted localhost certificate here (`npx office-addin-dev-certs install`).
  const certDir = path.join(require('os').homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const options = {};
  for (const [k, f] of Object.entries(files)) {
    const p = path.join(certDir, f);
    if (fs.existsSync(p)) options[k] = fs.readFileSync(p);
  }
  return { type: 'https', options };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : path.join(root, 'dist');
  return {
    mode,
    context: root,
    devtool: mode === 'production' ? false : 'source-map',
    entry: {
      // Functions first: their CustomFunctions.associate calls run as the page loads (office.js is
      // already there; the shim only stands in when office.js could not load).
      taskpane: ['./src/taskpane/customFunctionsShim.ts', './src/functions/functions.ts', './src/taskpane/index.tsx'],
      functions: './src/functions/functions.ts',
      standalone: './src/standalone/index.tsx',
      // The optimizer's Web Worker, spawned by src/taskpane/optimizer.ts as ./optimizer.worker.js.
      'optimizer.worker': './src/worker/optimizer.worker.ts',
    },
    output: {
      path: outputPath,
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      assetModuleFilename: '[name][ext]',
      clean: true,
      publicPath: 'auto',
    },
    target: 'web',
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      alias: {
        // ExcelJS's browser build carries its own polyfills; the Node entry wants fs and streams.
        exceljs$: path.join(root, 'node_modules/exceljs/dist/exceljs.min.js'),
        // HiGHS: the CommonJS glue; it finds highs.wasm through Module.locateFile (copied below).
        highs$: path.join(root, 'node_modules/highs/build/highs.js'),
      },
      fallback: Object.fromEntries(NODE_ONLY_MODULES.map((m) => [m, false])),
    },
    module: {
      // ExcelJS's prebuilt bundle has its own module system; parsing it only costs time.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules for webpack (tree shaking, `new Worker(new URL(..., import.meta.url))`).
              compilerOptions: { module: 'es2020', noEmit: false, sourceMap: mode !== 'production' },
            },
          },
        },
      ],
    },
    plugins: [
      // "node:fs" -> "fs", which resolve.fallback then maps to an empty module (Node-only branches).
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new CustomFunctionsMetadataPlugin({ input: './src/functions/functions.ts', output: 'functions.json' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/standalone/index.html',
        chunks: ['standalone'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'assets', to: 'assets' },
          { from: 'node_modules/highs/build/highs.wasm', to: 'highs.wasm' },
          // office.js for the standalone page, served locally: outside Office it resolves
          // Office.onReady with host null and needs only its app-to-file mapping table.
          { from: path.join(officeJsDir, 'office.js'), to: 'office.js', info: { minimized: true } },
          { from: path.join(officeJsDir, 'o15apptofilemappingtable.js'), to: 'o15apptofilemappingtable.js', info: { minimized: true } },
        ],
      }),
    ],
    performance: { hints: false },
    optimization: {
      // Each page loads one self-contained bundle (plus the optimizer worker); no shared chunks to juggle.
      splitChunks: false,
    },
    devServer: {
      port: DEV_PORT,
      server: devServerHttps(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: outputPath },
    },
  };
};
