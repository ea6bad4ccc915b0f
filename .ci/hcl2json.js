// Parses Terraform files with @cdktf/hcl2json (HashiCorp's HCL parser built to
// WebAssembly) and writes {file: parsed} as JSON.
//   node .ci/hcl2json.js MODULE_DIR OUT.json FILE.tf...
// Exits 1 with the parser's message on the first syntax error.
"use strict";
const fs = require("fs");
const path = require("path");

const [moduleDir, outFile, ...files] = process.argv.slice(2);
const hcl = require(path.resolve(moduleDir));

(async () => {
  const parsed = {};
  for (const file of files) {
    try {
      parsed[path.basename(file)] = await hcl.parse(file, fs.readFileSync(file, "utf8"));
    } catch (error) {
      console.error(`${file}: ${error.message || error}`);
      process.exitCode = 1;
    }
  }
  fs.writeFileSync(outFile, JSON.stringify(parsed));
})();
