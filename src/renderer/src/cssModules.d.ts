// Vite's CSS Modules: each class name in the file, made unique to it. Ambient (this file imports nothing).
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
