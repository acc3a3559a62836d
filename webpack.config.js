/**
 * Builds the Excel add-in into dist/. Based on the official Office Add-in React template
 * (OfficeDev/Office-Addin-TaskPane-React): entries react, taskpane and commands (no polyfills), one
 * HtmlWebpackPlugin per page, assets and manifest copied, https dev server with the
 * office-addin-dev-certs certificates only for `webpack serve`.
 *
 * Additions:
 * - help.html: the bilingual help page the manifest's SupportUrl points at;
 * - notice.html: the small dialog the ribbon's 一键重算 command opens to report its result;
 * - playground.html: the task pane wired to src/playground/office-standin.ts (emitted as
 *   office-standin.js) instead of the office.js CDN script, so the pane runs in a plain browser;
 *   and command-playground.html, the ribbon command's FunctionFile (commands.html) wired the same
 *   way, whose 一键重算 the browser test runs as a ribbon click would. Built only when that file exists;
 * - samples/yunxi-2023-dept-selfeval.xlsx copied to dist/samples/;
 * - web.html: 绩效自评助手（网页版）, the page that scores workbooks in any browser (src/web): its
 *   Web Worker (web-worker.js) and service worker (web-sw.js, at the root so that its scope covers
 *   the page) are entries of their own. No polyfill and no Office: a static page.
 *
 * `npm run build` (webpack --mode production) never touches certificates.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
// The production deployment location: set JIXIAO_URL_PROD when building (README, "The Excel add-in").
// Without it the built manifest keeps Microsoft's template placeholder.
const urlProd = process.env.JIXIAO_URL_PROD || "https://www.contoso.com/";

const TASKPANE_TEMPLATE = path.resolve(__dirname, "src/taskpane/taskpane.html");
const COMMANDS_TEMPLATE = path.resolve(__dirname, "src/commands/commands.html");
const OFFICE_STANDIN = path.resolve(__dirname, "src/playground/office-standin.ts");
const OFFICE_JS_SCRIPT =
  /<script\b[^>]*\bsrc="https:\/\/appsforoffice\.microsoft\.com\/[^"]*office\.js"[^>]*>\s*<\/script>\s*/;

