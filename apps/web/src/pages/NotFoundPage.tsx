import { EmptyState } from '@kinobezdna/design';
import { FormattedMessage } from 'react-intl';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../i18n';

export function NotFoundPage() {
  const { pathname } = useLocation();
  const t = useT();
  return (
    <>
      <h1 className="page-title">{t('notFound.title')}</h1>
      <EmptyState
        title={t('notFound.heading')}
        action={<Link className="kb-button kb-button--primary" to="/">{t('notFound.home')}</Link>}
      >
        <FormattedMessage id="notFound.text" values={{ path: <code>{pathname}</code> }} />
      </EmptyState>
    </>
  );
}
