import { Button } from '@kinobezdna/design';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../account/api';
import { Field } from '../account/Field';
import { useSession } from '../account/session';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';

export function LoginPage() {
  const { state, logIn } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/profile';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  if (state.status === 'signed-in' && !busy) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await logIn(email, password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(errorText(e));
      if (e instanceof ApiError) setFields(e.fieldErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-card">
      <h1 className="page-title">{t('login.title')}</h1>
      <form onSubmit={submit} noValidate>
        <Field id="email" label={t('account.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} />
        <Field id="password" label={t('account.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={fields.password} />
        {error && <p className="form-error" role="alert">{error}</p>}
        <Button type="submit" disabled={busy}>{busy ? t('login.busy') : t('login.submit')}</Button>
      </form>
      <p className="auth-alt">
        {t('login.new')} <Link to="/register">{t('login.register')}</Link>
      </p>
    </section>
  );
}
