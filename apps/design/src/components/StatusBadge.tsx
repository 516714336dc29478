export type Health = 'up' | 'down' | 'unknown';

const LABELS: Record<Health, string> = { up: 'Healthy', down: 'Down', unknown: 'Unknown' };

/** A coloured dot plus a word, so the state never depends on colour alone. */
export function StatusBadge({ health, label }: { health: Health; label?: string }) {
  return (
    <span className={`kb-badge kb-badge--${health}`} data-health={health}>
      {label ?? LABELS[health]}
    </span>
  );
}
