/** A CSS Module: its local class names, each mapped to the scoped name Vite gives it. styles.test.ts checks that every
 * class a component reads is defined in the module it imports. */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
