import { useCallback, useRef } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../account/api';

/**
 * What to tell the user about a failed call: the translation of the problem's reason code when the
 * catalog has one (error.<REASON>), otherwise the server's own text; a network failure has its own.
 */
export function useErrorText(): (error: unknown) => string {
  // one function for the component's life (safe in effect dependencies), speaking the current language
  const intl = useIntl();
  const current = useRef(intl);
  current.current = intl;
  return useCallback(
    (error: unknown) => {
      const intl = current.current;
      if (!(error instanceof ApiError)) return intl.formatMessage({ id: 'error.offline' });
      const id = `error.${error.reason}`;
      const text =
        error.reason && Object.hasOwn(intl.messages, id)
          ? intl.formatMessage({ id })
          : error.message || intl.formatMessage({ id: 'error.failed' }, { status: error.status });
      return error.retryAfterSeconds
        ? intl.formatMessage({ id: 'error.retryAfter' }, { text, seconds: error.retryAfterSeconds })
        : text;
    },
    [],
  );
}
