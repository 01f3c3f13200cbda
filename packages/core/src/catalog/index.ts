export * from './parameter-spec.js';
export * from './payload-schema.js';
export * from './eks.js';
export * from './eks-payload.js';
export * from './integrations.js';
export * from './eks-task.js';
