#!/usr/bin/env node
// The command line entry: the compiled CLI lives in dist-cli (built by `npm run build:cli`, run on install).
require("../dist-cli/cli/main.js").main(process.argv).then((code) => process.exit(code));
