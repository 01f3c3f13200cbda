export { main } from './main.js';
export type { CliIO } from './io.js';
export { formatters } from './formatters/index.js';
export type { FormatContext, Formatter } from './formatters/index.js';
export { ConfigResolver, ConfigError, CONFIG_FILE_NAMES, type FileConfig } from '@asl-lint/config';
