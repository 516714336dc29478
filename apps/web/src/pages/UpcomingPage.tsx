import { EmptyState } from '@kinobezdna/design';
import { Link } from 'react-router-dom';

/** A route whose service is not part of the platform yet: says so, and where to go instead. */
export function UpcomingPage({ title, feature }: { title: string; feature: string }) {
  return (
    <>
      <h1 className="page-title">{title}</h1>
      <EmptyState
        title={`${feature} is on its way`}
        action={<Link className="kb-button kb-button--ghost" to="/">Back to the home page</Link>}
      >
        This part of KinoBezdna has not been built yet. The platform status page shows what is running today.
      </EmptyState>
    </>
  );
}
