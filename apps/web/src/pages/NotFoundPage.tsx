import { EmptyState } from '@kinobezdna/design';
import { Link, useLocation } from 'react-router-dom';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <h1 className="page-title">Page not found</h1>
      <EmptyState
        title="This reel is missing"
        action={<Link className="kb-button kb-button--primary" to="/">Go to the home page</Link>}
      >
        There is nothing at <code>{pathname}</code>. Check the address, or start again from the home page.
      </EmptyState>
    </>
  );
}
