export * from './lessonPackage';
export * from './urlPolicy';
