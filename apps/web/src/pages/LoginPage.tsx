import { Button } from '@kinobezdna/design';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, messageOf } from '../account/api';
import { Field } from '../account/Field';
import { useSession } from '../account/session';

export function LoginPage() {
  const { state, logIn } = useSession();
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
      setError(messageOf(e));
      if (e instanceof ApiError) setFields(e.fieldErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-card">
      <h1 className="page-title">Sign in</h1>
      <form onSubmit={submit} noValidate>
        <Field id="email" label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} />
        <Field id="password" label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={fields.password} />
        {error && <p className="form-error" role="alert">{error}</p>}
        <Button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</Button>
      </form>
      <p className="auth-alt">New here? <Link to="/register">Create an account</Link></p>
    </section>
  );
}
