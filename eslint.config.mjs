// One rule for the front ends: no user-facing text written straight into a component. Text comes
// from the message catalogs (apps/*/src/i18n), so every page exists in every language.
import formatjs from 'eslint-plugin-formatjs';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const literalText = formatjs.rules['no-literal-string-in-jsx'];

/**
 * formatjs's rule, except for text without a letter in any script: separators ("·", "—"), signs
 * ("+", "−", "★") and numbers read the same in every language.
 */
const noUntranslatedText = {
  meta: literalText.meta,
  create(context) {
    const proxy = Object.create(context, {
      report: {
        value: (descriptor) => {
          if (/\p{L}/u.test(writtenText(descriptor.node))) context.report(descriptor);
        },
      },
    });
    return literalText.create(proxy);
  },
};

/** The text a reported node writes itself (a template literal's fixed parts, not its expressions). */
function writtenText(node) {
  switch (node.type) {
    case 'JSXAttribute':
      return node.value ? writtenText(node.value) : '';
    case 'TemplateLiteral':
      return node.quasis.map((quasi) => quasi.value.cooked).join('');
    case 'Literal':
    case 'JSXText':
      return String(node.value);
    default:
      return '';
  }
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'apps/target/**', 'e2e/**', '**/*.config.ts', 'apps/scripts/**'] },
  {
    files: ['apps/*/src/**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { kinobezdna: { rules: { 'no-untranslated-text': noUntranslatedText } }, 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'kinobezdna/no-untranslated-text': [
        'error',
        { props: { include: [['*', '{label,title,hint,placeholder,alt}']] } },
      ],
    },
  },
);
