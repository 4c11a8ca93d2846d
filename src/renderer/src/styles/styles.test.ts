import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The renderer's styles stay scoped. Component styles live in CSS Modules beside their components; the only global
 * sheets are the design tokens and the base sheet (resets, typography and a few utilities). These checks read the
 * files as text, so a class styled from two places, a component class in a global sheet, or a module reaching into
 * another file's classes fails here.
 */

const SRC = path.resolve(__dirname, '..');
/** The learner player's sheets (player.css imports the rest), global in the studio wherever it mounts the player. */
const PLAYER_UI = path.resolve(SRC, '../../player/ui');

/** Global classes any component may use by name. */
const UTILITIES = new Set(['muted', 'hint', 'visually-hidden']);

function filesUnder(dir: string, suffix: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .map((file) => path.join(dir, file));
}

/** Components and the plain modules beside them that map a value to a class (a status to its colour). */
const componentSources = () => [
  ...filesUnder(SRC, '.tsx'),
  ...filesUnder(SRC, '.ts').filter((file) => !file.endsWith('.d.ts') && !file.endsWith('.test.ts')),
];

const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

/** The CSS with comments and quoted strings blanked, so neither can be mistaken for a selector. */
function stripped(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/"[^"]*"|'[^']*'/g, '""');
}

/** Every selector list in a sheet (at-rule preludes such as @media and @keyframes left out). */
function selectorsOf(css: string): string[] {
  const selectors: string[] = [];
  let start = 0;
  const text = stripped(css);
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '{') {
      const prelude = text.slice(start, index).trim();
      if (prelude && !prelude.startsWith('@')) selectors.push(prelude);
      start = index + 1;
    } else if (char === '}' || char === ';') start = index + 1;
  }
  return selectors;
}

/** The class names a sheet styles: every `.name` in its selectors. */
function classesOf(css: string): Set<string> {
  const classes = new Set<string>();
  for (const selector of selectorsOf(css))
    for (const match of selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) if (match[1]) classes.add(match[1]);
  return classes;
}

/** Selectors in a module that reach a class through :global, i.e. style a class some other file owns. */
function globalClassSelectors(css: string): string[] {
  return selectorsOf(css).filter((selector) => /:global\s*\(\s*[^)]*\.[_a-zA-Z-]|:global\s+[^,{]*\./.test(selector));
}

const PLAYER = 'the player (src/player/ui)';

/** Each global sheet by name, with its text; the player's sheets count as one, its own parts styling each other's classes. */
function globalSheets(): { name: string; css: string }[] {
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  const sheets = filesUnder(SRC, '.css')
    .filter((file) => !file.endsWith('.module.css'))
    .map((file) => ({ name: relative(file), css: read(file) }));
  return [...sheets, { name: PLAYER, css: filesUnder(PLAYER_UI, '.css').map(read).join('\n') }];
}

/** What each global sheet may style: the reason a sheet outside this list is refused. */
function allowedGlobalClass(sheet: string, name: string): boolean {
  if (sheet === PLAYER) return name.startsWith('fs-');
  return sheet === 'styles/base.css' && UTILITIES.has(name);
}

/** Class names written as plain strings in className attributes: `className="a b"` and the literals in `className={…}`. */
function literalClassNames(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/className="([^"]*)"/g)) names.push(...(match[1] ?? '').split(/\s+/));
  for (const match of source.matchAll(/className=\{([^}]*)\}/g)) {
    // A literal compared with === or !== is a value being tested (tone === 'error'), not a class name.
    const expression = (match[1] ?? '').replace(/[!=]==\s*'[^']*'|'[^']*'\s*[!=]==/g, '');
    for (const literal of expression.matchAll(/'([^']*)'|`([^`$]*)`/g))
      names.push(...(literal[1] ?? literal[2] ?? '').split(/\s+/));
  }
  return names.filter(Boolean);
}

