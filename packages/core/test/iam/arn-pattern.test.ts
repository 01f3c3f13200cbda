import { describe, expect, it } from 'vitest';
import { matchesPattern, patternsOverlap } from '../../src/index.js';

describe('matchesPattern', () => {
  it.each([
    ['*', 'arn:aws:eks:us-east-1:1:cluster/a', true],
    ['arn:aws:eks:*:*:cluster/*', 'arn:aws:eks:us-east-1:111122223333:cluster/jobs', true],
    ['arn:aws:eks:*:*:cluster/*', 'arn:aws:eks:us-east-1:111122223333:nodegroup/jobs/a/b', false],
    ['arn:aws:eks:us-east-1:111122223333:cluster/job?', 'arn:aws:eks:us-east-1:111122223333:cluster/jobs', true],
    ['arn:aws:eks:us-east-1:111122223333:cluster/job?', 'arn:aws:eks:us-east-1:111122223333:cluster/job', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
  ])('%s ~ %s is %s', (pattern, value, expected) => {
    expect(matchesPattern(pattern, value)).toBe(expected);
  });

  it('ignores case when asked (actions)', () => {
    expect(matchesPattern('EKS:describe*', 'eks:DescribeCluster', true)).toBe(true);
    expect(matchesPattern('EKS:describe*', 'eks:DescribeCluster')).toBe(false);
  });
});

describe('patternsOverlap', () => {
  it.each([
    ['cluster/*', 'cluster/prod', true],
    ['cluster/prod', 'cluster/*', true],
    ['cluster/prod', 'cluster/test', false],
    ['nodegroup/*/workers/*', 'nodegroup/jobs/*', true],
    ['nodegroup/*/workers/*', 'cluster/*', false],
    ['a*', '*b', true],
    ['a?c', 'abc', true],
    ['a?c', 'ab', false],
    ['*', '', true],
    ['', '', true],
    ['x', '', false],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(patternsOverlap(a, b)).toBe(expected);
    expect(patternsOverlap(b, a)).toBe(expected);
  });
});
