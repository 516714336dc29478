import { Button, EmptyState, Spinner, useFormat } from '@kinobezdna/design';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toApiError } from '../account/api';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { useSession } from '../account/session';
import { extractionText } from './FilesPage';
import {
  contentUrl,
  fieldLabel,
  formatBytes,
  formatValue,
  KIND_LABELS,
  type MetadataValue,
  type StoredFile,
} from './api';

/**
 * One file: a preview (image, audio and video players, the first page of a PDF), its metadata
 * — editable where it describes rather than measures the file — who may see it, and delete.
 */
export function FilePage() {
  const { fileId = '' } = useParams();
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const format = useFormat();
  const navigate = useNavigate();
  const [file, setFile] = useState<StoredFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const load = useCallback(async () => {
    try {
      const response = await api(`/api/files/files/${fileId}`);
      if (response.status === 404) {
        setMissing(true);
        return;
      }
      if (!response.ok) throw await toApiError(response);
      setFile((await response.json()) as StoredFile);
    } catch (e) {
      setError(errorText(e));
    }
  }, [api, fileId, errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (file?.extraction.status !== 'PENDING') return undefined;
    const timer = window.setTimeout(() => void load(), 1000);
    return () => window.clearTimeout(timer);
  }, [file, load]);

  const token = state.status === 'signed-in' ? state.accessToken : null;
  // Made once per file and visibility, not per token: a new token in the URL would restart the player.
  const fileKey = file ? `${file.id}:${file.visibility}` : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose: see above
  const src = useMemo(() => (file ? contentUrl(file, token) : ''), [fileKey]);

  if (missing) {
    return (
      <EmptyState
        title={t('file.missing')}
        action={<Link className="kb-button kb-button--ghost" to="/files">{t('file.back')}</Link>}
      >
        {t('file.missingText')}
      </EmptyState>
    );
  }
  if (!file) return error ? <p className="form-error" role="alert">{error}</p> : <Spinner label={t('file.loading')} />;

  const remove = async () => {
    if (!window.confirm(t('file.confirmDelete', { name: file.name }))) return;
    const response = await api(`/api/files/files/${file.id}`, { method: 'DELETE' });
    if (response.ok) navigate('/files');
    else setError(errorText(await toApiError(response)));
  };

  return (
    <article className="file-page">
      <p>
        <Link to="/files">{t('file.backArrow')}</Link>
      </p>
      <h1 className="page-title">{file.name}</h1>
      <p className="file-row__meta">
        {t(KIND_LABELS[file.kind])} · {file.mediaType} · {formatBytes(file.sizeBytes, t)} ·{' '}
        {t('file.uploaded', { when: format.dateTime(file.createdAt) })}
      </p>
      {error && <p className="form-error" role="alert">{error}</p>}

      <Preview file={file} src={src} token={token} />

      <p>
        <a className="kb-button kb-button--ghost" href={`${src}${src.includes('?') ? '&' : '?'}download=true`}>
          {t('file.download')}
        </a>
      </p>

      <section aria-labelledby="metadata-heading">
        <h2 id="metadata-heading">{t('file.metadata')}</h2>
        <p role="status">{extractionText(file, t)}</p>
        {file.mine ? <MetadataForm file={file} onSaved={setFile} /> : <MetadataTable file={file} />}
      </section>

      {file.mine && (
        <section aria-labelledby="access-heading">
          <h2 id="access-heading">{t('file.access')}</h2>
          <AccessForm file={file} onSaved={setFile} />
          <Button variant="ghost" onClick={() => void remove()}>{t('file.delete')}</Button>
        </section>
      )}
    </article>
  );
}

function Preview({ file, src, token }: { file: StoredFile; src: string; token: string | null }) {
  const t = useT();
  switch (file.kind) {
    case 'VIDEO':
      return (
        <video className="file-preview" data-testid="file-video" src={src} controls preload="metadata" aria-label={t('file.player', { name: file.name })} />
      );
    case 'AUDIO':
      return (
        <audio className="file-preview" data-testid="file-audio" src={src} controls preload="metadata" aria-label={t('file.player', { name: file.name })} />
      );
    case 'IMAGE':
      return <img className="file-preview" src={src} alt={String(file.metadata.title ?? file.name)} />;
    default:
      return file.hasThumbnail ? (
        <img className="file-preview file-preview--page" src={contentUrl(file, token, 'thumbnail')} alt={t('file.firstPage', { name: file.name })} />
      ) : null;
  }
}

