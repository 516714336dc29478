// Fails the build when the message catalogs of an app disagree: a key missing in one language, a
// message that does not parse as ICU MessageFormat, a translation that drops or invents a
// placeholder, an id used in the code that no catalog has, or a message no code uses.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';

const root = new URL('..', import.meta.url).pathname;

/** Each app's catalogs and its sources; dynamic ids are built from these prefixes. */
const APPS = [
  { name: 'design', catalogs: 'design/src/i18n', sources: ['design/src'], dynamic: ['design.health.', 'design.duration.'] },
  { name: 'web', catalogs: 'web/src/i18n', sources: ['web/src'], dynamic: ['error.'] },
  { name: 'mobile', catalogs: 'mobile/src/i18n', sources: ['mobile/src'], dynamic: [] },
];
const LANGUAGES = ['en', 'ru'];

const problems = [];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The names of a message's arguments (placeholders, plurals, selects, tags), nested ones too. */
function argumentsOf(elements, into = new Set()) {
  for (const element of elements) {
    if ('value' in element && element.type !== TYPE.literal && element.type !== TYPE.pound) into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

for (const app of APPS) {
  let catalogs;
  try {
    catalogs = Object.fromEntries(
      LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(join(root, app.catalogs, `${lang}.json`), 'utf8'))]),
    );
  } catch (e) {
    if (e.code === 'ENOENT') continue; // an app without messages yet
    throw e;
  }
  const keys = new Set(LANGUAGES.flatMap((lang) => Object.keys(catalogs[lang])));
  for (const key of keys) {
    const parsed = {};
    for (const lang of LANGUAGES) {
      const message = catalogs[lang][key];
      if (message === undefined) {
        problems.push(`${app.name}: "${key}" has no ${lang} translation`);
        continue;
      }
      try {
        parsed[lang] = argumentsOf(parse(message));
      } catch (e) {
        problems.push(`${app.name}: "${key}" (${lang}) is not valid ICU MessageFormat: ${e.message}`);
      }
    }
    if (parsed.en && parsed.ru) {
      const en = [...parsed.en].sort().join(',');
      const ru = [...parsed.ru].sort().join(',');
      if (en !== ru) problems.push(`${app.name}: "${key}" uses {${en}} in en but {${ru}} in ru`);
    }
  }

  const code = app.sources.flatMap((dir) => files(join(root, dir))).map((path) => [path, readFileSync(path, 'utf8')]);
  const used = new Set();
  for (const [path, text] of code) {
    // any string literal that is a message id uses it (ids in tables: label: 'nav.films')
    for (const match of text.matchAll(/(['"`])([a-zA-Z][\w-]*\.[\w.-]+)\1/g)) used.add(match[2]);
    for (const match of text.matchAll(/(?:\bt\(|\bid[:=]\s*\{?\s*)(['"`])([a-zA-Z][\w.-]*)\1/g)) {
      const id = match[2];
      used.add(id);
      if (!keys.has(id) && !app.dynamic.some((prefix) => id === prefix) && id.includes('.')) {
        problems.push(`${relative(root, path)}: message "${id}" is in no ${app.name} catalog`);
      }
    }
  }
  for (const key of keys) {
    if (!used.has(key) && !app.dynamic.some((prefix) => key.startsWith(prefix))) {
      problems.push(`${app.name}: "${key}" is used by no code (remove it, or use it)`);
    }
  }
}

if (problems.length > 0) {
  console.error(`message catalogs: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('message catalogs: every language complete, every message used');
