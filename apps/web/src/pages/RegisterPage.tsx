import { Button } from '@kinobezdna/design';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../account/api';
import { Field } from '../account/Field';
import { useSession } from '../account/session';
import { useT, type MessageId } from '../i18n';
import { useErrorText } from '../i18n/errors';

/** Checks the browser can do before asking the server, which checks everything again. */
function localProblems(email: string, password: string, displayName: string): Record<string, MessageId> {
  const problems: Record<string, MessageId> = {};
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) problems.email = 'register.problem.email';
  if (password.length < 10) problems.password = 'register.problem.password';
  if (!displayName.trim()) problems.displayName = 'register.problem.name';
  return problems;
}

export function RegisterPage() {
  const { register } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = localProblems(email, password, displayName);
    setFields(Object.fromEntries(Object.entries(problems).map(([field, id]) => [field, t(id)])));
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await register(email, password, displayName);
      navigate('/profile', { replace: true });
    } catch (e) {
      setError(errorText(e));
      if (e instanceof ApiError) setFields(e.fieldErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-card">
      <h1 className="page-title">{t('register.title')}</h1>
      <form onSubmit={submit} noValidate>
        <Field id="displayName" label={t('register.name')} autoComplete="nickname" value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={fields.displayName} />
        <Field id="email" label={t('account.email')} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} />
        <Field id="password" label={t('account.password')} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fields.password} hint={t('register.passwordHint')} />
        {error && <p className="form-error" role="alert">{error}</p>}
        <Button type="submit" disabled={busy}>{busy ? t('register.busy') : t('register.submit')}</Button>
      </form>
      <p className="auth-alt">
        {t('register.haveAccount')} <Link to="/login">{t('login.submit')}</Link>
      </p>
    </section>
  );
}