describe('global stylesheets', () => {
  it('never style the same class from two sheets', () => {
    const owners = new Map<string, string[]>();
    for (const sheet of globalSheets())
      for (const name of classesOf(sheet.css)) owners.set(name, [...(owners.get(name) ?? []), sheet.name]);
    const twice = [...owners]
      .filter(([, sheets]) => sheets.length > 1)
      .map(([name, sheets]) => `.${name}: ${sheets.join(', ')}`);
    expect(twice).toEqual([]);
  });

  it('hold only tokens, resets, typography and utilities: component classes belong in a CSS Module', () => {
    const misplaced = globalSheets().flatMap((sheet) =>
      [...classesOf(sheet.css)]
        .filter((name) => !allowedGlobalClass(sheet.name, name))
        .map((name) => `${sheet.name}: .${name}`),
    );
    expect(misplaced).toEqual([]);
  });
});

describe('CSS Modules', () => {
  const modules = filesUnder(SRC, '.module.css');

  it('style only their own classes (no :global reach into another file)', () => {
    const reaching = modules.flatMap((file) =>
      globalClassSelectors(fs.readFileSync(file, 'utf8')).map((selector) => `${relative(file)}: ${selector}`),
    );
    expect(reaching).toEqual([]);
  });

  it('define every class a component reads from them, and nothing no component reads', () => {
    const read = new Map<string, Set<string>>(modules.map((file) => [file, new Set<string>()]));
    const missing: string[] = [];
    for (const source of componentSources()) {
      const text = fs.readFileSync(source, 'utf8');
      for (const [, binding, specifier] of text.matchAll(/import (\w+) from '([^']+\.module\.css)';/g)) {
        if (!binding || !specifier) continue;
        const sheet = path.resolve(path.dirname(source), specifier);
        const defined = classesOf(fs.readFileSync(sheet, 'utf8'));
        for (const [, name] of text.matchAll(new RegExp(`(?<![\\w./])${binding}\\.(\\w+)`, 'g'))) {
          if (!name) continue;
          read.get(sheet)?.add(name);
          if (!defined.has(name))
            missing.push(`${relative(source)} reads .${name}, which ${relative(sheet)} does not define`);
        }
      }
    }
    const unused = modules.flatMap((file) =>
      [...classesOf(fs.readFileSync(file, 'utf8'))]
        .filter((name) => !read.get(file)?.has(name))
        .map((name) => `${relative(file)}: .${name} is read by no component`),
    );
    expect([...missing, ...unused]).toEqual([]);
  });
});

describe('components', () => {
  it('name global classes only for the utilities (a plain class name anywhere else would silently go unstyled)', () => {
    const plain = filesUnder(SRC, '.tsx').flatMap((file) =>
      literalClassNames(fs.readFileSync(file, 'utf8'))
        .filter((name) => !UTILITIES.has(name))
        .map((name) => `${relative(file)}: "${name}"`),
    );
    expect(plain).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find classes in selectors, not in comments, strings, at-rules or numbers', () => {
    const css = `/* .comment */ .a, .b:hover > .c[data-x=".d"] { color: red; }
      @media (max-width: 560px) { .e { width: 0.5em; } }
      @keyframes pulse { 50% { opacity: 0.35; } }`;
    expect([...classesOf(css)].sort()).toEqual(['a', 'b', 'c', 'e']);
  });

  it('see a module reaching through :global, and let a plain module class pass', () => {
    expect(globalClassSelectors(':global(.btn) .x { color: red } .y :global .z { color: red }')).toHaveLength(2);
    expect(globalClassSelectors('.x:hover { color: red } .y > li { color: red }')).toEqual([]);
  });

  it('read plain class names from className attributes', () => {
    const tsx = `<a className="btn btn-primary" /><b className={on ? 'x is-on' : \`y\`} /><c className={styles.z} />
      <d className={cx(styles.a, tone === 'error' && styles.b, 'hint')} />`;
    expect(literalClassNames(tsx)).toEqual(['btn', 'btn-primary', 'x', 'is-on', 'y', 'hint']);
  });
});
