// The project's own lint rules. A plugin object for eslint.config.mjs.
import path from 'node:path';

/**
 * Renderer features in dependency order: a feature may import only the features listed before it, so features never
 * import each other in a circle. A new feature takes its place here.
 */
export const FEATURE_ORDER = [
  'library',
  'project',
  'recovery',
  'render',
  'settings',
  'publish',
  'classResults',
  'checkpoints',
  'lesson',
  'recorder',
  'notes',
  'captions',
  'editor',
];

const FEATURES_DIR = path.join('src', 'renderer', 'src', 'features');

function featureOf(file) {
  const relative = path.relative(process.cwd(), file);
  if (!relative.startsWith(FEATURES_DIR + path.sep)) return null;
  return relative.slice(FEATURES_DIR.length + 1).split(path.sep)[0] ?? null;
}

const featureOrder = {
  meta: {
    type: 'problem',
    docs: { description: 'Renderer features import only features earlier in FEATURE_ORDER (no circles).' },
    schema: [],
    messages: {
      unknown: "Feature '{{feature}}' is not in FEATURE_ORDER (scripts/eslint/studioRules.mjs): give it its place.",
      order:
        "Feature '{{from}}' may not import feature '{{to}}': '{{to}}' comes later in FEATURE_ORDER, so this would let them import each other in a circle.",
    },
  },
  create(context) {
    const from = featureOf(context.filename);
    if (from === null) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const to = featureOf(path.resolve(path.dirname(context.filename), specifier));
      if (to === null || to === from) return;
      for (const feature of [from, to]) {
        if (!FEATURE_ORDER.includes(feature)) context.report({ node, messageId: 'unknown', data: { feature } });
      }
      if (FEATURE_ORDER.indexOf(to) > FEATURE_ORDER.indexOf(from))
        context.report({ node, messageId: 'order', data: { from, to } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const studioRules = { meta: { name: 'studio' }, rules: { 'feature-order': featureOrder } };
