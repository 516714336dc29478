import type { ReactNode } from 'react';

/** What a page shows when it has nothing to show yet, and what to do about it. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <section className="kb-empty">
      <h2 className="kb-empty__title">{title}</h2>
      {children && <p style={{ margin: 0, maxWidth: 480 }}>{children}</p>}
      {action}
    </section>
  );
}
