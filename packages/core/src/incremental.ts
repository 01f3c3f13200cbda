/**
 * Incremental re-lint for editors. A rule whose meta says `locality: 'state'` promises that what it reports inside a
 * top-level state depends only on that state's text and on the definition outside `States`. After an edit, such a
 * rule runs on the states under changed top-level states only, and its reports about unchanged ones are replayed
 * from the previous version (re-located by path, explicit ranges shifted), so a keystroke costs the graph rules,
 * not every rule on every state.
 */
import type { Path, Range } from './ast.js';
import { getProperty } from './ast.js';
import type { Definition } from './definition.js';
import type { StateMachine } from './model.js';
import type { SourceLanguage } from './parse.js';
import type { Change, FixSpec, LintSettings, Report } from './rule.js';
import type { ActiveRule } from './settings.js';

/** What the state-local rules reported about one definition, by top-level state. */
export interface DefinitionMemo {
  /** The definition's text outside `States`' value: any change there invalidates every state. */
  readonly context: string;
  readonly rules: readonly ActiveRule[];
  readonly settings: LintSettings;
  readonly states: Map<string, StateMemo>;
}

interface StateMemo {
  /** From the start of the key's line to the end of the value: indentation is part of what fixes are made of. */
  readonly text: string;
  readonly start: number;
  readonly reports: Map<string, Report[]>;
}

/** One definition's re-lint: which top-level states can be replayed, and the memo of this version. */
export interface StateReuse {
  /** Top-level states whose text is unchanged, with the previous version's memo of each. */
  readonly clean: ReadonlyMap<string, StateMemo>;
  readonly next: DefinitionMemo;
}

/** Something that may be a YAML anchor or alias: a state's value could then come from another state's text. */
const YAML_ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*][^\s[\]{},]/m;

/**
 * Plans the re-lint of a definition. Undefined when it cannot be memoised at all (a fragment, a template-hosted
 * definition with host facts, YAML anchors, duplicate state names, no `States` object).
 */
export function planReuse(
  previous: DefinitionMemo | undefined,
  definition: Definition,
  text: string,
  language: SourceLanguage,
  rules: readonly ActiveRule[],
  settings: LintSettings,
): StateReuse | undefined {
  if (definition.kind !== 'state-machine' || definition.hostContext !== undefined || definition.root.kind !== 'object') return undefined;
  if (language === 'yaml' && YAML_ANCHOR_OR_ALIAS.test(text)) return undefined;
  const statesProperty = getProperty(definition.root, 'States');
  const statesNode = statesProperty?.value;
  if (statesNode?.kind !== 'object') return undefined;
  const { range } = definition.root;
  const context = `${definition.host}\u0000${definition.name ?? ''}\u0000${definition.workflowType ?? ''}\u0000${text.slice(range.start, statesNode.range.start)}\u0000${text.slice(statesNode.range.end, range.end)}`;
  const states = new Map<string, StateMemo>();
  const clean = new Map<string, StateMemo>();
  const reusable = previous !== undefined && previous.context === context && previous.rules === rules && sameSettings(previous.settings, settings);
  for (const property of statesNode.properties) {
    if (states.has(property.key)) return undefined;
    const value = property.value;
    if (!value) continue;
    const start = text.lastIndexOf('\n', property.keyRange.start - 1) + 1;
    const stateText = text.slice(start, value.range.end);
    const memo: StateMemo = { text: stateText, start, reports: new Map() };
    states.set(property.key, memo);
    const old = reusable ? previous.states.get(property.key) : undefined;
    if (old !== undefined && old.text === stateText) clean.set(property.key, old);
  }
  return { clean, next: { context, rules, settings, states } };
}

function sameSettings(a: LintSettings, b: LintSettings): boolean {
  const keys = Object.keys(a) as (keyof LintSettings)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The machine a state-local rule sees: its states under changed top-level states only. */
export function changedStatesView(machine: StateMachine, reuse: StateReuse): StateMachine {
  if (reuse.clean.size === 0) return machine;
  return { ...machine, states: machine.states.filter((state) => !reuse.clean.has(topLevelName(state.path)!)) };
}

/** The top-level state a definition path lies in. */
export function topLevelName(path: Path): string | undefined {
  return path[0] === 'States' && typeof path[1] === 'string' ? path[1] : undefined;
}

/**
 * Runs one state-local rule's reporting through the memo: reports about clean states are dropped (their previous
 * reports are replayed instead), reports about changed states are recorded for the next version.
 */
export function memoisingReporter(reuse: StateReuse, ruleId: string, report: (report: Report) => void): (report: Report) => void {
  return (item) => {
    const name = topLevelName(item.path);
    const memo = name === undefined ? undefined : reuse.next.states.get(name);
    if (name !== undefined && memo !== undefined) {
      if (reuse.clean.has(name)) return;
      let list = memo.reports.get(ruleId);
      if (!list) memo.reports.set(ruleId, (list = []));
      list.push(item);
    }
    report(item);
  };
}

/** Replays a rule's previous reports about the clean states, and carries them into the next memo. */
export function replayClean(reuse: StateReuse, ruleId: string, report: (report: Report) => void): void {
  for (const [name, old] of reuse.clean) {
    const reports = old.reports.get(ruleId);
    if (!reports) continue;
    const memo = reuse.next.states.get(name)!;
    const delta = memo.start - old.start;
    const replayed = delta === 0 ? reports : reports.map((item) => shiftReport(item, delta));
    memo.reports.set(ruleId, replayed);
    for (const item of replayed) report(item);
  }
}

function shiftReport(report: Report, delta: number): Report {
  return {
    ...report,
    ...(report.range ? { range: shift(report.range, delta) } : {}),
    ...(report.fix ? { fix: shiftFix(report.fix, delta) } : {}),
    ...(report.suggestions ? { suggestions: report.suggestions.map((suggestion) => shiftFix(suggestion, delta)) } : {}),
  };
}

function shiftFix(fix: FixSpec, delta: number): FixSpec {
  return { ...fix, changes: fix.changes.map((change): Change => (change.kind === 'text' ? { ...change, range: shift(change.range, delta) } : change)) };
}

function shift(range: Range, delta: number): Range {
  return { start: range.start + delta, end: range.end + delta };
}
