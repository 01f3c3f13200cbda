// Validates files with asl-validator's library entry point, one call per file.
const { readFileSync } = require('node:fs');
const YAML = require('yaml');
const validator = require('asl-validator');

let invalid = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  let definition;
  try {
    definition = /\.ya?ml$/.test(file) ? YAML.parse(text) : JSON.parse(text);
  } catch {
    invalid++;
    continue;
  }
  try {
    if (!validator(definition).isValid) invalid++;
  } catch {
    invalid++;
  }
}
process.stdout.write(`${invalid}\n`);
