export { ConfigError, ConfigResolver, CONFIG_FILE_NAMES, describeFileConfig, isPlainValidConfig, validateWithSchema, type FileConfig } from './config.js';
export { CONFIG_KEYS, CONFIG_SCHEMA, OVERRIDE_KEYS, PRESETS } from './config-schema.js';
export { matchesGlob } from './glob-match.js';
