import { useIntl } from 'react-intl';

export type Health = 'up' | 'down' | 'unknown';

/** A coloured dot plus a word, so the state never depends on colour alone. */
export function StatusBadge({ health, label }: { health: Health; label?: string }) {
  const intl = useIntl();
  return (
    <span className={`kb-badge kb-badge--${health}`} data-health={health}>
      {label ?? intl.formatMessage({ id: `design.health.${health}` })}
    </span>
  );
}
