// Validates files with AWS's amazon-states-language-service, as its editor integration does.
const { readFileSync } = require('node:fs');
const { getLanguageService, getYamlLanguageService, TextDocument } = require('amazon-states-language-service');

const files = process.argv.slice(2);
const json = getLanguageService({});
const yaml = getYamlLanguageService({});

async function validate(file) {
  const text = readFileSync(file, 'utf8');
  const isYaml = /\.ya?ml$/.test(file);
  const document = TextDocument.create(file, isYaml ? 'asl-yaml' : 'asl', 1, text);
  const service = isYaml ? yaml : json;
  return service.doValidation(document, isYaml ? undefined : json.parseJSONDocument(document));
}

(async () => {
  let problems = 0;
  for (const file of files) problems += (await validate(file)).length;
  process.stdout.write(`${problems}\n`);
})();