async function getHttpsOptions() {
  // Loaded lazily: only `webpack serve` needs (and may install) the development certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** A page (the task pane's, the command's) without the office.js CDN script, for the playground. */
function playgroundTemplate(template) {
  const html = fs.readFileSync(template, "utf8");
  if (!OFFICE_JS_SCRIPT.test(html)) {
    throw new Error(`webpack.config.js: ${path.relative(__dirname, template)} no longer loads office.js from the CDN`);
  }
  return html.replace(OFFICE_JS_SCRIPT, "").replace("<title>", "<title>[playground] ");
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const withPlayground = fs.existsSync(OFFICE_STANDIN);

  // No polyfill bundle: Microsoft 365 runs add-ins in WebView2 (Chromium) on Windows and in Safari's
  // WKWebView on the Mac, both beyond ES2019; Office 2019's Internet Explorer web view is not
  // supported (the manifest asks for ExcelApi 1.9). core-js and regenerator-runtime were 79 KB of it.
  const entry = {
    react: ["react", "react-dom"],
    taskpane: { import: "./src/taskpane/index.tsx", dependOn: "react" },
    commands: "./src/commands/commands.ts",
    notice: "./src/commands/notice.ts",
    web: { import: "./src/web/index.tsx", dependOn: "react" },
    // A Web Worker and a service worker load one script each: their webpack runtime stays inside it
    // (runtime: false), not in the pages' shared runtime.js, which they never load.
    "web-worker": { import: "./src/web/worker.ts", runtime: false },
    "web-sw": { import: "./src/web/sw.ts", runtime: false },
  };
  if (withPlayground) {
    entry.playground = { import: "./src/playground/office-standin.ts", filename: "office-standin.js" };
  }

  const pages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: TASKPANE_TEMPLATE,
      chunks: ["runtime", "react", "taskpane"],
      chunksSortMode: "manual",
    }),
    new HtmlWebpackPlugin({
      filename: "commands.html",
      template: COMMANDS_TEMPLATE,
      chunks: ["runtime", "commands"],
      chunksSortMode: "manual",
    }),
    // The help page the manifest's SupportUrl and LearnMoreUrl point at, served with the add-in.
    new HtmlWebpackPlugin({
      filename: "help.html",
      template: "./src/help/help.html",
      inject: false,
    }),
    new HtmlWebpackPlugin({
      filename: "notice.html",
      template: "./src/commands/notice.html",
      chunks: ["runtime", "notice"],
    }),
    new HtmlWebpackPlugin({
      filename: "web.html",
      template: "./src/web/index.html",
      chunks: ["react", "web"],
      chunksSortMode: "manual",
    }),
  ];
  if (withPlayground) {
    // The stand-in comes first: scripts are deferred and run in order, so `Office` exists before
    // the task pane's own code calls Office.onReady.
    pages.push(
      new HtmlWebpackPlugin({
        filename: "playground.html",
        templateContent: () => playgroundTemplate(TASKPANE_TEMPLATE),
        chunks: ["runtime", "playground", "react", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "command-playground.html",
        templateContent: () => playgroundTemplate(COMMANDS_TEMPLATE),
        chunks: ["runtime", "playground", "commands"],
        chunksSortMode: "manual",
      }),
    );
  }

  const config = {
    devtool: dev ? "source-map" : false,
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      alias: {
        // One scheduler: react-dom's own. Fluent UI's context selector asks for any scheduler
        // (a peer dependency, >=0.19), which npm installed apart in its newest version.
        scheduler$: path.dirname(require.resolve("scheduler/package.json", { paths: [path.dirname(require.resolve("react-dom"))] })),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: "tsconfig.json",
              // Fluent UI v9 ships ES2019 (no optional chaining or ??); lower our own code to the
              // same level so the bundle runs wherever Fluent does (e.g. Safari 12.1 on older Macs).
              compilerOptions: { target: "ES2019" },
            },
          },
        },
        {
          // saxes (and its character tables) only define things when loaded. Said so, a page that
          // imports a module of src/xlsx without calling its XML reader leaves saxes out: the task
          // pane writes its record part with src/xlsx/state-xml.ts and reads it with DOMParser.
          test: /[\\/]node_modules[\\/](saxes|xmlchars)[\\/]/,
          sideEffects: false,
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    optimization: {
      // One webpack runtime per page: the playground's stand-in loads the .xlsx reader as a chunk of its own
      // only when it reads a file, and with a runtime per entry the pane's runtime would claim it.
      runtimeChunk: "single",
      splitChunks: {
        // Nothing split by default: the .xlsx reader stays in the playground's own chunk.
        chunks: () => false,
        cacheGroups: {
          // Fluent UI (and what it brings: griffel, tabster, floating-ui) changes less often than
          // the pane's own code: a separate, separately cached file.
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|tabster|keyborg|@floating-ui|@ctrl|@swc|stylis|rtl-css-js|use-sync-external-store)[\\/]/,
            name: "fluent",
            chunks: (chunk) => chunk.name === "taskpane",
            priority: 20,
            enforce: true,
          },
          // What the analysis engine shares with the pane's other later chunks (the core's value
          // grammar and decimal.js, which the results' list shows numbers with; the reading and
          // writing of a run, which 撤销 and 清除标记 use too) is a chunk of its own, fetched with
          // each of them, rather than in each of them again.
          engineShared: {
            name: "engine-shared",
            chunks: (chunk) => ["engine", "results", "mark-tools"].includes(chunk.name),
            minChunks: 2,
            priority: 10,
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      // Uncompressed sizes; the task pane's budget is 200 KB gzipped for everything it loads (npm run bench).
      maxEntrypointSize: 1200 * 1024,
      maxAssetSize: 800 * 1024,
      // Only the add-in's own scripts: the playground's (the stand-in and its .xlsx reader) never ship.
      assetFilter: (file) => file.endsWith(".js") && file !== "office-standin.js" && !file.startsWith("playground-"),
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            // Every address Office is given, not the comments: the manifest's says which address is
            // the dev server's, and stays true in the built copy (review round 52d M6).
            transform(content) {
              if (dev) return content;
              const parts = content.toString().split(/(<!--[\s\S]*?-->)/);
              return parts.map((part) => (part.startsWith("<!--") ? part : part.split(urlDev).join(urlProd))).join("");
            },
          },
          { from: "samples/yunxi-2023-dept-selfeval.xlsx", to: "samples/[name][ext]" },
        ],
      }),
      ...pages,
    ],
    devServer: serving
      ? {
          hot: true,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: {
            type: "https",
            options: await getHttpsOptions(),
          },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
  };

  return config;
};
