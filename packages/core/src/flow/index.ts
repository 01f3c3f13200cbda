export * from './errors.js';
export * from './graph.js';
export * from './dataflow.js';
export * from './witness.js';
export * from './eks-lifecycle.js';
