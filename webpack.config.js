/* global require, module, process, __dirname, console */
// Builds the task pane (React), the ribbon commands and the custom functions into dist/.
// Follows the Office add-in templates: one entry per surface, functions.json generated from
// JSDoc, the manifest copied with its development URLs swapped for production ones.

const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { FunctionsMetadataFinisher } = require('./scripts/functions-metadata');
const HtmlWebpackPlugin = require('html-webpack-plugin');

// The dev server's port: package.json's config.dev_server_port, which npm passes to scripts.
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const DEV_URL = `https://localhost:${DEV_PORT}/`;
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/** The production base URL (ADDIN_PRODUCTION_URL), normalised to end with a slash. */
function productionUrl() {
  const raw = process.env.ADDIN_PRODUCTION_URL;
  if (!raw) return null;
  const url = raw.endsWith('/') ? raw : `${raw}/`;
  if (!url.startsWith('https://')) {
    throw new Error(`ADDIN_PRODUCTION_URL must be an https URL, got ${raw}`);
  }
  return url;
}

/**
 * Certificates are created only for `webpack serve`: a build must work on machines (CI) where
 * the developer certificates were never installed. When the CA cannot be added to the system's
 * trust store (no sudo, e.g. in a container) the generated certificates are still served; only
 * clients that skip verification (curl -k) or trust the CA by hand will accept them.
 */
async function httpsServerOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    const fs = require('fs');
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const read = (name) => fs.readFileSync(path.join(dir, name));
    if (!fs.existsSync(path.join(dir, 'localhost.crt'))) throw error;
    console.warn(
      `Serving the developer certificate from ${dir} without trusting its CA: ${error.message.split('\n')[0]}`,
    );
    return { ca: read('ca.crt'), key: read('localhost.key'), cert: read('localhost.crt') };
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode !== 'production';
  // `--env officeJs=local` (or OFFICE_JS=local) loads office.js from dist/office-js/ instead of the
  // CDN, for offline previews and browser tests.
  const localOfficeJs = (env.officeJs || process.env.OFFICE_JS) === 'local';
  const prodUrl = dev ? null : productionUrl();
  if (!dev && !prodUrl) {
    console.log(`ADDIN_PRODUCTION_URL is not set: dist/manifest.xml keeps ${DEV_URL}`);
  }

  const html = (filename, template, chunks) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks,
      chunksSortMode: 'manual',
      templateParameters: { officeJsUrl: localOfficeJs ? 'office-js/office.js' : OFFICE_JS_CDN },
    });

  const copyPatterns = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform(content) {
        return prodUrl ? content.toString().split(DEV_URL).join(prodUrl) : content;
      },
    },
  ];
  if (localOfficeJs) {
    // Only what office.js loads for Excel, plus its string tables (a few MB instead of 86 MB).
    copyPatterns.push({
      from: '{office,o15apptofilemappingtable,custom-functions-runtime,excel-*}.js',
      context: OFFICE_JS_DIST,
      to: 'office-js/[name][ext]',
    });
    copyPatterns.push({
      from: '*/office_strings.js',
      context: OFFICE_JS_DIST,
      to: 'office-js/[path][name][ext]',
    });
  }

  return {
    mode: dev ? 'development' : 'production',
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      functions: './src/functions/functions.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type errors are the typecheck script's job; the bundle only needs transpiling. ES modules
          // (not tsconfig's CommonJS, which suits jest and tsx) let webpack tree-shake Fluent UI.
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { module: 'es2020' } },
          },
        },
      ],
    },
    plugins: [
      // Metadata errors (bad JSDoc) are pushed as compilation errors, so the build fails.
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: './src/functions/functions.ts',
      }),
      // Adds what the generator cannot write (error cells reach the functions): scripts/functions-metadata.js.
      new FunctionsMetadataFinisher({ asset: 'functions.json' }),
      // Shared runtime: the task pane page hosts the functions and the commands too.
      html('taskpane.html', './src/taskpane/taskpane.html', ['functions', 'commands', 'taskpane']),
      html('commands.html', './src/commands/commands.html', ['commands']),
      html('functions.html', './src/functions/functions.html', ['functions']),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    performance: {
      // React + Fluent UI is about 1 MB minified; warn only when it grows well past that.
      maxEntrypointSize: 2_000_000,
      maxAssetSize: 2_000_000,
    },
    devServer: {
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.WEBPACK_SERVE ? { type: 'https', options: await httpsServerOptions() } : 'http',
      port: DEV_PORT,
      hot: false,
      client: { overlay: { warnings: false } },
    },
  };
};
