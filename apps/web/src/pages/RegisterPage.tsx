import { Button } from '@kinobezdna/design';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, messageOf } from '../account/api';
import { Field } from '../account/Field';
import { useSession } from '../account/session';

/** Checks the browser can do before asking the server, which checks everything again. */
function localProblems(email: string, password: string, displayName: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) problems.email = 'must be a valid email address';
  if (password.length < 10) problems.password = 'must be at least 10 characters';
  if (!displayName.trim()) problems.displayName = 'is required';
  return problems;
}

export function RegisterPage() {
  const { register } = useSession();
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
    setFields(problems);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await register(email, password, displayName);
      navigate('/profile', { replace: true });
    } catch (e) {
      setError(messageOf(e));
      if (e instanceof ApiError) setFields(e.fieldErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-card">
      <h1 className="page-title">Create an account</h1>
      <form onSubmit={submit} noValidate>
        <Field id="displayName" label="Your name" autoComplete="nickname" value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={fields.displayName} />
        <Field id="email" label="Email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} />
        <Field id="password" label="Password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fields.password} hint="At least 10 characters. A short phrase is easy to remember and hard to guess." />
        {error && <p className="form-error" role="alert">{error}</p>}
        <Button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create account'}</Button>
      </form>
      <p className="auth-alt">Already have an account? <Link to="/login">Sign in</Link></p>
    </section>
  );
}
