import { useTranslate, type Catalog, type Locale } from '@kinobezdna/design';
import en from './en.json';
import ru from './ru.json';

/** Every message id of the app: en.json is the list, and ru.json must have each one too. */
export type MessageId = keyof typeof en;

const russian: Record<MessageId, string> = ru;

export const catalogs: Record<Locale, Catalog> = { en, ru: russian };

/** t(id, values): the app's typed translate function. */
export const useT = () => useTranslate<MessageId>();
