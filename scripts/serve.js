// A static file server for dist/: used by the browser test, and by `npm run playground`
// (http://localhost:8080/playground.html, the task pane against a sample workbook, no Excel).
const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A static file server for dist/ on a free port. */
function serve(root, port = 0) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, data) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

module.exports = { serve };

if (require.main === module) {
  const root = path.resolve(__dirname, "..", "dist");
  const port = Number(process.env.PORT || 8080);
  if (!fs.existsSync(path.join(root, "playground.html"))) {
    console.error("dist/playground.html is missing: run `npm run build` first.");
    process.exit(1);
  }
  serve(root, port).then(() => console.log(`Playground: http://localhost:${port}/playground.html  (Ctrl+C to stop)`));
}
