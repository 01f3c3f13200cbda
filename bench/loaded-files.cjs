// Preloaded by bench/run.mjs (`node --require`): at exit, lists the JavaScript files the process loaded, through
// require or through the bundle's code-cache loader (which reads them with fs.readFileSync).
const fs = require('node:fs');
const read = new Set();
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (typeof path === 'string' && path.endsWith('.cjs')) read.add(path);
  return readFileSync.call(this, path, ...rest);
};
process.on('exit', () => process.stderr.write(`loaded-files ${JSON.stringify([...new Set([...Object.keys(require.cache), ...read])])}\n`));
