export * from './core';
export * from './radicados';
