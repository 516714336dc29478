/** A file as the files service describes it (FileView). */
export interface StoredFile {
  id: string;
  name: string;
  mediaType: string;
  kind: FileKind;
  sizeBytes: number;
  visibility: 'PRIVATE' | 'SHARED' | 'PUBLIC';
  sharedWith: string[];
  createdAt: string;
  mine: boolean;
  extraction: { status: 'PENDING' | 'DONE' | 'FAILED'; error: string | null };
  metadata: Record<string, MetadataValue>;
  edited: string[];
  fields: { key: string; type: 'TEXT' | 'INTEGER' | 'DECIMAL' | 'BOOLEAN' | 'TEXT_LIST'; editable: boolean }[];
  hasThumbnail: boolean;
}

export type FileKind = 'AUDIO' | 'VIDEO' | 'IMAGE' | 'DOCUMENT' | 'SUBTITLES' | 'STILLS';
export type MetadataValue = string | number | boolean | string[] | null;

export interface FilesPage {
  items: StoredFile[];
  nextCursor: string;
}

export interface Usage {
  usedBytes: number;
  quotaBytes: number;
}

export const KIND_LABELS: Record<FileKind, string> = {
  AUDIO: 'Audio',
  VIDEO: 'Video',
  IMAGE: 'Images',
  DOCUMENT: 'Documents',
  SUBTITLES: 'Subtitles',
  STILLS: 'Stills archives',
};

/** Field names as people read them. */
export const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  artist: 'Artist',
  album: 'Album',
  trackNumber: 'Track',
  year: 'Year',
  genre: 'Genre',
  studio: 'Studio',
  director: 'Director',
  cast: 'Cast',
  author: 'Author',
  language: 'Language',
  description: 'Description',
  durationSeconds: 'Duration',
  bitrateKbps: 'Bitrate',
  sampleRateHz: 'Sample rate',
  channels: 'Channels',
  audioCodec: 'Audio codec',
  coverArt: 'Cover art',
  width: 'Width',
  height: 'Height',
  frameRate: 'Frame rate',
  videoCodec: 'Video codec',
  camera: 'Camera',
  takenAt: 'Taken',
  orientation: 'Orientation',
  locationRemoved: 'Location hidden from others',
  pages: 'Pages',
  chapters: 'Chapters',
  cueCount: 'Cues',
  firstLines: 'First lines',
  imageCount: 'Images',
  expandedBytes: 'Unpacked size',
  imageNames: 'Files inside',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatValue(key: string, value: MetadataValue): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (key === 'durationSeconds' && typeof value === 'number') {
    const total = Math.round(value);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = String(total % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  }
  if (key === 'bitrateKbps') return `${value} kbit/s`;
  if (key === 'sampleRateHz') return `${value} Hz`;
  if (key === 'frameRate') return `${value} fps`;
  if (key === 'expandedBytes' && typeof value === 'number') return formatBytes(value);
  if (key === 'takenAt' && typeof value === 'string') return new Date(value).toLocaleString();
  return String(value);
}

/** Where a file's bytes are: a media element cannot send headers, so the token rides along. */
export function contentUrl(file: StoredFile, token: string | null, part: 'content' | 'thumbnail' = 'content'): string {
  if (file.visibility === 'PUBLIC') return `/api/files/public/files/${file.id}/${part}`;
  return `/api/files/files/${file.id}/${part}?access_token=${encodeURIComponent(token ?? '')}`;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Uploads one file with progress (fetch() cannot report upload progress, XMLHttpRequest can). The
 * file is the body itself, named in X-File-Name: its length is then the file's exact size, and the
 * service stores it in one piece. Resolves with the stored file or rejects with the service's
 * message.
 */
export function uploadFile(
  file: File,
  token: string,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
  visibility: 'PRIVATE' | 'PUBLIC' = 'PRIVATE',
): Promise<StoredFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/files/files?visibility=${visibility}`);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.responseType = 'json';
    request.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    request.onload = () => {
      if (request.status === 201) {
        resolve(request.response as StoredFile);
      } else {
        const problem = request.response as { detail?: string; title?: string } | null;
        reject(new Error(problem?.detail ?? problem?.title ?? `The upload failed (${request.status}).`));
      }
    };
    request.onerror = () => reject(new Error('The connection dropped during the upload. Try again.'));
    request.onabort = () => reject(new Error('Upload cancelled.'));
    signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}
