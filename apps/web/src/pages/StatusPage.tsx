import { Button, EmptyState, Spinner, StatusBadge } from '@kinobezdna/design';
import { useCallback, useEffect, useState } from 'react';
import { fetchPlatformStatus, type ComponentHealth, type PlatformStatus } from '../status';

const REFRESH_MS = 5000;

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; status: PlatformStatus }
  | { kind: 'failed'; message: string; last?: PlatformStatus };

/** Health of every infrastructure server and service, refreshed every few seconds. */
export function StatusPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });

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
        <h1 className="page-title">Platform status</h1>
        {status && (
          <StatusBadge
            health={status.status === 'UP' ? 'up' : 'down'}
            label={status.status === 'UP' ? 'All systems healthy' : 'Some parts are down'}
          />
        )}
      </div>
      {state.kind === 'loading' && <Spinner label="Checking every component…" />}
      {state.kind === 'failed' && (
        <div className="status-error" role="alert">
          <p>Could not reach the gateway: {state.message}</p>
          <Button variant="ghost" onClick={() => void load()}>Try again</Button>
        </div>
      )}
      {status && (
        <>
          <StatusTable caption="Infrastructure" rows={status.infrastructure} />
          <StatusTable caption="Services" rows={status.services} />
          {status.tracesUrl && (
            <p className="status-traces">
              Traces of every request: <a href={status.tracesUrl} target="_blank" rel="noreferrer">open Zipkin</a>
            </p>
          )}
          <p className="status-checked">
            Checked at <time dateTime={status.checkedAt}>{new Date(status.checkedAt).toLocaleTimeString()}</time>;
            refreshes every {REFRESH_MS / 1000} s.
          </p>
        </>
      )}
    </>
  );
}

function StatusTable({ caption, rows }: { caption: string; rows: ComponentHealth[] }) {
  if (rows.length === 0) {
    return <EmptyState title={`No ${caption.toLowerCase()} configured`} />;
  }
  // the gateway adds where and how each check went for an administrator only
  const details = rows.some((row) => row.target !== undefined);
  return (
    <table className="status-table" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Component</th>
          <th scope="col">State</th>
          {details && (
            <>
              <th scope="col">Address</th>
              <th scope="col">Detail</th>
              <th scope="col" className="num">Check</th>
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
                <td className="num">{row.millis} ms</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
