import { useIntl } from 'react-intl';

/** Loading indicator with a text alternative for screen readers. */
export function Spinner({ label }: { label?: string }) {
  const intl = useIntl();
  return (
    <div role="status" aria-live="polite" style={{ display: 'grid', placeItems: 'center', padding: 24 }}>
      <div className="kb-spinner" aria-hidden="true" />
      <span className="kb-visually-hidden">{label ?? intl.formatMessage({ id: 'design.loading' })}</span>
    </div>
  );
}
