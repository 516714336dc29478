import { useMemo } from 'react';
import { useIntl, type IntlShape } from 'react-intl';

/** What a message's placeholders are filled with. */
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/**
 * A typed translate function: t(id, values) formats the message with that id in the current
 * language. Each app passes its own message-id type, so an unknown id fails the type check.
 */
export function useTranslate<Id extends string>(): (id: Id, values?: MessageValues) => string {
  const intl = useIntl();
  return useMemo(() => (id: Id, values?: MessageValues) => intl.formatMessage({ id }, values), [intl]);
}

/** Numbers, money, dates and durations in the current language, through Intl. */
export function useFormat() {
  const intl = useIntl();
  return useMemo(
    () => ({
      /** An amount in minor units (kopecks, cents) of a currency: "1 234,50 ₽" / "₽1,234.50". */
      money: (minorUnits: number, currency: string) =>
        intl.formatNumber(minorUnits / 100, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }),
      /** A running time: "1 ч 34 мин" / "1 h 34 min". */
      duration: (totalMinutes: number) => {
        const hours = Math.floor(totalMinutes / 60);
        const minutes = totalMinutes % 60;
        if (hours === 0) return intl.formatMessage({ id: 'design.duration.minutes' }, { minutes });
        if (minutes === 0) return intl.formatMessage({ id: 'design.duration.hours' }, { hours });
        return intl.formatMessage({ id: 'design.duration.hoursMinutes' }, { hours, minutes });
      },
      date: (value: string | number | Date) => intl.formatDate(value, { dateStyle: 'medium' }),
      time: (value: string | number | Date) => intl.formatTime(value, { timeStyle: 'medium' }),
      dateTime: (value: string | number | Date) => intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }),
      relative: (value: string | number | Date) => relativeTime(intl, new Date(value)),
    }),
    [intl],
  );
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "5 minutes ago" / "5 минут назад", in the largest unit that fits. */
function relativeTime(intl: IntlShape, when: Date): string {
  let amount = (when.getTime() - Date.now()) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return intl.formatRelativeTime(Math.round(amount), unit, { numeric: 'auto' });
    amount /= size;
  }
  return intl.formatDate(when);
}
