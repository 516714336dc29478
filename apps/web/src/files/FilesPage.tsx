import { Button, EmptyState, Spinner } from '@kinobezdna/design';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router-dom';
import { messageOf, toApiError } from '../account/api';
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
        setError(messageOf(e));
      }
    },
    [api, kind, words],
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
        .catch((e: unknown) => update({ error: messageOf(e) }));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    upload(e.dataTransfer.files);
  };

  return (
    <>
      <h1 className="page-title">My files</h1>
      {usage && (
        <p className="files-usage">
          {formatBytes(usage.usedBytes)} of {formatBytes(usage.quotaBytes)} used
          <progress max={usage.quotaBytes} value={usage.usedBytes} aria-label="Storage used" />
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
        <p>Drop audio, video, images, PDFs, e-books, subtitles or a zip of stills here</p>
        <Button variant="primary" onClick={() => input.current?.click()}>Choose files</Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="Files to upload"
          onChange={(e) => {
            upload(e.target.files);
            e.target.value = '';
          }}
        />
      </div>

      {uploads.length > 0 && (
        <ul className="upload-list" aria-label="Uploads">
          {uploads.map((u) => (
            <li key={u.key}>
              <span className="upload-name">{u.name}</span>
              {u.error ? (
                <span className="form-error" role="alert">
                  {u.error}{' '}
                  <Button variant="ghost" onClick={() => setUploads((all) => all.filter((x) => x.key !== u.key))}>
                    Dismiss
                  </Button>
                </span>
              ) : (
                <progress max={u.total || 1} value={u.loaded} aria-label={`Uploading ${u.name}`} />
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
          Kind{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as FileKind | '')}>
            <option value="">All</option>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Name, title or artist"
          aria-label="Search your files"
        />
      </form>

      {error && <p className="form-error" role="alert">{error}</p>}
      {files === null && !error && <Spinner label="Loading your files…" />}
      {files && files.length === 0 && (
        <EmptyState title={kind || words ? 'Nothing matches' : 'No files yet'}>
          {kind || words ? 'Try another kind or other words.' : 'Upload a file and it shows up here with what it contains.'}
        </EmptyState>
      )}
      {files && files.length > 0 && (
        <ul className="file-list" aria-label="Your files">
          {files.map((file) => (
            <li key={file.id} className="file-row" data-testid="file-row">
              <FileThumb file={file} token={token} />
              <div className="file-row__text">
                <Link to={`/files/${file.id}`} className="file-row__name">{file.name}</Link>
                <span className="file-row__meta">
                  {KIND_LABELS[file.kind]} · {formatBytes(file.sizeBytes)} · {extractionText(file)}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <div className="load-more">
          <Button variant="ghost" onClick={() => void load(next)}>Show more</Button>
        </div>
      )}
    </>
  );
}

export function extractionText(file: StoredFile): string {
  switch (file.extraction.status) {
    case 'PENDING':
      return 'Reading metadata…';
    case 'FAILED':
      return `Metadata unreadable: ${file.extraction.error ?? 'unknown reason'}`;
    default:
      return typeof file.metadata.title === 'string' ? file.metadata.title : 'Metadata ready';
  }
}
