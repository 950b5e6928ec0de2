export * from './core';
export * from './engagement';
export * from './appointments';
export * from './radicados';
export * from './staff';
export * from './calls';
export * from './languages';
export * from './content';
