// The catalogs format as a reader expects: Russian plural forms, English ones, durations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createIntl } from '@formatjs/intl';

const root = new URL('..', import.meta.url).pathname;
const catalog = (app, lang) => JSON.parse(readFileSync(`${root}/${app}/src/i18n/${lang}.json`, 'utf8'));
const intl = (lang) =>
  createIntl({ locale: lang, messages: { ...catalog('design', lang), ...catalog('web', lang) }, onError: (e) => assert.fail(e) });

test('Russian counts take the plural form their number asks for', () => {
  const ru = intl('ru');
  const items = (count) => ru.formatMessage({ id: 'orders.items' }, { count });
  assert.equal(items(1), '1 позиция');
  assert.equal(items(2), '2 позиции');
  assert.equal(items(5), '5 позиций');
  assert.equal(items(21), '21 позиция');
  assert.equal(items(11), '11 позиций');
  const people = (count) => ru.formatMessage({ id: 'file.sharedWith' }, { count });
  assert.equal(people(1), 'Доступ есть у 1 человека.');
  assert.equal(people(3), 'Доступ есть у 3 человек.');
});

test('English counts say one and many', () => {
  const en = intl('en');
  assert.equal(en.formatMessage({ id: 'orders.items' }, { count: 1 }), '1 item');
  assert.equal(en.formatMessage({ id: 'orders.items' }, { count: 3 }), '3 items');
});

test('durations read "1 ч 34 мин" and "1 h 34 min"', () => {
  assert.equal(intl('ru').formatMessage({ id: 'design.duration.hoursMinutes' }, { hours: 1, minutes: 34 }), '1 ч 34 мин');
  assert.equal(intl('en').formatMessage({ id: 'design.duration.hoursMinutes' }, { hours: 1, minutes: 34 }), '1 h 34 min');
});

