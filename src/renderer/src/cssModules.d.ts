/** A component's CSS Module (Foo.module.css beside Foo.tsx): Vite turns each class into a unique name. */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
