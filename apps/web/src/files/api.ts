import type { useFormat } from '@kinobezdna/design';
import { ApiError } from '../account/api';
import type { MessageId, useT } from '../i18n';

type Translate = ReturnType<typeof useT>;
type Format = ReturnType<typeof useFormat>;

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

export const KIND_LABELS: Record<FileKind, MessageId> = {
  AUDIO: 'files.kind.AUDIO',
  VIDEO: 'files.kind.VIDEO',
  IMAGE: 'files.kind.IMAGE',
  DOCUMENT: 'files.kind.DOCUMENT',
  SUBTITLES: 'files.kind.SUBTITLES',
  STILLS: 'files.kind.STILLS',
};

/** Each metadata field's name as people read it. */
const FIELD_LABELS: Record<string, MessageId> = {
  title: 'files.field.title',
  artist: 'files.field.artist',
  album: 'files.field.album',
  trackNumber: 'files.field.trackNumber',
  year: 'files.field.year',
  genre: 'files.field.genre',
  studio: 'files.field.studio',
  director: 'files.field.director',
  cast: 'files.field.cast',
  author: 'files.field.author',
  language: 'files.field.language',
  description: 'files.field.description',
  durationSeconds: 'files.field.durationSeconds',
  bitrateKbps: 'files.field.bitrateKbps',
  sampleRateHz: 'files.field.sampleRateHz',
  channels: 'files.field.channels',
  audioCodec: 'files.field.audioCodec',
  coverArt: 'files.field.coverArt',
  width: 'files.field.width',
  height: 'files.field.height',
  frameRate: 'files.field.frameRate',
  videoCodec: 'files.field.videoCodec',
  camera: 'files.field.camera',
  takenAt: 'files.field.takenAt',
  orientation: 'files.field.orientation',
  locationRemoved: 'files.field.locationRemoved',
  pages: 'files.field.pages',
  chapters: 'files.field.chapters',
  cueCount: 'files.field.cueCount',
  firstLines: 'files.field.firstLines',
  imageCount: 'files.field.imageCount',
  expandedBytes: 'files.field.expandedBytes',
  imageNames: 'files.field.imageNames',
};

/** A metadata field's name as people read it (its key when the site does not know it). */
export function fieldLabel(key: string, t: Translate): string {
  return Object.hasOwn(FIELD_LABELS, key) ? t(FIELD_LABELS[key]) : key;
}

const BYTE_UNITS: MessageId[] = ['files.size.KiB', 'files.size.MiB', 'files.size.GiB', 'files.size.TiB'];

export function formatBytes(bytes: number, t: Translate): string {
  if (bytes < 1024) return t('files.size.B', { value: bytes });
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return t(BYTE_UNITS[unit], { value: Number(value.toFixed(value < 10 ? 1 : 0)) });
}

export function formatValue(key: string, value: MetadataValue, t: Translate, format: Format): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (key === 'durationSeconds' && typeof value === 'number') {
    const total = Math.round(value);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = String(total % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  }
  if (key === 'bitrateKbps') return t('files.unit.kbps', { value: Number(value) });
  if (key === 'sampleRateHz') return t('files.unit.hz', { value: Number(value) });
  if (key === 'frameRate') return t('files.unit.fps', { value: Number(value) });
  if (key === 'expandedBytes' && typeof value === 'number') return formatBytes(value, t);
  if (key === 'takenAt' && typeof value === 'string') return format.dateTime(value);
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
 * service stores it in one piece. Resolves with the stored file or rejects with an ApiError (the
 * service's problem, or the upload's own end).
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
        const problem = request.response as { detail?: string; reason?: string } | null;
        reject(new ApiError(request.status, problem?.detail ?? '', problem?.reason, {}));
      }
    };
    request.onerror = () => reject(new ApiError(0, '', 'UPLOAD_INTERRUPTED', {}));
    request.onabort = () => reject(new ApiError(0, '', 'UPLOAD_CANCELLED', {}));
    signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}