function MetadataTable({ file }: { file: StoredFile }) {
  const t = useT();
  const format = useFormat();
  const entries = Object.entries(file.metadata);
  if (entries.length === 0) return null;
  return (
    <dl className="metadata">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{fieldLabel(key, t)}</dt>
          <dd>{formatValue(key, value, t, format)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Measured facts as text; descriptive fields as inputs, saved together. */
function MetadataForm({ file, onSaved }: { file: StoredFile; onSaved: (f: StoredFile) => void }) {
  const { api } = useSession();
  const t = useT();
  const format = useFormat();
  const errorText = useErrorText();
  const editable = file.fields.filter((f) => f.editable);
  const initial = () =>
    Object.fromEntries(editable.map((f) => [f.key, toText(file.metadata[f.key] ?? null)])) as Record<string, string>;
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // the form starts again from each saved version of the file
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setValues(initial()), [file]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const fields: Record<string, MetadataValue> = {};
    for (const f of editable) {
      const before = toText(file.metadata[f.key] ?? null);
      if (values[f.key] === before) continue;
      const text = values[f.key].trim();
      fields[f.key] =
        text === '' ? null : f.type === 'INTEGER' ? Number(text) : f.type === 'TEXT_LIST' ? text.split(',').map((s) => s.trim()).filter(Boolean) : text;
    }
    if (Object.keys(fields).length === 0) {
      setMessage(t('file.nothingChanged'));
      return;
    }
    setSaving(true);
    const response = await api(`/api/files/files/${file.id}/metadata`, { method: 'PATCH', body: JSON.stringify({ fields }) });
    setSaving(false);
    if (response.ok) {
      setProblems({});
      setMessage(t('file.saved'));
      onSaved((await response.json()) as StoredFile);
      return;
    }
    const error = await toApiError(response);
    setProblems(
      Object.fromEntries(Object.entries(error.fieldErrors).map(([field, text]) => [field.replace(/^fields\./, ''), text])),
    );
    setMessage(errorText(error));
  };

  const measured = Object.entries(file.metadata).filter(([key]) => !editable.some((f) => f.key === key));
  return (
    <>
      {measured.length > 0 && (
        <dl className="metadata">
          {measured.map(([key, value]) => (
            <div key={key}>
              <dt>{fieldLabel(key, t)}</dt>
              <dd>{formatValue(key, value, t, format)}</dd>
            </div>
          ))}
        </dl>
      )}
      <form className="metadata-form" onSubmit={(e) => void save(e)} noValidate>
        {editable.map((f) => (
          <label key={f.key} className="field">
            <span>
              {fieldLabel(f.key, t)}
              {file.edited.includes(f.key) && <small> {t('file.edited')}</small>}
            </span>
            <input
              value={values[f.key] ?? ''}
              inputMode={f.type === 'INTEGER' ? 'numeric' : undefined}
              placeholder={f.type === 'TEXT_LIST' ? t('file.commaSeparated') : undefined}
              aria-invalid={problems[f.key] ? true : undefined}
              onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
            />
            {problems[f.key] && <span className="field-error">{problems[f.key]}</span>}
          </label>
        ))}
        <Button type="submit" variant="primary" disabled={saving}>{saving ? t('common.saving') : t('file.saveMetadata')}</Button>
        {message && <p role="status">{message}</p>}
      </form>
    </>
  );
}

function AccessForm({ file, onSaved }: { file: StoredFile; onSaved: (f: StoredFile) => void }) {
  const { api } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const change = async (visibility: 'PRIVATE' | 'PUBLIC') => {
    const response = await api(`/api/files/files/${file.id}/access`, { method: 'PUT', body: JSON.stringify({ visibility }) });
    if (response.ok) onSaved((await response.json()) as StoredFile);
    else setError(errorText(await toApiError(response)));
  };
  return (
    <fieldset className="access">
      <legend className="visually-hidden">{t('file.visibility')}</legend>
      {(['PRIVATE', 'PUBLIC'] as const).map((v) => (
        <label key={v}>
          <input type="radio" name="visibility" checked={file.visibility === v} onChange={() => void change(v)} />{' '}
          {v === 'PRIVATE' ? t('file.private') : t('file.public')}
        </label>
      ))}
      {file.visibility === 'SHARED' && <p>{t('file.sharedWith', { count: file.sharedWith.length })}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
    </fieldset>
  );
}

function toText(value: MetadataValue): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}
