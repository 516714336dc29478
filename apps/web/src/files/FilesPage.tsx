import { Button, EmptyState, Spinner } from '@kinobezdna/design';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router-dom';
import { toApiError } from '../account/api';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { useSession } from '../account/session';
import { FileThumb } from './FileThumb';
import {
  formatBytes,
  KIND_LABELS,
  uploadFile,
  type FileKind,
  type FilesPage as Page,
  type StoredFile,
  type Usage,
} from './api';

interface Upload {
  key: string;
  name: string;
  loaded: number;
  total: number;
  error: string | null;
}

/**
 * The viewer's files: drop or choose files to upload (each with its own progress bar), then the
 * list, newest first, filtered by kind or words. Files whose metadata is still being read are
 * refreshed until it is ready.
 */
export function FilesPage() {
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const token = state.status === 'signed-in' ? state.accessToken : null;
  const [files, setFiles] = useState<StoredFile[] | null>(null);
  const [next, setNext] = useState('');
  const [usage, setUsage] = useState<Usage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<FileKind | ''>('');
  const [query, setQuery] = useState('');
  const [words, setWords] = useState(''); // the query, once typing pauses
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const load = useCallback(
    async (cursor: string) => {
      try {
        const params = new URLSearchParams({ limit: '24', cursor });
        if (kind) params.set('kind', kind);
        if (words) params.set('q', words);
        const [listed, used] = await Promise.all([api(`/api/files/files?${params}`), api('/api/files/usage')]);
        if (!listed.ok) throw await toApiError(listed);
        if (!used.ok) throw await toApiError(used);
        const page = (await listed.json()) as Page;
        setFiles((current) => (cursor && current ? [...current, ...page.items] : page.items));
        setNext(page.nextCursor);
        setUsage((await used.json()) as Usage);
        setError(null);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [api, kind, words, errorText],
  );

  useEffect(() => {
    const timer = window.setTimeout(() => setWords(query.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    void load('');
  }, [load]);

  // Metadata is read in the background: look again while any shown file is still pending.
  const pending = files?.some((f) => f.extraction.status === 'PENDING') ?? false;
  useEffect(() => {
    if (!pending) return undefined;
    const timer = window.setTimeout(() => void load(''), 1000);
    return () => window.clearTimeout(timer);
  }, [pending, files, load]);

  const upload = (chosen: FileList | null) => {
    if (!chosen || !token) return;
    for (const file of Array.from(chosen)) {
      const key = `${file.name}-${Date.now()}-${Math.random()}`;
      setUploads((u) => [...u, { key, name: file.name, loaded: 0, total: file.size, error: null }]);
      const update = (change: Partial<Upload>) =>
        setUploads((u) => u.map((item) => (item.key === key ? { ...item, ...change } : item)));
      uploadFile(file, token, (p) => update({ loaded: p.loaded, total: p.total }))
        .then(() => {
          setUploads((u) => u.filter((item) => item.key !== key));
          void load('');
        })
        .catch((e: unknown) => update({ error: errorText(e) }));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    upload(e.dataTransfer.files);
  };

  return (
    <>
      <h1 className="page-title">{t('nav.files')}</h1>
      {usage && (
        <p className="files-usage">
          {t('files.usage', { used: formatBytes(usage.usedBytes, t), quota: formatBytes(usage.quotaBytes, t) })}
          <progress max={usage.quotaBytes} value={usage.usedBytes} aria-label={t('files.storageUsed')} />
        </p>
      )}

      <div
        className={`dropzone${dragging ? ' dropzone--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>{t('files.drop')}</p>
        <Button variant="primary" onClick={() => input.current?.click()}>{t('files.choose')}</Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label={t('files.toUpload')}
          onChange={(e) => {
            upload(e.target.files);
            e.target.value = '';
          }}
        />
      </div>

      {uploads.length > 0 && (
        <ul className="upload-list" aria-label={t('files.uploads')}>
          {uploads.map((u) => (
            <li key={u.key}>
              <span className="upload-name">{u.name}</span>
              {u.error ? (
                <span className="form-error" role="alert">
                  {u.error}{' '}
                  <Button variant="ghost" onClick={() => setUploads((all) => all.filter((x) => x.key !== u.key))}>
                    {t('files.dismiss')}
                  </Button>
                </span>
              ) : (
                <progress max={u.total || 1} value={u.loaded} aria-label={t('files.uploading', { name: u.name })} />
              )}
            </li>
          ))}
        </ul>
      )}

      <form
        className="files-filter"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setWords(query.trim());
        }}
      >
        <label>
          {t('files.kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as FileKind | '')}>
            <option value="">{t('files.kind.all')}</option>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{t(label)}</option>
            ))}
          </select>
        </label>
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('files.searchPlaceholder')}
          aria-label={t('files.search')}
        />
      </form>

      {error && <p className="form-error" role="alert">{error}</p>}
      {files === null && !error && <Spinner label={t('files.loading')} />}
      {files && files.length === 0 && (
        <EmptyState title={kind || words ? t('files.noMatch') : t('files.none')}>
          {kind || words ? t('files.noMatchText') : t('files.noneText')}
        </EmptyState>
      )}
      {files && files.length > 0 && (
        <ul className="file-list" aria-label={t('files.list')}>
          {files.map((file) => (
            <li key={file.id} className="file-row" data-testid="file-row">
              <FileThumb file={file} token={token} />
              <div className="file-row__text">
                <Link to={`/files/${file.id}`} className="file-row__name">{file.name}</Link>
                <span className="file-row__meta">
                  {t(KIND_LABELS[file.kind])} · {formatBytes(file.sizeBytes, t)} · {extractionText(file, t)}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <div className="load-more">
          <Button variant="ghost" onClick={() => void load(next)}>{t('common.showMore')}</Button>
        </div>
      )}
    </>
  );
}

export function extractionText(file: StoredFile, t: ReturnType<typeof useT>): string {
  switch (file.extraction.status) {
    case 'PENDING':
      return t('files.extraction.pending');
    case 'FAILED':
      return t('files.extraction.failed', { error: file.extraction.error ?? t('files.extraction.unknown') });
    default:
      return typeof file.metadata.title === 'string' ? file.metadata.title : t('files.extraction.done');
  }
}
