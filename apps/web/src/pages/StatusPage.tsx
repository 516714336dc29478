import { Button, EmptyState, Spinner, StatusBadge, useFormat } from '@kinobezdna/design';
import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../i18n';
import { fetchPlatformStatus, type ComponentHealth, type PlatformStatus } from '../status';

const REFRESH_MS = 5000;

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; status: PlatformStatus }
  | { kind: 'failed'; message: string; last?: PlatformStatus };

/** Health of every infrastructure server and service, refreshed every few seconds. */
export function StatusPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const t = useT();
  const format = useFormat();

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const status = await fetchPlatformStatus(signal);
      setState({ kind: 'loaded', status });
    } catch (error) {
      if (signal?.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      setState((previous) => ({
        kind: 'failed',
        message,
        last: previous.kind === 'loaded' ? previous.status : previous.kind === 'failed' ? previous.last : undefined,
      }));
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    const timer = window.setInterval(() => void load(controller.signal), REFRESH_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [load]);

  const status = state.kind === 'loaded' ? state.status : state.kind === 'failed' ? state.last : undefined;

  return (
    <>
      <div className="status-head">
        <h1 className="page-title">{t('footer.status')}</h1>
        {status && (
          <StatusBadge
            health={status.status === 'UP' ? 'up' : 'down'}
            label={status.status === 'UP' ? t('status.allUp') : t('status.someDown')}
          />
        )}
      </div>
      {state.kind === 'loading' && <Spinner label={t('status.checking')} />}
      {state.kind === 'failed' && (
        <div className="status-error" role="alert">
          <p>{t('status.unreachable', { message: state.message })}</p>
          <Button variant="ghost" onClick={() => void load()}>{t('common.tryAgain')}</Button>
        </div>
      )}
      {status && (
        <>
          <StatusTable caption={t('status.infrastructure')} empty={t('status.noInfrastructure')} rows={status.infrastructure} />
          <StatusTable caption={t('status.services')} empty={t('status.noServices')} rows={status.services} />
          {status.tracesUrl && (
            <p className="status-traces">
              <FormattedMessage
                id="status.traces"
                values={{
                  link: (text) => (
                    <a href={status.tracesUrl} target="_blank" rel="noreferrer">
                      {text}
                    </a>
                  ),
                }}
              />
            </p>
          )}
          <p className="status-checked">
            <FormattedMessage
              id="status.checked"
              values={{
                time: <time dateTime={status.checkedAt}>{format.time(status.checkedAt)}</time>,
                seconds: REFRESH_MS / 1000,
              }}
            />
          </p>
        </>
      )}
    </>
  );
}

function StatusTable({ caption, empty, rows }: { caption: string; empty: string; rows: ComponentHealth[] }) {
  const t = useT();
  if (rows.length === 0) {
    return <EmptyState title={empty} />;
  }
  // the gateway adds where and how each check went for an administrator only
  const details = rows.some((row) => row.target !== undefined);
  return (
    <table className="status-table" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('status.component')}</th>
          <th scope="col">{t('status.state')}</th>
          {details && (
            <>
              <th scope="col">{t('status.address')}</th>
              <th scope="col">{t('status.detail')}</th>
              <th scope="col" className="num">{t('status.check')}</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} data-component={row.name}>
            <th scope="row">{row.name}</th>
            <td><StatusBadge health={row.up ? 'up' : 'down'} /></td>
            {details && (
              <>
                <td><code>{row.target}</code></td>
                <td>{row.detail}</td>
                <td className="num">{t('status.millis', { millis: row.millis })}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
