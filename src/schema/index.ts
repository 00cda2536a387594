export * from './common.js';
export * from './config.js';
export * from './canvas.js';
export * from './goal.js';
export * from './meta.js';
export * from './stages.js';
export * from './icp.js';
export * from './suppression.js';
