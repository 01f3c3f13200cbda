export * from './jsonpath.js';
export * from './intrinsics.js';
export * from './jsonata.js';
export * from './payload-templates.js';
