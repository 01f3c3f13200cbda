/** The IAM policy document the deriver produces, and the statements before merging. */
import type { Path } from '../ast.js';
import type { Evidence, PolicyCondition } from '../catalog/iam.js';
import { matchesPattern } from './arn-pattern.js';

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Condition?: PolicyCondition;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: PolicyStatement[];
}

/** Why a statement is in the policy: one state's use of one integration. */
export interface StatementSource {
  readonly state: string;
  readonly statePath: Path;
  /** `"Run job" in branch 2 of "Fan out"`. */
  readonly location: string;
  /** The integration as written, with its suffix: `eks:createCluster.sync`. */
  readonly integration: string;
  readonly why: string;
  readonly evidence: Evidence;
  readonly source: string;
  /** One sentence per value that was dynamic and made a resource broader. */
  readonly widened: readonly string[];
}

/** A statement before merging: one fact of one integration, for one state. */
export interface RawStatement {
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly condition?: PolicyCondition;
  readonly actionAsString: boolean;
  readonly resourceAsString: boolean;
  readonly sources: readonly StatementSource[];
}

export interface DerivedStatement {
  readonly statement: PolicyStatement;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly sources: readonly StatementSource[];
}

interface Group {
  sids: string[];
  actions: string[];
  resources: string[];
  condition?: PolicyCondition;
  actionAsString: boolean;
  resourceAsString: boolean;
  /** With the index of the raw statement they came from, to list them in workflow order. */
  sources: { readonly source: StatementSource; readonly order: number }[];
}

/**
 * Merges statements without changing what they allow: first those whose Resource and Condition agree (their
 * actions are unioned), then those whose Action and Condition agree (their resources are unioned). Order is the
 * order of first appearance, so the policy reads in workflow order and is deterministic.
 */
export function mergeStatements(raw: readonly RawStatement[]): DerivedStatement[] {
  const groups = raw.map(
    (statement, order): Group => ({
      sids: [statement.sid],
      actions: unique(statement.actions),
      resources: reduceResources(statement.resources),
      condition: statement.condition,
      actionAsString: statement.actionAsString,
      resourceAsString: statement.resourceAsString,
      sources: statement.sources.map((source) => ({ source, order })),
    }),
  );
  // Each merge only appends; duplicates and covered resources go once per group afterwards (linear, not per merge).
  const byResource = mergeBy(groups, (group) => `${sortedKey(group.resources)}|${conditionKey(group.condition)}`, (into, from) => {
    into.actions.push(...from.actions);
  });
  for (const group of byResource) group.actions = unique(group.actions);
  const byAction = mergeBy(byResource, (group) => `${sortedKey(group.actions)}|${conditionKey(group.condition)}`, (into, from) => {
    into.resources.push(...from.resources);
  });
  for (const group of byAction) group.resources = reduceResources(group.resources);

  const used = new Map<string, number>();
  return byAction.map((group) => {
    const sid = uniqueSid(combinedSid(unique(group.sids)), used);
    const statement: PolicyStatement = {
      Sid: sid,
      Effect: 'Allow',
      Action: group.actionAsString && group.actions.length === 1 ? group.actions[0] : [...group.actions],
      Resource: group.resourceAsString && group.resources.length === 1 ? group.resources[0] : [...group.resources],
      ...(group.condition ? { Condition: group.condition } : {}),
    };
    const sources = [...group.sources].sort((a, b) => a.order - b.order).map(({ source }) => source);
    return { statement, actions: group.actions, resources: group.resources, sources: dedupeSources(sources) };
  });
}

function mergeBy(groups: readonly Group[], keyOf: (group: Group) => string, combine: (into: Group, from: Group) => void): Group[] {
  const result: Group[] = [];
  const index = new Map<string, Group>();
  for (const group of groups) {
    const key = keyOf(group);
    const existing = index.get(key);
    if (!existing) {
      const copy = { ...group, sids: [...group.sids], actions: [...group.actions], resources: [...group.resources], sources: [...group.sources] };
      index.set(key, copy);
      result.push(copy);
      continue;
    }
    combine(existing, group);
    existing.sids.push(...group.sids);
    existing.sources.push(...group.sources);
    existing.actionAsString &&= group.actionAsString;
    existing.resourceAsString &&= group.resourceAsString;
  }
  return result;
}

const MAX_SUBSUMPTION_CHECKS = 250_000;

/** Drops duplicates and resources another wildcard resource of the same statement already covers. */
function reduceResources(resources: readonly string[]): string[] {
  const distinct = unique(resources);
  if (distinct.includes('*')) return ['*'];
  const wildcards = distinct.filter((resource) => resource.includes('*'));
  // Pairwise subsumption is quadratic: past a bound (thousands of distinct wildcard ARNs) keep the duplicates-free list.
  if (wildcards.length * distinct.length > MAX_SUBSUMPTION_CHECKS) return distinct;
  return distinct.filter((resource) => !wildcards.some((pattern) => pattern !== resource && matchesPattern(pattern, resource)));
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function sortedKey(values: readonly string[]): string {
  return JSON.stringify([...values].sort());
}

function conditionKey(condition: PolicyCondition | undefined): string {
  if (!condition) return '';
  return JSON.stringify(
    Object.keys(condition)
      .sort()
      .map((operator) => [operator, Object.keys(condition[operator]).sort().map((key) => [key, condition[operator][key]])]),
  );
}

/** A merged statement names up to three sources; beyond that, the first two and how many more. */
function combinedSid(sids: readonly string[]): string {
  if (sids.length <= 3) return sids.join('');
  return `${sids[0]}${sids[1]}And${sids.length - 2}More`;
}

function uniqueSid(sid: string, used: Map<string, number>): string {
  const count = (used.get(sid) ?? 0) + 1;
  used.set(sid, count);
  return count === 1 ? sid : `${sid}${count}`;
}

function dedupeSources(sources: readonly StatementSource[]): StatementSource[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = `${JSON.stringify(source.statePath)}|${source.integration}|${source.why}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `eks:createCluster` + `Manage` → `EksCreateClusterManage` (Sids allow only letters and digits). */
export function sidFor(integrationKey: string, fragment: string): string {
  return `${integrationKey}:${fragment}`
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}
