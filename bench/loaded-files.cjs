// Preloaded by bench/run.mjs (`node --require`): at exit, lists the CommonJS files the process loaded.
process.on('exit', () => process.stderr.write(`loaded-files ${JSON.stringify(Object.keys(require.cache))}\n`));
