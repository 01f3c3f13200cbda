/**
 * Project configuration for the server: the same `asl-lint.config.{json,yaml,yml}` files, found and interpreted by
 * the same resolver as the CLI (presets, overrides, ignore, workflowType), so the editor and CI agree.
 * Cached until a watched config file changes.
 */
import { ConfigError, ConfigResolver, type FileConfig } from '@asl-lint/config';
import type { Rule, RuleEntry } from '@asl-lint/core';
import type { ProjectConfiguration } from './service/index.js';

/** What the client watches for us (`workspace/didChangeWatchedFiles`). */
export const CONFIG_FILE_GLOB = '**/asl-lint.config.{json,yaml,yml}';

export class ProjectConfigurations {
  private resolver: ConfigResolver;

  constructor(
    private readonly rules: readonly Rule[],
    private readonly cwd: string,
  ) {
    this.resolver = new ConfigResolver({ cwd, rules });
  }

  /** Forget every config file read so far (one changed on disk). */
  clear(): void {
    this.resolver = new ConfigResolver({ cwd: this.cwd, rules: this.rules });
  }

  forFile(filePath: string): ProjectConfiguration | undefined {
    // Untitled buffers and other schemes have no directory to search from.
    if (!filePath.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(filePath)) return undefined;
    let config: FileConfig;
    try {
      config = this.resolver.forFile(filePath);
    } catch (error) {
      if (error instanceof ConfigError) return { problems: [`${error.message.split('\n').join('; ')} (using the default rules)`] };
      throw error;
    }
    if (!config.configFile) return undefined;
    return {
      rules: [this.entriesOf(config)],
      ...(config.settings.workflowType ? { workflowType: config.settings.workflowType } : {}),
      ...(config.ignored ? { ignored: true } : {}),
    };
  }

  /** The resolved rules as one complete set of entries, so editor settings can still be layered over them. */
  private entriesOf(config: FileConfig): Record<string, RuleEntry> {
    const entries: Record<string, RuleEntry> = Object.create(null);
    const active = new Map(config.rules.map((rule) => [rule.rule.meta.id, rule]));
    for (const rule of this.rules) {
      const chosen = active.get(rule.meta.id);
      entries[rule.meta.id] = chosen ? [chosen.severity, chosen.options] : 'off';
    }
    return entries;
  }
}
