#!/usr/bin/env node
// The command line entry: the compiled CLI lives in dist-cli (built by `npm run build:cli`, run on install).
require("../dist-cli/cli/heap.js").holdYoungGeneration();
const { terminalText } = require("../dist-cli/cli/terminal.js");
require("../dist-cli/cli/main.js")
  .main(process.argv)
  .then((code) => process.exit(code))
  .catch((error) => {
    // A bug of ours, not of the input: one line (the stack with JIXIAO_DEBUG=1), never a raw crash.
    // Its message may quote a file name or a cell: cleaned like every printed line.
    const why = terminalText(String(error && error.message ? error.message : error));
    console.error(`jixiao: 内部错误：${why}（请反馈此问题） / internal error: ${why} (please report it)`);
    if (process.env.JIXIAO_DEBUG) console.error(error);
    process.exit(2);
  });
